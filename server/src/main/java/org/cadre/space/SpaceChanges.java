package org.cadre.space;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlConnection;
import org.cadre.event.EventLog;
import org.cadre.event.SpaceEvent;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.function.BiFunction;

/**
 * The one way an existing space changes, whatever the route (REST, bus command, import): after the caller is
 * authorized, one transaction locks the space's row, applies the change and appends its event. PostgreSQL delivers
 * the event's NOTIFY only on commit, so it is published to subscribers after the change is durable, never for a
 * rolled-back one. The lock serializes every writer of a space, so rules checked inside a change still hold at commit.
 */
public final class SpaceChanges {

  /** The event a change appends: its type and payload. */
  public record Event(String type, JsonObject payload) {
  }

  /** What a change produced: whatever the work answered, and the event it appended (null when nothing changed). */
  public record Applied<T>(T value, SpaceEvent event) {
  }

  /** A change's work: what it answers, and the event to append for it (null when it turned out to change nothing). */
  public record Outcome<T>(T value, Event event) {
    public static <T> Outcome<T> unchanged(T value) {
      return new Outcome<>(value, null);
    }
  }

  /** Whether the change may touch an archived space (only ending a membership may). */
  public enum Archived { REFUSE, ALLOW }

  private final SpaceRepository repo;

  public SpaceChanges(SpaceRepository repo) {
    this.repo = repo;
  }

  /** A change whose only answer is its event. */
  public Future<SpaceEvent> change(UUID spaceId, UUID actor, OffsetDateTime at, String eventType,
                                   BiFunction<SqlConnection, Space, Future<JsonObject>> work) {
    return apply(spaceId, actor, at, Archived.REFUSE, (tx, space) -> work.apply(tx, space)
        .map(payload -> new Outcome<>(null, new Event(eventType, payload))))
      .map(Applied::event);
  }

  /** The general form: the work decides its event (or none) and what the caller answers. */
  public <T> Future<Applied<T>> apply(UUID spaceId, UUID actor, OffsetDateTime at, Archived archived,
                                      BiFunction<SqlConnection, Space, Future<Outcome<T>>> work) {
    OffsetDateTime when = at == null ? OffsetDateTime.now(ZoneOffset.UTC) : at;
    return repo.pool().withTransaction(tx -> (archived == Archived.REFUSE ? repo.lockActive(tx, spaceId) : repo.lock(tx, spaceId))
      .compose(space -> work.apply(tx, space))
      .compose(outcome -> outcome.event() == null
        ? Future.succeededFuture(new Applied<>(outcome.value(), null))
        : EventLog.append(tx, spaceId, outcome.event().type(), outcome.event().payload(), actor, when)
          .map(event -> new Applied<>(outcome.value(), event))));
  }
}

package org.cadre.space;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlConnection;
import org.cadre.event.EventFanout;
import org.cadre.event.EventLog;
import org.cadre.event.SpaceEvent;
import org.cadre.http.ApiException;
import org.cadre.http.ErrorMessage;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The one way an existing space changes, whatever the route (REST, bus command, import): after the caller is
 * authorized, one transaction locks the space's row, applies the change and appends its event; only once that
 * transaction has committed is the event handed to the {@link EventFanout}, so subscribers hear of a change after it
 * is durable, never of a rolled-back one. The lock serializes every writer of a space, so rules checked inside a
 * change still hold at commit.
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

  /**
   * A client's idempotency key for a command: its first result is stored with the change, in its transaction, and
   * a retry with the same key by the same user answers that result (the same event) without applying anything.
   */
  public record Retry(String commandId, String commandType) {
  }

  /** The key was stored by a concurrent duplicate that committed first; this transaction rolls back. */
  private static final class DuplicateCommand extends RuntimeException {
    DuplicateCommand() {
      super(null, null, false, false);
    }
  }

  /** Whether the change may touch an archived space (only ending a membership may). */
  public enum Archived { REFUSE, ALLOW }

  private final SpaceRepository repo;
  private final EventFanout fanout;

  public SpaceChanges(SpaceRepository repo, EventFanout fanout) {
    this.repo = repo;
    this.fanout = fanout;
  }

  public SpaceRepository repository() {
    return repo;
  }

  /**
   * Runs a transaction that appends its own events outside {@link #apply} (a new space's first): its answer's event is
   * handed to the fanout once it has committed.
   */
  public <T> Future<T> create(Function<SqlConnection, Future<Applied<T>>> work) {
    return repo.pool().withTransaction(work).map(this::committed);
  }

  private <T> T committed(Applied<T> applied) {
    if (applied.event() != null) {
      fanout.committed(applied.event());
    }
    return applied.value();
  }

  /** A change whose only answer is its event. */
  public Future<SpaceEvent> change(UUID spaceId, UUID actor, OffsetDateTime at, String eventType,
                                   BiFunction<SqlConnection, Space, Future<JsonObject>> work) {
    return change(spaceId, actor, at, null, eventType, work);
  }

  /**
   * A change whose only answer is its event, made at most once per {@code retry} key (null: no key): a retry
   * answers the stored event, a reused key with another command type fails with 409 {@code idempotency_mismatch}.
   */
  public Future<SpaceEvent> change(UUID spaceId, UUID actor, OffsetDateTime at, Retry retry, String eventType,
                                   BiFunction<SqlConnection, Space, Future<JsonObject>> work) {
    if (retry == null) {
      return once(spaceId, actor, at, null, eventType, work);
    }
    return answered(actor, retry).compose(stored -> stored != null ? Future.succeededFuture(stored)
      : once(spaceId, actor, at, retry, eventType, work).recover(failure -> failure instanceof DuplicateCommand
        ? answered(actor, retry).map(winner -> {
          if (winner == null) {
            throw new IllegalStateException("Command " + retry.commandId() + " lost to a result that is gone");
          }
          return winner;
        })
        : Future.failedFuture(failure)));
  }

  private Future<SpaceEvent> once(UUID spaceId, UUID actor, OffsetDateTime at, Retry retry, String eventType,
                                  BiFunction<SqlConnection, Space, Future<JsonObject>> work) {
    return apply(spaceId, actor, at, Archived.REFUSE, (tx, space) -> work.apply(tx, space)
        .map(payload -> new Outcome<Void>(null, new Event(eventType, payload))), retry == null ? null
        : (tx, applied) -> repo.saveCommandResult(tx, actor, retry.commandId(), retry.commandType(), applied.event().toJson())
          .map(saved -> {
            if (!saved) {
              throw new DuplicateCommand();
            }
            return applied;
          }))
      .map(Applied::event);
  }

  /** The event stored for the key, null when there is none; fails when the key was used for another command. */
  private Future<SpaceEvent> answered(UUID actor, Retry retry) {
    return repo.commandResult(actor, retry.commandId()).map(stored -> {
      if (stored == null) {
        return null;
      }
      if (!stored.type().equals(retry.commandType())) {
        throw ApiException.conflict("idempotency_mismatch", "commandId", ErrorMessage.IDEMPOTENCY_MISMATCH, stored.type());
      }
      return SpaceEvent.fromJson(stored.reply());
    });
  }

  /** The general form: the work decides its event (or none) and what the caller answers. */
  public <T> Future<Applied<T>> apply(UUID spaceId, UUID actor, OffsetDateTime at, Archived archived,
                                      BiFunction<SqlConnection, Space, Future<Outcome<T>>> work) {
    return apply(spaceId, actor, at, archived, work, null);
  }

  /**
   * {@link #apply}, with a last step in the same transaction once the event is appended ({@code last} null: none).
   *
   * <p>The transaction is spelled out rather than left to {@code withTransaction}, so that it costs three round trips
   * instead of five: BEGIN goes out with the row lock, and COMMIT with the append. A COMMIT sent behind a statement
   * that fails ends the transaction as a rollback, so nothing of a failed change is stored; any other failure is
   * rolled back before the connection goes back to the pool.
   */
  private <T> Future<Applied<T>> apply(UUID spaceId, UUID actor, OffsetDateTime at, Archived archived,
                                       BiFunction<SqlConnection, Space, Future<Outcome<T>>> work,
                                       BiFunction<SqlConnection, Applied<T>, Future<Applied<T>>> last) {
    OffsetDateTime when = at == null ? OffsetDateTime.now(ZoneOffset.UTC) : at;
    return repo.pool().withConnection(conn -> {
      boolean[] ended = {false};
      Future<?> begun = conn.query("begin").execute();
      Future<Space> locked = archived == Archived.REFUSE ? repo.lockActive(conn, spaceId) : repo.lock(conn, spaceId);
      Future<Applied<T>> applied = Future.all(begun, locked)
        .compose(v -> work.apply(conn, locked.result()))
        .compose(outcome -> {
          if (outcome.event() == null) {
            ended[0] = true;
            return end(conn, new Applied<>(outcome.value(), null));
          }
          Future<SpaceEvent> appended = EventLog.append(conn, spaceId, outcome.event().type(), outcome.event().payload(), actor, when);
          if (last == null) {
            ended[0] = true;
            Future<?> committed = conn.query("commit").execute();
            return Future.all(appended, committed).map(v -> new Applied<>(outcome.value(), appended.result()));
          }
          return appended.compose(event -> last.apply(conn, new Applied<>(outcome.value(), event)))
            .compose(done -> {
              ended[0] = true;
              return end(conn, done);
            });
        });
      return applied.recover(failure -> ended[0] ? Future.failedFuture(failure)
        : conn.query("rollback").execute().transform(ar -> Future.failedFuture(failure)));
    }).map(applied -> {
      committed(applied);
      return applied;
    });
  }

  private static <T> Future<T> end(SqlConnection conn, T value) {
    return conn.query("commit").execute().map(value);
  }
}

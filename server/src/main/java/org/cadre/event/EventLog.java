package org.cadre.event;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The per-space event log and its change notifications.
 *
 * <p>Every change to a space runs in one transaction that calls {@link #append}: it bumps the space's
 * {@code seq} (the row lock makes concurrent writers of one space commit in seq order), stores the event and
 * queues a NOTIFY on {@link #EVENTS_CHANNEL} carrying the space id, the seq and, when it fits in a notification,
 * the event itself (so relays need not read it back). PostgreSQL delivers the NOTIFY on commit, never for a
 * rolled-back change, to the {@link EventRelay} of every instance.
 */
public final class EventLog {

  public static final String EVENTS_CHANNEL = "cadre_events";
  public static final String ACCESS_CHANNEL = "cadre_access";
  /** PostgreSQL refuses a notification payload of 8,000 bytes or more: bigger events are read back from the log. */
  private static final int NOTICE_LIMIT = 7_900;

  private final Pool pool;

  public EventLog(Pool pool) {
    this.pool = pool;
  }

  /** Appends an event inside the caller's transaction. */
  public static Future<SpaceEvent> append(SqlConnection tx, UUID spaceId, String type, JsonObject payload, UUID actor) {
    return append(tx, spaceId, type, payload, actor, OffsetDateTime.now(ZoneOffset.UTC));
  }

  /** Appends an event that took effect at {@code at}. */
  public static Future<SpaceEvent> append(SqlConnection tx, UUID spaceId, String type, JsonObject payload, UUID actor,
                                          OffsetDateTime at) {
    return tx.preparedQuery(
        "with s as (update spaces set seq = seq + 1 where id = $1 returning seq), "
          + "e as (insert into events (space_id, seq, type, payload, actor_id, at) select $1, s.seq, $2, $3, $4, $5 from s "
          + "returning space_id, seq, type, payload, actor_id, at) "
          + "select e.*, pg_notify('" + EVENTS_CHANNEL + "', case when octet_length(n.full) < " + NOTICE_LIMIT
          + " then n.full else json_build_object('space', e.space_id, 'seq', e.seq)::text end) from e, lateral (select "
          + "json_build_object('space', e.space_id, 'seq', e.seq, 'event', json_build_object('type', e.type, "
          + "'payload', e.payload, 'actor', e.actor_id, 'at', e.at))::text as full) n")
      .execute(Tuple.of(spaceId, type, payload, actor, at))
      .map(rows -> {
        if (rows.size() == 0) {
          throw new IllegalStateException("No space " + spaceId + " to append an event to");
        }
        return SpaceEvent.from(rows.iterator().next());
      });
  }

  /**
   * Tells every instance, on commit, that a user's rights in a space changed, so that caches drop them and
   * live connections lose what they may no longer see.
   */
  public static Future<Void> notifyAccessChanged(SqlClient tx, UUID userId, UUID spaceId) {
    return tx.preparedQuery("select pg_notify('" + ACCESS_CHANNEL + "', json_build_object('user', $1::uuid, 'space', $2::uuid)::text)")
      .execute(Tuple.of(userId, spaceId))
      .mapEmpty();
  }

  /** The seq of the space's latest event (0 before its first); fails for an unknown space. */
  public Future<Long> lastSeq(UUID spaceId) {
    return pool.preparedQuery("select seq from spaces where id = $1").execute(Tuple.of(spaceId)).map(rows -> {
      if (rows.size() == 0) {
        throw new IllegalStateException("No space " + spaceId);
      }
      return rows.iterator().next().getLong(0);
    });
  }

  /** Events of a space after a seq, in order, at most {@code limit}. */
  public Future<List<SpaceEvent>> after(UUID spaceId, long afterSeq, int limit) {
    return pool.preparedQuery("select space_id, seq, type, payload, actor_id, at from events "
        + "where space_id = $1 and seq > $2 order by seq limit $3")
      .execute(Tuple.of(spaceId, afterSeq, limit))
      .map(rows -> {
        List<SpaceEvent> events = new ArrayList<>(rows.size());
        for (Row row : rows) {
          events.add(SpaceEvent.from(row));
        }
        return events;
      });
  }
}

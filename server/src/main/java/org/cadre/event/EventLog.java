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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The per-space event log and its notification channels.
 *
 * <p>Every change to a space runs in one transaction that calls {@link #append}: it bumps the space's
 * {@code seq} (the row lock makes concurrent writers of one space commit in seq order) and stores the event. Once
 * that transaction has committed, its events are handed to the {@link EventFanout}, which tells every server on
 * {@link #EVENTS_CHANNEL}; nothing is announced for a rolled-back change.
 */
public final class EventLog {

  public static final String EVENTS_CHANNEL = "cadre_events";
  public static final String ACCESS_CHANNEL = "cadre_access";

  private final Pool pool;

  public EventLog(Pool pool) {
    this.pool = pool;
  }

  /** Appends an event inside the caller's transaction; the caller hands it to the {@link EventFanout} after commit. */
  public static Future<SpaceEvent> append(SqlConnection tx, UUID spaceId, String type, JsonObject payload, UUID actor) {
    return append(tx, spaceId, type, payload, actor, OffsetDateTime.now(ZoneOffset.UTC));
  }

  /** Appends an event that took effect at {@code at}. */
  public static Future<SpaceEvent> append(SqlConnection tx, UUID spaceId, String type, JsonObject payload, UUID actor,
                                          OffsetDateTime at) {
    return tx.preparedQuery(
        "with s as (update spaces set seq = seq + 1 where id = $1 returning seq) "
          + "insert into events (space_id, seq, type, payload, actor_id, at) select $1, s.seq, $2, $3, $4, $5 from s "
          + "returning space_id, seq, type, payload, actor_id, at")
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

  /** The seq of each of these spaces' latest event; a space that no longer exists is left out. */
  public Future<Map<UUID, Long>> seqs(List<UUID> spaceIds) {
    return pool.preparedQuery("select id, seq from spaces where id = any($1)")
      .execute(Tuple.tuple().addArrayOfUUID(spaceIds.toArray(new UUID[0])))
      .map(rows -> {
        Map<UUID, Long> seqs = new HashMap<>(rows.size() * 2);
        for (Row row : rows) {
          seqs.put(row.getUUID(0), row.getLong(1));
        }
        return seqs;
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

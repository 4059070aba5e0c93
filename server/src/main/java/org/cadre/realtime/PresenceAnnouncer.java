package org.cadre.realtime;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import org.cadre.http.ApiException;
import org.cadre.http.ErrorMessage;
import org.cadre.http.BodyShape;
import org.cadre.space.Access;

import java.util.UUID;

/**
 * The {@code presence} command: "I am viewing this meeting (and editing this item's field)", or "I left". It is
 * sent to every instance through a NOTIFY and never stored; anyone who may read the space may announce.
 */
public final class PresenceAnnouncer {

  private final Pool pool;

  public PresenceAnnouncer(Pool pool) {
    this.pool = pool;
  }

  public void register(Commands commands) {
    commands.register("presence", Access.READ, BodyShape.of("meetingId", "itemId", "field", "leaving"), this::announce);
  }

  private Future<JsonObject> announce(Commands.Command c) {
    UUID meeting = c.body().uuid("meetingId");
    UUID item = c.body().optionalUuid("itemId");
    String field = c.body().optionalString("field", 1, 40);
    boolean leaving = Boolean.TRUE.equals(c.body().optionalBoolean("leaving"));
    // The meeting must be one of this space's: presence must not reveal or pollute another space.
    return pool.preparedQuery("select pg_notify('" + Presence.CHANNEL + "', json_build_object('space', m.space_id, 'meeting', m.id, "
        + "'user', u.id, 'name', u.name, 'item', $3::uuid, 'field', $4::text, 'leaving', $5::boolean)::text) "
        + "from meetings m, users u where m.id = $1 and m.space_id = $2 and u.id = $6")
      .execute(Tuple.of(meeting, c.spaceId(), item, field, leaving, c.userId()))
      .map(rows -> {
        if (rows.size() == 0) {
          throw new ApiException(404, "not_found", "meetingId", ErrorMessage.ENTITY_NOT_FOUND, ErrorMessage.NOUN_MEETING);
        }
        return new JsonObject().put("heartbeatMs", Presence.HEARTBEAT_MS);
      });
  }
}

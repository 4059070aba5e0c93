package org.cadre.event;

import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;

import java.time.Instant;
import java.util.UUID;

/** One entry of a space's event log: the {@code seq}-th change to {@code space}. */
public record SpaceEvent(UUID space, long seq, String type, JsonObject payload, UUID actor, Instant at) {

  static SpaceEvent from(Row row) {
    return new SpaceEvent(row.getUUID("space_id"), row.getLong("seq"), row.getString("type"),
      (JsonObject) row.getValue("payload"), row.getUUID("actor_id"), row.getOffsetDateTime("at").toInstant());
  }

  /** Reads back {@link #toJson}, as stored with a command's result. */
  public static SpaceEvent fromJson(JsonObject json) {
    String actor = json.getString("actor");
    return new SpaceEvent(UUID.fromString(json.getString("space")), json.getLong("seq"), json.getString("type"),
      json.getJsonObject("payload"), actor == null ? null : UUID.fromString(actor), Instant.parse(json.getString("at")));
  }

  /** The wire form sent to {@code space.<id>} subscribers and in catch-up replies. */
  public JsonObject toJson() {
    return new JsonObject()
      .put("space", space.toString())
      .put("seq", seq)
      .put("type", type)
      .put("payload", payload)
      .put("actor", actor == null ? null : actor.toString())
      .put("at", at.toString());
  }
}

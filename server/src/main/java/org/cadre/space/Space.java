package org.cadre.space;

import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import org.cadre.http.JsonBody;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** A space row. */
public record Space(UUID id, UUID parentId, Kind kind, String name, String description, List<UUID> path,
                    long seq, Instant archivedAt, Instant createdAt, String timeZone, Integer cadenceDays,
                    String leaderSelectionMethod, Instant leaderSelectedAt, Integer reminderLeadMinutes) {

  static final String COLUMNS = "id, parent_id, kind, name, description, path, seq, archived_at, created_at, time_zone, "
    + "cadence_days, leader_selection_method, leader_selected_at, reminder_lead_minutes";

  static Space from(Row row) {
    return new Space(row.getUUID("id"), row.getUUID("parent_id"),
      Kind.valueOf(row.getString("kind").toUpperCase(Locale.ROOT)), row.getString("name"),
      row.getString("description"), Arrays.asList(row.getArrayOfUUIDs("path")), row.getLong("seq"),
      row.getOffsetDateTime("archived_at") == null ? null : row.getOffsetDateTime("archived_at").toInstant(),
      row.getOffsetDateTime("created_at").toInstant(), row.getString("time_zone"), row.getInteger("cadence_days"),
      row.getString("leader_selection_method"),
      row.getOffsetDateTime("leader_selected_at") == null ? null : row.getOffsetDateTime("leader_selected_at").toInstant(),
      row.getInteger("reminder_lead_minutes"));
  }

  public boolean archived() {
    return archivedAt != null;
  }

  /** What anyone who may see the space at all is shown. */
  public JsonObject summaryJson(Access access) {
    return new JsonObject()
      .put("id", id.toString())
      .put("parentId", parentId == null ? null : parentId.toString())
      .put("kind", JsonBody.wireName(kind))
      .put("name", name)
      .put("archived", archived())
      .put("access", JsonBody.wireName(access));
  }

  /** What readers of the space are shown. */
  public JsonObject detailJson(Access access) {
    return summaryJson(access)
      .put("description", description)
      .put("seq", seq)
      .put("createdAt", createdAt.toString())
      .put("archivedAt", archivedAt == null ? null : archivedAt.toString())
      .put("timeZone", timeZone)
      .put("cadenceDays", cadenceDays)
      .put("reminderLeadMinutes", reminderLeadMinutes)
      .put("leaderSelection", leaderSelectionMethod == null ? null : new JsonObject()
        .put("method", leaderSelectionMethod).put("at", leaderSelectedAt == null ? null : leaderSelectedAt.toString()));
  }
}

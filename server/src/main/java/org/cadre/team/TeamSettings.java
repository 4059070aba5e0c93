package org.cadre.team;

import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import org.cadre.http.BodyShape;
import org.cadre.http.ApiException;
import org.cadre.http.ErrorMessage;
import org.cadre.http.JsonBody;
import org.cadre.space.Access;
import org.cadre.space.Space;
import org.cadre.space.SpaceChanges;
import org.cadre.space.SpaceRepository;
import org.cadre.realtime.Commands;
import org.cadre.realtime.Commands.Command;
import org.cadre.event.SpaceEvent;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A team's settings: its time zone (meetings recur in it), its declared meeting cadence and how its leader was
 * selected (both read by the culture score), and how long before a meeting its members are emailed a reminder
 * ({@code reminderLeadMinutes}, null for none). Leads change them.
 */
public final class TeamSettings {

  private final SpaceRepository repo;
  private final SpaceChanges changes;

  public TeamSettings(SpaceRepository repo, SpaceChanges changes) {
    this.repo = repo;
    this.changes = changes;
  }

  public void register(Commands commands) {
    commands.register("team.settings", Access.MANAGE, HttpMethod.PATCH, "/settings",
      BodyShape.of("timeZone", "cadenceDays", "reminderLeadMinutes").object("leaderSelection", BodyShape.of("method", "at")), this::update);
  }

  private Future<JsonObject> update(Command c) {
    JsonBody body = c.body();
    String zone = body.optionalString("timeZone", 1, 64);
    // Region ids only: PostgreSQL reads offsets such as "UTC+5" with the opposite sign.
    if (zone != null && !ZoneId.getAvailableZoneIds().contains(zone)) {
      throw ApiException.invalid("timeZone", ErrorMessage.FIELD_TIME_ZONE, "timeZone");
    }
    Integer cadence = body.optionalInt("cadenceDays", 1, 365);
    boolean clearCadence = body.has("cadenceDays") && cadence == null;
    Integer lead = body.optionalInt("reminderLeadMinutes", 5, 20160);
    boolean clearLead = body.has("reminderLeadMinutes") && lead == null;
    // Nested, so its errors name leaderSelection.method and leaderSelection.at: a form shows each at its input.
    JsonBody leader = body.optionalNested("leaderSelection");
    String method = leader == null ? null : leader.optionalString("method", 1, 200);
    Instant selectedAt = leader == null ? null : leader.optionalInstant("at");
    if (body.has("leaderSelection") && method == null) {
      throw ApiException.invalid("leaderSelection.method", ErrorMessage.LEADER_METHOD);
    }
    if (zone == null && cadence == null && !clearCadence && method == null && lead == null && !clearLead) {
      throw ApiException.invalid(null, ErrorMessage.SEND_ONE_OF, "timeZone, cadenceDays, leaderSelection, reminderLeadMinutes");
    }
    OffsetDateTime at = method == null ? null : OffsetDateTime.ofInstant(selectedAt == null ? c.at() : selectedAt, ZoneOffset.UTC);
    return changes.change(c.spaceId(), c.userId(), c.time(), c.retry(), "team.settings-changed",
        (tx, space) -> repo.updateSettings(tx, c.spaceId(), zone, cadence, clearCadence, method, at, lead, clearLead).map(TeamSettings::settings))
      .map(SpaceEvent::toJson);
  }

  static JsonObject settings(Space space) {
    JsonObject detail = space.detailJson(Access.READ);
    return new JsonObject()
      .put("timeZone", detail.getValue("timeZone"))
      .put("cadenceDays", detail.getValue("cadenceDays"))
      .put("reminderLeadMinutes", detail.getValue("reminderLeadMinutes"))
      .put("leaderSelection", detail.getValue("leaderSelection"));
  }
}

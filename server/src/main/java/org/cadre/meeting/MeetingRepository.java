package org.cadre.meeting;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import org.cadre.board.BoardStore;
import org.cadre.http.ErrorMessage;
import org.cadre.board.Entity;
import org.cadre.board.Field;
import org.cadre.history.AttendanceStatus;
import org.cadre.history.DecisionKind;
import org.cadre.history.DecisionMethod;
import org.cadre.history.EquityLevel;
import org.cadre.history.FeedbackKind;
import org.cadre.history.Focus;
import org.cadre.history.ItemKind;
import org.cadre.history.Outcome;
import org.cadre.http.JsonBody;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Meetings and everything recorded in them, in SQL. */
public final class MeetingRepository {

  static final Entity MEETING = new Entity(ErrorMessage.NOUN_MEETING, "meetings", List.of(
    Field.readOnly("id", "id"),
    Field.readOnly("seriesId", "series_id"),
    Field.text("title", "title", 200).required().editable(),
    Field.readOnly("status", "status"),
    Field.of("startsAt", "starts_at", Field.Type.INSTANT).editable(),
    Field.of("endsAt", "ends_at", Field.Type.INSTANT).editable(),
    Field.text("location", "location", 200).nullable().editable(),
    Field.of("facilitatorId", "facilitator_id", Field.Type.MEMBER).nullable().editable(),
    Field.readOnly("agendaPublishedAt", "agenda_published_at"),
    Field.readOnly("reminderSentAt", "reminder_sent_at"),
    Field.of("normsReviewed", "norms_reviewed", Field.Type.BOOL).editable(),
    Field.of("debriefHeld", "debrief_held", Field.Type.BOOL).editable(),
    Field.longText("notes", "notes", 20000).nullable().editable(),
    Field.readOnly("createdBy", "created_by"),
    Field.readOnly("createdAt", "created_at"),
    Field.readOnly("updatedAt", "updated_at")), false);

  static final Entity AGENDA_ITEM = new Entity(ErrorMessage.NOUN_AGENDA_ITEM, "agenda_items", List.of(
    Field.readOnly("id", "id"),
    Field.readOnly("meetingId", "meeting_id"),
    Field.readOnly("rank", "rank"),
    Field.text("title", "title", 200).required().editable(),
    Field.longText("notes", "notes", 20000).nullable().editable(),
    Field.integer("minutes", "minutes", 0, 1440).nullable().editable(),
    Field.enumOf("focus", "focus", Focus.class).editable(),
    Field.enumOf("kind", "kind", ItemKind.class).editable(),
    Field.ref("goalId", "goal_id", "goals").nullable().editable(),
    Field.of("presenterId", "presenter_id", Field.Type.MEMBER).nullable().editable(),
    Field.of("underProtocol", "under_protocol", Field.Type.BOOL).editable(),
    Field.of("dataArtifacts", "data_artifacts", Field.Type.ARTIFACTS).editable(),
    Field.enumOf("outcome", "outcome", Outcome.class).nullable().editable(),
    Field.readOnly("createdBy", "created_by"),
    Field.readOnly("createdAt", "created_at"),
    Field.readOnly("updatedAt", "updated_at")), true);

  static final Entity DECISION = new Entity(ErrorMessage.NOUN_DECISION, "decisions", List.of(
    Field.readOnly("id", "id"),
    Field.readOnly("meetingId", "meeting_id"),
    Field.ref("agendaItemId", "agenda_item_id", "agenda_items").nullable().editable(),
    Field.text("text", "text", 10000).required().editable(),
    Field.enumOf("kind", "kind", DecisionKind.class).editable(),
    Field.enumOf("method", "method", DecisionMethod.class).editable(),
    Field.of("discussed", "discussed", Field.Type.BOOL).editable(),
    Field.ref("goalId", "goal_id", "goals").nullable().editable(),
    Field.readOnly("createdBy", "created_by"),
    Field.readOnly("createdAt", "created_at")), false);

  static final Entity FEEDBACK = new Entity(ErrorMessage.NOUN_FEEDBACK, "feedback", List.of(
    Field.readOnly("id", "id"),
    Field.readOnly("meetingId", "meeting_id"),
    Field.readOnly("giverId", "giver_id"),
    Field.of("receiverId", "receiver_id", Field.Type.MEMBER).nullable().creatable(),
    Field.enumOf("kind", "kind", FeedbackKind.class).required().creatable(),
    Field.longText("note", "note", 2000).nullable().creatable(),
    Field.readOnly("createdAt", "created_at")), false);

  static final Entity EQUITY_ANALYSIS = new Entity(ErrorMessage.NOUN_EQUITY_ANALYSIS, "equity_analyses", List.of(
    Field.readOnly("id", "id"),
    Field.ref("meetingId", "meeting_id", "meetings").nullable().creatable(),
    Field.enumOf("level", "level", EquityLevel.class).required().creatable(),
    Field.readOnly("at", "at"),
    Field.longText("note", "note", 2000).nullable().creatable(),
    Field.readOnly("recordedBy", "recorded_by")), false);

  private final BoardStore store;

  public MeetingRepository(BoardStore store) {
    this.store = store;
  }

  BoardStore store() {
    return store;
  }

  Future<String> timeZone(SqlClient client, UUID spaceId) {
    return client.preparedQuery("select time_zone from spaces where id = $1").execute(Tuple.of(spaceId))
      .map(rows -> rows.iterator().next().getString(0));
  }

  /** A recurring series' rule, before its occurrences are inserted; title and location are the first meeting's. */
  Future<Void> insertSeries(SqlClient tx, UUID id, UUID spaceId, Recurrence rule, int count, ZonedDateTime first, Duration length,
                            Map<Field, Object> values) {
    Object title = null;
    Object location = null;
    for (Map.Entry<Field, Object> value : values.entrySet()) {
      if (value.getKey().name().equals("title")) {
        title = value.getValue();
      } else if (value.getKey().name().equals("location")) {
        location = value.getValue();
      }
    }
    return tx.preparedQuery("insert into meeting_series (id, space_id, frequency, every, count, first_start, time_zone, "
        + "duration_seconds, title, location) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)")
      .execute(Tuple.of(id, spaceId, JsonBody.wireName(rule.frequency()), rule.interval(), count, first.toOffsetDateTime())
        .addString(first.getZone().getId()).addInteger((int) length.toSeconds())
        .addString(title == null ? "" : title.toString()).addString(location == null ? "" : location.toString()))
      .mapEmpty();
  }

  public Future<List<JsonObject>> all(SqlClient client, UUID spaceId) {
    return store.list(client, MEETING, "space_id = $1", Tuple.of(spaceId), "starts_at, id");
  }

  /**
   * The roster at the meeting's start (leads, members and partners who had joined and not yet left), each with
   * their attendance, followed by anyone else whose attendance was recorded (they do not count towards the rate).
   */
  Future<JsonArray> attendance(SqlClient client, UUID meetingId) {
    return client.preparedQuery(
        "with m as (select id, space_id, starts_at from meetings where id = $1), "
          + "roster as (select distinct ms.user_id from memberships ms, m where ms.space_id = m.space_id "
          + "  and ms.role <> 'observer' and ms.joined_at <= m.starts_at and (ms.left_at is null or ms.left_at > m.starts_at)), "
          + "people as (select user_id, true as on_roster from roster "
          + "  union select a.user_id, false from attendance a where a.meeting_id = $1 and a.user_id not in (select user_id from roster)) "
          + "select p.user_id, p.on_roster, u.name, a.status, a.checked_in_at, a.marked_by, a.marked_at, a.reason "
          + "from people p join users u on u.id = p.user_id left join attendance a on a.meeting_id = $1 and a.user_id = p.user_id "
          + "order by p.on_roster desc, u.name, p.user_id")
      .execute(Tuple.of(meetingId))
      .map(rows -> {
        JsonArray out = new JsonArray();
        for (Row row : rows) {
          out.add(attendanceJson(row).put("name", row.getString("name")).put("onRoster", row.getBoolean("on_roster")));
        }
        return out;
      });
  }

  private static JsonObject attendanceJson(Row row) {
    OffsetDateTime checkedIn = row.getOffsetDateTime("checked_in_at");
    OffsetDateTime markedAt = row.getOffsetDateTime("marked_at");
    return new JsonObject()
      .put("userId", row.getUUID("user_id").toString())
      .put("status", row.getString("status"))
      .put("checkedInAt", checkedIn == null ? null : checkedIn.toInstant().toString())
      .put("markedBy", row.getUUID("marked_by") == null ? null : row.getUUID("marked_by").toString())
      .put("markedAt", markedAt == null ? null : markedAt.toInstant().toString())
      .put("reason", row.getString("reason"));
  }

  /**
   * Records or corrects one person's attendance, with the reason for a correction (null otherwise); every change
   * also lands in the event log.
   */
  Future<JsonObject> setAttendance(SqlClient tx, UUID meetingId, UUID userId, AttendanceStatus status, OffsetDateTime checkedInAt,
                                   UUID markedBy, OffsetDateTime at, String reason) {
    return tx.preparedQuery("insert into attendance (meeting_id, user_id, status, checked_in_at, marked_by, marked_at, reason) "
        + "values ($1, $2, $3, $4, $5, $6, $7) on conflict (meeting_id, user_id) do update set status = excluded.status, "
        + "checked_in_at = coalesce(excluded.checked_in_at, attendance.checked_in_at), marked_by = excluded.marked_by, "
        + "marked_at = excluded.marked_at, reason = excluded.reason "
        + "returning user_id, status, checked_in_at, marked_by, marked_at, reason")
      .execute(Tuple.of(meetingId, userId, JsonBody.wireName(status), checkedInAt, markedBy, at).addString(reason))
      .map(rows -> attendanceJson(rows.iterator().next()).put("meetingId", meetingId.toString()));
  }

  /** Whether the person ever belonged to the space: only they can have attendance recorded. */
  Future<Boolean> everMember(SqlClient client, UUID spaceId, UUID userId) {
    return client.preparedQuery("select 1 from memberships where space_id = $1 and user_id = $2 limit 1")
      .execute(Tuple.of(spaceId, userId))
      .map(rows -> rows.size() > 0);
  }

  Future<List<JsonObject>> ofMeeting(SqlClient client, Entity entity, UUID meetingId, String orderBy) {
    return store.list(client, entity, "meeting_id = $1", Tuple.of(meetingId), orderBy);
  }

  public Future<List<JsonObject>> equityAnalyses(SqlClient client, UUID spaceId) {
    return store.list(client, EQUITY_ANALYSIS, "space_id = $1", Tuple.of(spaceId), "at, id");
  }
}

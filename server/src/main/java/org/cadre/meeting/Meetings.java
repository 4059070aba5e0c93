package org.cadre.meeting;

import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlConnection;
import org.cadre.action.ActionRepository;
import org.cadre.http.BodyShape;
import org.cadre.board.BoardStore;
import org.cadre.board.Entity;
import org.cadre.history.AttendanceStatus;
import org.cadre.http.ApiException;
import org.cadre.http.ErrorMessage;
import org.cadre.http.JsonBody;
import org.cadre.realtime.Commands;
import org.cadre.realtime.Commands.Command;
import org.cadre.space.Access;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Meetings and what happens in them: scheduling (one-off or recurring in the team's time zone), the co-edited
 * agenda, check-in and attendance, decisions, feedback and equity analyses; protocol runs are in {@link ProtocolRuns}.
 */
public final class Meetings {

  /** Checking in later than this after the start counts as late. */
  static final Duration LATE_AFTER = Duration.ofMinutes(10);
  /** Check-in opens this long before the start (people arrive early), and closes when the meeting is closed. */
  static final Duration CHECK_IN_OPENS = Duration.ofMinutes(30);

  private final MeetingRepository repo;
  private final ActionRepository actions;
  private final ProtocolRunRepository runs;
  private final BoardStore store;

  public Meetings(MeetingRepository repo, ActionRepository actions, ProtocolRunRepository runs) {
    this.repo = repo;
    this.actions = actions;
    this.runs = runs;
    this.store = repo.store();
  }

  /** A meeting's own fields, how long it lasts or when it ends, its first start, and how it repeats. */
  private static final BodyShape CREATE = MeetingRepository.MEETING.createShape()
    .and("durationMinutes", "localStart")
    .object("repeat", BodyShape.of("frequency", "interval", "count"));

  public void register(Commands commands) {
    commands
      .register("meeting.create", Access.WRITE, HttpMethod.POST, "/meetings", CREATE, this::create)
      .register("meeting.get", Access.READ, HttpMethod.GET, "/meetings/:meetingId", BodyShape.of(), this::get)
      .register("meeting.update", Access.WRITE, HttpMethod.PATCH, "/meetings/:meetingId", MeetingRepository.MEETING.editShape(), this::update)
      .register("meeting.publish-agenda", Access.WRITE, HttpMethod.POST, "/meetings/:meetingId/publish-agenda", BodyShape.of(), this::publishAgenda)
      .register("meeting.send-reminder", Access.WRITE, HttpMethod.POST, "/meetings/:meetingId/reminder", BodyShape.of(), this::sendReminder)
      .register("meeting.close", Access.WRITE, HttpMethod.POST, "/meetings/:meetingId/close", BodyShape.of(), c -> finish(c, "held"))
      .register("meeting.cancel", Access.WRITE, HttpMethod.POST, "/meetings/:meetingId/cancel", BodyShape.of(), c -> finish(c, "cancelled"))
      .register("agenda.add", Access.WRITE, HttpMethod.POST, "/meetings/:meetingId/agenda", MeetingRepository.AGENDA_ITEM.createShape(), this::addItem)
      .register("agenda.update", Access.WRITE, HttpMethod.PATCH, "/agenda-items/:itemId", MeetingRepository.AGENDA_ITEM.editShape(), this::updateItem)
      .register("agenda.move", Access.WRITE, HttpMethod.POST, "/agenda-items/:itemId/move", BodyShape.of("afterId"), this::moveItem)
      .register("agenda.delete", Access.WRITE, HttpMethod.DELETE, "/agenda-items/:itemId", BodyShape.of(), this::deleteItem)
      .register("attendance.check-in", Access.WRITE, HttpMethod.POST, "/meetings/:meetingId/check-in", BodyShape.of(), this::checkIn)
      .register("attendance.mark", Access.WRITE, HttpMethod.PUT, "/meetings/:meetingId/attendance/:userId", BodyShape.of("status", "reason"), this::mark)
      .register("decision.record", Access.WRITE, HttpMethod.POST, "/meetings/:meetingId/decisions", MeetingRepository.DECISION.createShape(), this::recordDecision)
      .register("decision.update", Access.WRITE, HttpMethod.PATCH, "/decisions/:decisionId", MeetingRepository.DECISION.editShape(), this::updateDecision)
      .register("feedback.record", Access.WRITE, HttpMethod.POST, "/meetings/:meetingId/feedback", MeetingRepository.FEEDBACK.createShape(), this::recordFeedback)
      .register("equity.record", Access.WRITE, HttpMethod.POST, "/equity-analyses", MeetingRepository.EQUITY_ANALYSIS.createShape(), this::recordEquity);
  }

  // --- scheduling -------------------------------------------------------------------------------------------

  private Future<JsonObject> create(Command c) {
    JsonBody body = c.body();
    var values = MeetingRepository.MEETING.readNew(body);
    // Each occurrence gets its own start and end below.
    values.keySet().removeIf(f -> f.name().equals("startsAt") || f.name().equals("endsAt"));
    Integer minutes = body.optionalInt("durationMinutes", 5, 600);
    Instant end = body.optionalInstant("endsAt");
    JsonBody repeat = body.object("repeat");
    Recurrence recurrence = null;
    int count = 1;
    if (body.has("repeat")) {
      Recurrence.Frequency frequency = repeat.enumValue("frequency", Recurrence.Frequency.class);
      Integer interval = repeat.optionalInt("interval", 1, 12);
      recurrence = new Recurrence(frequency, interval == null ? 1 : interval);
      count = (int) repeat.longValue("count", 1, 104);
    }
    Recurrence series = recurrence;
    int occurrences = count;
    UUID facilitator = body.optionalUuid("facilitatorId");
    return store.change(c, "meeting.created", (tx, space) -> {
      ZonedDateTime first = firstStart(body, ZoneId.of(space.timeZone()));
      if (end != null && !end.isAfter(first.toInstant())) {
        return Future.failedFuture(ApiException.invalid("endsAt", ErrorMessage.MEETING_ENDS_BEFORE));
      }
      Duration length = end != null ? Duration.between(first.toInstant(), end) : Duration.ofMinutes(minutes == null ? 60 : minutes);
      List<ZonedDateTime> starts = series == null ? List.of(first) : series.occurrences(first, occurrences);
      UUID seriesId = series == null ? null : UUID.randomUUID();
      // The rule itself is kept too, for calendar feeds (an RRULE in the team's zone).
      Future<JsonArray> created = series == null ? Future.succeededFuture(new JsonArray())
        : repo.insertSeries(tx, seriesId, c.spaceId(), series, occurrences, first, length, values).map(v -> new JsonArray());
      for (ZonedDateTime start : starts) {
        // A later occurrence whose wall-clock time a spring-forward gap skips is moved ahead by the gap (Recurrence);
        // the reply and event say so on that occurrence.
        LocalDateTime asked = start.toLocalDate().atTime(first.toLocalTime());
        String shiftedFrom = start.toLocalDateTime().equals(asked) ? null : asked.toString();
        Map<String, Object> fixed = new HashMap<>();
        fixed.put("starts_at", start.toOffsetDateTime());
        fixed.put("ends_at", start.plus(length).toOffsetDateTime());
        fixed.put("series_id", seriesId);
        fixed.put("series_start", seriesId == null ? null : start.toOffsetDateTime());
        fixed.put("facilitator_id", facilitator == null ? c.userId() : facilitator);
        created = created.compose(list -> store.insert(tx, MeetingRepository.MEETING, c, values, fixed)
          .map(meeting -> list.add(shiftedFrom == null ? meeting : meeting.put("shiftedFrom", shiftedFrom))));
      }
      return created.map(list -> new JsonObject().put("seriesId", seriesId == null ? null : seriesId.toString()).put("meetings", list));
    });
  }

  /**
   * {@code startsAt} is an instant; {@code localStart} a wall-clock time in the team's zone, as people think of it. A
   * local time that the zone skips (the spring-forward gap) is refused rather than moved: the person meant a time
   * that does not exist, and only they know which one they want instead.
   */
  private static ZonedDateTime firstStart(JsonBody body, ZoneId zone) {
    Instant instant = body.optionalInstant("startsAt");
    if (instant != null) {
      return instant.atZone(zone);
    }
    String local = body.optionalString("localStart", 16, 19);
    if (local == null) {
      throw ApiException.invalid("startsAt", ErrorMessage.MEETING_START_NEEDED);
    }
    LocalDateTime wanted;
    try {
      wanted = LocalDateTime.parse(local);
    } catch (DateTimeParseException e) {
      throw ApiException.invalid("localStart", ErrorMessage.LOCAL_START_SHAPE);
    }
    ZoneOffsetTransition gap = zone.getRules().getTransition(wanted);
    if (gap != null && gap.isGap()) {
      throw ApiException.invalid("localStart", ErrorMessage.LOCAL_START_GAP, local, zone.getId(),
        gap.getDateTimeBefore().toLocalTime(), gap.getDateTimeAfter().toLocalTime(), gap.getDateTimeAfter());
    }
    return ZonedDateTime.ofLocal(wanted, zone, null);
  }

  /** Handing the meeting to another facilitator is for its facilitator or a lead, like running it. */
  private Future<JsonObject> update(Command c) {
    UUID id = c.body().uuid("meetingId");
    Instant starts = c.body().optionalInstant("startsAt");
    Instant ends = c.body().optionalInstant("endsAt");
    boolean refacilitate = c.body().has("facilitatorId");
    return store.change(c, "meeting.updated", (tx, space) -> lockMeeting(tx, c, id)
      .compose(meeting -> refacilitate ? requireFacilitator(c, meeting) : Future.succeededFuture(meeting))
      .compose(meeting -> {
        Instant newStart = starts != null ? starts : Instant.parse(meeting.getString("startsAt"));
        Instant newEnd = ends != null ? ends : Instant.parse(meeting.getString("endsAt"));
        if (!newEnd.isAfter(newStart)) {
          return Future.failedFuture(ApiException.invalid(ends != null ? "endsAt" : "startsAt", ErrorMessage.MEETING_ENDS_BEFORE));
        }
        return store.edit(tx, MeetingRepository.MEETING, c.spaceId(), id, "meetingId", c.body(), Map.of());
      }));
  }

  private Future<JsonObject> publishAgenda(Command c) {
    return stamp(c, "meeting.agenda-published", "agenda_published_at", "agendaPublishedAt", ErrorMessage.AGENDA_ALREADY_PUBLISHED);
  }

  /** Records when members were reminded; the live event is the reminder open clients show. */
  private Future<JsonObject> sendReminder(Command c) {
    return stamp(c, "meeting.reminder-sent", "reminder_sent_at", "reminderSentAt", ErrorMessage.REMINDER_ALREADY_SENT);
  }

  private Future<JsonObject> stamp(Command c, String event, String column, String field, ErrorMessage already) {
    UUID id = c.body().uuid("meetingId");
    return store.change(c, event, (tx, space) -> lockMeeting(tx, c, id)
      .compose(meeting -> requireFacilitator(c, meeting))
      .compose(meeting -> {
        if (meeting.getString(field) != null) {
          return Future.failedFuture(ApiException.conflict("already_done", "meetingId", already));
        }
        return requireScheduled(meeting).compose(v -> store.update(tx, MeetingRepository.MEETING, id, Map.of(column, c.time())));
      }));
  }

  /** A scheduled meeting ends as held or cancelled, once. */
  private Future<JsonObject> finish(Command c, String status) {
    UUID id = c.body().uuid("meetingId");
    return store.change(c, "held".equals(status) ? "meeting.held" : "meeting.cancelled", (tx, space) -> lockMeeting(tx, c, id)
      .compose(meeting -> requireFacilitator(c, meeting))
      .compose(meeting -> requireScheduled(meeting))
      .compose(v -> store.update(tx, MeetingRepository.MEETING, id, Map.of("status", status))));
  }

  /** The whole meeting as a client opens it. */
  private Future<JsonObject> get(Command c) {
    UUID id = c.body().uuid("meetingId");
    return store.pool().withConnection(conn -> store.find(conn, MeetingRepository.MEETING, c.spaceId(), id, "meetingId", false)
      .compose(meeting -> repo.timeZone(conn, c.spaceId())
        .compose(zone -> repo.ofMeeting(conn, MeetingRepository.AGENDA_ITEM, id, "rank, id")
          .compose(agenda -> repo.attendance(conn, id)
            .compose(attendance -> repo.ofMeeting(conn, MeetingRepository.DECISION, id, "created_at, id")
              .compose(decisions -> repo.ofMeeting(conn, MeetingRepository.FEEDBACK, id, "created_at, id")
                .compose(feedback -> runs.ofMeeting(conn, id)
                  .compose(held -> actions.carriedForward(conn, c.spaceId(), Instant.parse(meeting.getString("startsAt")), zone)
                    .map(carried -> meeting.copy()
                      .put("timeZone", zone)
                      .put("agenda", new JsonArray(agenda))
                      .put("attendance", attendance)
                      .put("decisions", new JsonArray(decisions))
                      .put("feedback", new JsonArray(feedback))
                      .put("protocolRuns", new JsonArray(held.stream().map(run -> (Object) run.toJson(c.at())).toList()))
                      .put("carriedForward", new JsonArray(carried)))))))))));
  }

  // --- agenda -----------------------------------------------------------------------------------------------

  private Future<JsonObject> addItem(Command c) {
    UUID meetingId = c.body().uuid("meetingId");
    var values = MeetingRepository.AGENDA_ITEM.readNew(c.body());
    return store.change(c, "agenda.added", (tx, space) -> lockMeeting(tx, c, meetingId)
      .compose(meeting -> store.rankLast(tx, MeetingRepository.AGENDA_ITEM, "meeting_id", meetingId))
      .compose(rank -> store.insert(tx, MeetingRepository.AGENDA_ITEM, c, values, Map.of("meeting_id", meetingId, "rank", rank))));
  }

  private Future<JsonObject> updateItem(Command c) {
    UUID id = c.body().uuid("itemId");
    return store.change(c, "agenda.updated", (tx, space) ->
      store.edit(tx, MeetingRepository.AGENDA_ITEM, c.spaceId(), id, "itemId", c.body(), Map.of()));
  }

  private Future<JsonObject> moveItem(Command c) {
    UUID id = c.body().uuid("itemId");
    UUID after = c.body().optionalUuid("afterId");
    return store.change(c, "agenda.moved", (tx, space) -> lockItem(tx, c, MeetingRepository.AGENDA_ITEM, id, "itemId")
      .compose(item -> store.rankAfter(tx, MeetingRepository.AGENDA_ITEM, "meeting_id", UUID.fromString(item.getString("meetingId")), after, id, "afterId"))
      .compose(rank -> store.update(tx, MeetingRepository.AGENDA_ITEM, id, Map.of("rank", rank))));
  }

  private Future<JsonObject> deleteItem(Command c) {
    UUID id = c.body().uuid("itemId");
    return store.change(c, "agenda.deleted", (tx, space) -> lockItem(tx, c, MeetingRepository.AGENDA_ITEM, id, "itemId")
      .compose(item -> store.update(tx, MeetingRepository.AGENDA_ITEM, id, Map.of("deleted_at", c.time()))
        .map(deleted -> new JsonObject().put("id", id.toString()).put("meetingId", item.getString("meetingId")))));
  }

  // --- attendance -------------------------------------------------------------------------------------------

  /**
   * Members check themselves in from {@link #CHECK_IN_OPENS} before the start until the meeting is closed; more than
   * ten minutes after the start they are late. After that only a correction ({@link #mark}) changes attendance.
   */
  private Future<JsonObject> checkIn(Command c) {
    UUID meetingId = c.body().uuid("meetingId");
    return store.change(c, "attendance.marked", (tx, space) -> lockMeeting(tx, c, meetingId)
      .compose(meeting -> requireScheduled(meeting).compose(v -> {
        Instant start = Instant.parse(meeting.getString("startsAt"));
        Instant opens = start.minus(CHECK_IN_OPENS);
        if (c.at().isBefore(opens)) {
          return Future.failedFuture(ApiException.conflict("check_in_not_open", "meetingId", ErrorMessage.CHECK_IN_NOT_OPEN,
            CHECK_IN_OPENS.toMinutes(), opens).with("opensAt", opens.toString()));
        }
        boolean late = c.at().isAfter(start.plus(LATE_AFTER));
        return store.requireMember(tx, c.spaceId(), c.userId(), "meetingId")
          .compose(member -> repo.setAttendance(tx, meetingId, c.userId(), late ? AttendanceStatus.LATE : AttendanceStatus.PRESENT,
            c.time(), c.userId(), c.time(), null));
      })));
  }

  /**
   * The facilitator (or a lead) marks anyone who belongs or belonged to the team. Once the meeting is held, a mark is
   * a correction of the record and needs a {@code reason}, which is kept with it; a cancelled meeting has none.
   */
  private Future<JsonObject> mark(Command c) {
    UUID meetingId = c.body().uuid("meetingId");
    UUID userId = c.body().uuid("userId");
    AttendanceStatus status = c.body().enumValue("status", AttendanceStatus.class);
    String reason = c.body().optionalString("reason", 1, 2000);
    return store.change(c, "attendance.marked", (tx, space) -> lockMeeting(tx, c, meetingId)
      .compose(meeting -> requireFacilitator(c, meeting))
      .compose(meeting -> {
        String state = meeting.getString("status");
        if ("cancelled".equals(state)) {
          return Future.failedFuture(ApiException.conflict("meeting_over", "meetingId", ErrorMessage.MEETING_CANCELLED_ATTENDANCE));
        }
        if ("held".equals(state) && reason == null) {
          return Future.failedFuture(ApiException.invalid("reason", ErrorMessage.REASON_NEEDED));
        }
        return repo.everMember(tx, c.spaceId(), userId);
      })
      .compose(member -> member
        ? repo.setAttendance(tx, meetingId, userId, status, null, c.userId(), c.time(), reason)
        : Future.failedFuture(ApiException.invalid("userId", ErrorMessage.ATTENDEE_UNKNOWN))));
  }

  // --- decisions, feedback, equity ---------------------------------------------------------------

  private Future<JsonObject> recordDecision(Command c) {
    UUID meetingId = c.body().uuid("meetingId");
    var values = MeetingRepository.DECISION.readNew(c.body());
    UUID item = c.body().optionalUuid("agendaItemId");
    return store.change(c, "decision.recorded", (tx, space) -> lockMeeting(tx, c, meetingId)
      .compose(meeting -> item == null ? Future.succeededFuture() : requireItemOfMeeting(tx, c, item, meetingId))
      .compose(v -> store.insert(tx, MeetingRepository.DECISION, c, values, Map.of("meeting_id", meetingId))));
  }

  private Future<JsonObject> updateDecision(Command c) {
    UUID id = c.body().uuid("decisionId");
    UUID item = c.body().optionalUuid("agendaItemId");
    return store.change(c, "decision.updated", (tx, space) -> lockItem(tx, c, MeetingRepository.DECISION, id, "decisionId")
      .compose(decision -> item == null ? Future.succeededFuture()
        : requireItemOfMeeting(tx, c, item, UUID.fromString(decision.getString("meetingId"))))
      .compose(v -> store.edit(tx, MeetingRepository.DECISION, c.spaceId(), id, "decisionId", c.body(), Map.of())));
  }

  private Future<JsonObject> recordFeedback(Command c) {
    UUID meetingId = c.body().uuid("meetingId");
    var values = MeetingRepository.FEEDBACK.readNew(c.body());
    return store.change(c, "feedback.recorded", (tx, space) -> lockMeeting(tx, c, meetingId)
      .compose(meeting -> store.insert(tx, MeetingRepository.FEEDBACK, c, values, Map.of("meeting_id", meetingId, "giver_id", c.userId()))));
  }

  private Future<JsonObject> recordEquity(Command c) {
    var values = MeetingRepository.EQUITY_ANALYSIS.readNew(c.body());
    return store.change(c, "equity.recorded", (tx, space) ->
      store.insert(tx, MeetingRepository.EQUITY_ANALYSIS, c, values, Map.of("at", c.time(), "recorded_by", c.userId())));
  }

  // --- shared checks ----------------------------------------------------------------------------------------

  private Future<JsonObject> lockMeeting(SqlConnection tx, Command c, UUID id) {
    return store.lock(tx, MeetingRepository.MEETING, c.spaceId(), id, "meetingId");
  }

  private Future<JsonObject> lockItem(SqlConnection tx, Command c, Entity entity, UUID id, String field) {
    return store.lock(tx, entity, c.spaceId(), id, field);
  }

  private Future<Void> requireItemOfMeeting(SqlConnection tx, Command c, UUID itemId, UUID meetingId) {
    return lockItem(tx, c, MeetingRepository.AGENDA_ITEM, itemId, "agendaItemId").compose(item ->
      item.getString("meetingId").equals(meetingId.toString()) ? Future.succeededFuture()
        : Future.failedFuture(ApiException.invalid("agendaItemId", ErrorMessage.ITEM_OF_MEETING)));
  }

  private static Future<Void> requireScheduled(JsonObject meeting) {
    return "scheduled".equals(meeting.getString("status")) ? Future.succeededFuture()
      : Future.failedFuture(ApiException.conflict("meeting_over", "meetingId", ErrorMessage.MEETING_ALREADY, meeting.getString("status")));
  }

  /** Running the meeting (publishing, reminding, closing, marking others) is for its facilitator or a lead. */
  private static Future<JsonObject> requireFacilitator(Command c, JsonObject meeting) {
    if (c.access().allows(Access.MANAGE) || c.userId().toString().equals(meeting.getString("facilitatorId"))) {
      return Future.succeededFuture(meeting);
    }
    return Future.failedFuture(ApiException.forbidden(ErrorMessage.FACILITATOR_ONLY));
  }
}

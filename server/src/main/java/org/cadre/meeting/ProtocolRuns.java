package org.cadre.meeting;

import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlConnection;
import org.cadre.action.ActionItems;
import org.cadre.board.BoardStore;
import org.cadre.history.ProtocolCategory;
import org.cadre.http.ApiException;
import org.cadre.http.BodyShape;
import org.cadre.http.ErrorMessage;
import org.cadre.http.JsonBody;
import org.cadre.meeting.ProtocolRun.State;
import org.cadre.meeting.ProtocolRun.Step;
import org.cadre.protocol.ProtocolRepository;
import org.cadre.realtime.Commands;
import org.cadre.realtime.Commands.Command;
import org.cadre.space.Access;
import org.cadre.space.Space;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;

/**
 * The live protocol runner: a run of a library protocol's version on a meeting (and one of its agenda items), whose
 * state and clock the server owns ({@link ProtocolRun}). Every transition is a command: the meeting's facilitator or a
 * lead drives it, checked inside the transaction; anyone who may write takes notes. A finished run is the one record
 * the history export, and so the culture engine and the metrics, read.
 */
public final class ProtocolRuns {

  static final int NOTES_LIMIT = 20_000;

  private final ProtocolRunRepository runs;
  private final ProtocolRepository protocols;
  private final ActionItems actions;
  private final BoardStore store;

  public ProtocolRuns(ProtocolRunRepository runs, ProtocolRepository protocols, ActionItems actions, BoardStore store) {
    this.runs = runs;
    this.protocols = protocols;
    this.actions = actions;
    this.store = store;
  }

  public void register(Commands commands) {
    String run = "/protocol-runs/:runId";
    commands
      .register("protocol.start", Access.WRITE, HttpMethod.POST, "/meetings/:meetingId/protocol-runs",
        BodyShape.of("protocolId", "version", "agendaItemId", "roles"), this::start)
      .register("protocol.record", Access.WRITE, HttpMethod.POST, "/meetings/:meetingId/protocol-records",
        BodyShape.of("protocol", "category", "stepsCompleted", "stepsTotal"), this::record)
      .register("protocol.get", Access.READ, HttpMethod.GET, run, BodyShape.of(), this::get)
      .register("protocol.advance", Access.WRITE, HttpMethod.POST, run + "/advance", BodyShape.of(),
        c -> drive(c, "protocol.advanced", (r, tx) -> r.advance(c.at())))
      .register("protocol.back", Access.WRITE, HttpMethod.POST, run + "/back", BodyShape.of(),
        c -> drive(c, "protocol.went-back", (r, tx) -> r.back(c.at())))
      .register("protocol.extend", Access.WRITE, HttpMethod.POST, run + "/extend", BodyShape.of("minutes"), this::extend)
      .register("protocol.pause", Access.WRITE, HttpMethod.POST, run + "/pause", BodyShape.of(),
        c -> drive(c, "protocol.paused", (r, tx) -> r.pause(c.at())))
      .register("protocol.resume", Access.WRITE, HttpMethod.POST, run + "/resume", BodyShape.of(),
        c -> drive(c, "protocol.resumed", (r, tx) -> r.resume(c.at())))
      .register("protocol.end", Access.WRITE, HttpMethod.POST, run + "/end", BodyShape.of(),
        c -> drive(c, "protocol.ended", (r, tx) -> r.end(c.at())))
      .register("protocol.finish", Access.WRITE, HttpMethod.POST, run + "/finish", BodyShape.of("debrief"), this::finish)
      .register("protocol.roles", Access.WRITE, HttpMethod.PUT, run + "/roles", BodyShape.of("roles"), this::assignRoles)
      .register("protocol.notes", Access.WRITE, HttpMethod.PATCH, run + "/notes", BodyShape.of("stepIndex", "notes")
        .object("base", BodyShape.of("notes")), this::notes)
      .register("protocol.output-action", Access.WRITE, HttpMethod.POST, run + "/actions",
        BodyShape.of("stepIndex", "title", "dueDate"), this::outputAction);
  }

  // --- starting -----------------------------------------------------------------------------------------------

  /**
   * Starts a version of a protocol the team can use (a built-in, or one of the team's or of a space above it) on its
   * first step. Without {@code version}, the latest; the run keeps the version it started with.
   */
  private Future<JsonObject> start(Command c) {
    JsonBody body = c.body();
    UUID meetingId = body.uuid("meetingId");
    UUID protocolId = body.uuid("protocolId");
    Integer version = body.optionalInt("version", 1, Integer.MAX_VALUE);
    UUID itemId = body.optionalUuid("agendaItemId");
    JsonObject asked = body.has("roles") ? body.object("roles").json() : new JsonObject();
    return store.change(c, "protocol.started", (tx, space) -> driverOf(tx, c, meetingId)
      .compose(meeting -> requireScheduled(meeting))
      .compose(v -> itemId == null ? Future.succeededFuture() : requireItemOfMeeting(tx, c, itemId, meetingId))
      .compose(v -> runs.liveIn(tx, meetingId))
      .compose(live -> live ? Future.failedFuture(ApiException.conflict("run_in_progress", "meetingId", ErrorMessage.RUN_IN_PROGRESS))
        : protocols.find(tx, protocolId, version))
      .compose(protocol -> {
        if (protocol == null || !usableIn(protocol, space)) {
          String field = protocol == null && version != null ? "version" : "protocolId";
          return Future.failedFuture(ApiException.invalid(field, ErrorMessage.REFERENCE_UNKNOWN, field));
        }
        if (protocol.archived()) {
          return Future.failedFuture(ApiException.conflict("protocol_archived", "protocolId", ErrorMessage.PROTOCOL_ARCHIVED));
        }
        JsonObject content = protocol.content();
        int total = content.getJsonArray("steps").size();
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < total; i++) {
          steps.add(new Step(0, 0, ""));
        }
        ProtocolRun run = new ProtocolRun(UUID.randomUUID(), meetingId, itemId, protocol.id(), protocol.version(),
          content.getString("name"), JsonBody.fromWire(ProtocolCategory.class, content.getString("category")), State.RUNNING, 0,
          c.at(), null, c.at(), null, new JsonObject(), "", 0, total, steps, content, c.userId(), c.at());
        return roles(tx, c, run, asked)
          .compose(assigned -> {
            ProtocolRun started = run.withRoles(assigned);
            return runs.insert(tx, c.spaceId(), started)
              // The item was discussed under a protocol: the culture rows read that from the agenda.
              .compose(x -> itemId == null ? Future.succeededFuture()
                : store.update(tx, MeetingRepository.AGENDA_ITEM, itemId, Map.of("under_protocol", true)).mapEmpty())
              .map(x -> started.toJson(c.at()));
          });
      }));
  }

  private static boolean usableIn(ProtocolRepository.Protocol protocol, Space space) {
    return protocol.builtIn() || space.path().contains(protocol.ownerSpaceId());
  }

  /** A run held without the runner, recorded whole and finished (the demo's replay; a protocol run on paper). */
  private Future<JsonObject> record(Command c) {
    JsonBody body = c.body();
    UUID meetingId = body.uuid("meetingId");
    String protocol = body.string("protocol", 1, 100);
    ProtocolCategory category = body.enumValue("category", ProtocolCategory.class);
    int total = body.intValue("stepsTotal", 1, 50);
    Integer done = body.optionalInt("stepsCompleted", 0, 50);
    if (done != null && done > total) {
      throw ApiException.invalid("stepsCompleted", ErrorMessage.STEPS_MAX, total);
    }
    return store.change(c, "protocol.recorded", (tx, space) -> store.lock(tx, MeetingRepository.MEETING, c.spaceId(), meetingId, "meetingId")
      .compose(meeting -> runs.record(tx, c.spaceId(), meetingId, protocol, category, done == null ? 0 : done, total, c.time()))
      .map(run -> run.toJson(c.at())));
  }

  private Future<JsonObject> get(Command c) {
    UUID id = c.body().uuid("runId");
    return store.pool().withConnection(conn -> runs.lock(conn, c.spaceId(), id).map(run -> run.toJson(c.at())));
  }

  // --- driving ------------------------------------------------------------------------------------------------

  /** A transition of a run by its meeting's facilitator or a lead, stored with the run's new state as the event. */
  private Future<JsonObject> drive(Command c, String event, BiFunction<ProtocolRun, SqlConnection, ProtocolRun> transition) {
    UUID id = c.body().uuid("runId");
    return store.change(c, event, (tx, space) -> runs.lock(tx, c.spaceId(), id)
      .compose(run -> driverOf(tx, c, run.meetingId()).map(meeting -> run))
      .compose(run -> {
        ProtocolRun next = transition.apply(run, tx);
        return runs.save(tx, run, next).map(v -> next.toJson(c.at()));
      }));
  }

  private Future<JsonObject> extend(Command c) {
    int minutes = c.body().intValue("minutes", 1, ProtocolRun.MAX_EXTENSION_MINUTES);
    return drive(c, "protocol.extended", (run, tx) -> run.extend(minutes));
  }

  /** The debrief's text closes the run; the meeting then counts as one that held a debrief. */
  private Future<JsonObject> finish(Command c) {
    String debrief = c.body().optionalText("debrief", 10_000);
    UUID id = c.body().uuid("runId");
    return store.change(c, "protocol.finished", (tx, space) -> runs.lock(tx, c.spaceId(), id)
      .compose(run -> driverOf(tx, c, run.meetingId()).map(meeting -> run))
      .compose(run -> {
        ProtocolRun next = run.finish(debrief == null ? "" : debrief.strip());
        return runs.save(tx, run, next)
          .compose(v -> store.update(tx, MeetingRepository.MEETING, run.meetingId(), Map.of("debrief_held", true)))
          .map(meeting -> next.toJson(c.at()));
      }));
  }

  private Future<JsonObject> assignRoles(Command c) {
    UUID id = c.body().uuid("runId");
    if (!c.body().has("roles")) {
      throw ApiException.invalid("roles", ErrorMessage.FIELD_REQUIRED, "roles");
    }
    JsonObject asked = c.body().object("roles").json();
    return store.change(c, "protocol.roles-assigned", (tx, space) -> runs.lock(tx, c.spaceId(), id)
      .compose(run -> driverOf(tx, c, run.meetingId()).map(meeting -> run))
      .compose(run -> roles(tx, c, run, asked).compose(assigned -> {
        ProtocolRun next = run.withRoles(assigned);
        return runs.save(tx, run, next).map(v -> next.toJson(c.at()));
      })));
  }

  /**
   * The roles asked for, checked: each one of the protocol's roles, each person a current member; null unassigns.
   * Roles not named keep whom they had.
   */
  private Future<JsonObject> roles(SqlConnection tx, Command c, ProtocolRun run, JsonObject asked) {
    JsonArray known = run.content().getJsonArray("roles");
    JsonObject assigned = run.roles().copy();
    Future<Void> checks = Future.succeededFuture();
    for (String role : asked.fieldNames()) {
      if (!known.contains(role)) {
        throw ApiException.invalid("roles." + role, ErrorMessage.RUN_ROLE_UNKNOWN, role,
          known.isEmpty() ? "-" : String.join(", ", known.stream().map(String::valueOf).toList()));
      }
      UUID person = JsonBody.at(asked, "roles").optionalUuid(role);
      if (person == null) {
        assigned.remove(role);
      } else {
        assigned.put(role, person.toString());
        checks = checks.compose(v -> store.requireMember(tx, c.spaceId(), person, "roles." + role));
      }
    }
    return checks.map(v -> assigned);
  }

  // --- during the run: notes and outputs ----------------------------------------------------------------------

  /**
   * A step's notes, co-edited like an agenda item's: sent with the text the editor started from ({@code base}),
   * merged three-way with what is stored now; without {@code base} the text is replaced.
   */
  private Future<JsonObject> notes(Command c) {
    UUID id = c.body().uuid("runId");
    int index = c.body().intValue("stepIndex", 0, 1000);
    String edited = c.body().text("notes", NOTES_LIMIT);
    JsonBody base = c.body().object("base");
    String from = base.has("notes") ? base.optionalText("notes", NOTES_LIMIT) : null;
    return store.change(c, "protocol.notes-edited", (tx, space) -> runs.lock(tx, c.spaceId(), id)
      .compose(run -> {
        requireStep(run, index);
        String current = run.steps().get(index).notes();
        return (from == null ? Future.succeededFuture(edited) : store.merge("notes", NOTES_LIMIT, from, edited, current))
          .compose(text -> runs.setNotes(tx, id, index, text)
            .map(v -> new JsonObject().put("runId", id.toString()).put("meetingId", run.meetingId().toString())
              .put("stepIndex", index).put("notes", text)));
      }));
  }

  /**
   * One of a step's outputs (a commitment, a next step) as an action item of the meeting and the run's agenda item,
   * made by the same code as {@code action.create} in this change's transaction; its event is {@code action.created}.
   */
  private Future<JsonObject> outputAction(Command c) {
    UUID id = c.body().uuid("runId");
    int index = c.body().intValue("stepIndex", 0, 1000);
    String title = c.body().string("title", 1, 200);
    LocalDate due = c.body().optionalDate("dueDate");
    return store.change(c, "action.created", (tx, space) -> runs.lock(tx, c.spaceId(), id)
      .compose(run -> driverOf(tx, c, run.meetingId()).map(meeting -> run))
      .compose(run -> {
        requireStep(run, index);
        String step = run.content().getJsonArray("steps").getJsonObject(index).getString("title");
        JsonObject fields = new JsonObject().put("title", title).put("meetingId", run.meetingId().toString())
          .put("description", run.protocol() + " - " + step);
        if (run.agendaItemId() != null) {
          fields.put("agendaItemId", run.agendaItemId().toString());
        }
        if (due != null) {
          fields.put("dueDate", due.toString());
        }
        return actions.createInChange(tx, c, fields)
          .map(action -> action.put("protocolRunId", id.toString()).put("stepIndex", index));
      }));
  }

  // --- checks -------------------------------------------------------------------------------------------------

  /** The meeting, locked, when the caller is its facilitator or a lead of the space: only they drive a run. */
  private Future<JsonObject> driverOf(SqlConnection tx, Command c, UUID meetingId) {
    return store.lock(tx, MeetingRepository.MEETING, c.spaceId(), meetingId, "meetingId").compose(meeting ->
      c.access().allows(Access.MANAGE) || c.userId().toString().equals(meeting.getString("facilitatorId"))
        ? Future.succeededFuture(meeting)
        : Future.failedFuture(ApiException.forbidden(ErrorMessage.RUN_DRIVER_ONLY)));
  }

  private static void requireStep(ProtocolRun run, int index) {
    if (run.content() == null || index >= run.stepsTotal()) {
      throw ApiException.invalid("stepIndex", ErrorMessage.RUN_STEP_UNKNOWN, Math.max(0, run.stepsTotal() - 1));
    }
  }

  private static Future<Void> requireScheduled(JsonObject meeting) {
    return "scheduled".equals(meeting.getString("status")) ? Future.succeededFuture()
      : Future.failedFuture(ApiException.conflict("meeting_over", "meetingId", ErrorMessage.MEETING_ALREADY, meeting.getString("status")));
  }

  private Future<Void> requireItemOfMeeting(SqlConnection tx, Command c, UUID itemId, UUID meetingId) {
    return store.lock(tx, MeetingRepository.AGENDA_ITEM, c.spaceId(), itemId, "agendaItemId").compose(item ->
      item.getString("meetingId").equals(meetingId.toString()) ? Future.succeededFuture()
        : Future.failedFuture(ApiException.invalid("agendaItemId", ErrorMessage.ITEM_OF_MEETING)));
  }
}

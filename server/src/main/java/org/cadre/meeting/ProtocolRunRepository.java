package org.cadre.meeting;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import org.cadre.history.ProtocolCategory;
import org.cadre.http.ApiException;
import org.cadre.http.ErrorMessage;
import org.cadre.http.JsonBody;
import org.cadre.meeting.ProtocolRun.State;
import org.cadre.meeting.ProtocolRun.Step;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** Protocol runs, their steps' times and notes, in SQL. */
public final class ProtocolRunRepository {

  private static final String SELECT = "select r.id, r.meeting_id, r.agenda_item_id, r.protocol_id, r.protocol_version, "
    + "r.protocol, r.category, r.state, r.step_index, r.step_started_at, r.paused_at, r.started_at, r.ended_at, r.roles, "
    + "r.debrief, r.steps_completed, r.steps_total, r.started_by, r.created_at, v.content, "
    + "coalesce((select jsonb_agg(jsonb_build_object('elapsedMs', s.elapsed_ms, 'extendedMinutes', s.extended_minutes, "
    + "'notes', s.notes) order by s.step_index) from protocol_run_steps s where s.run_id = r.id), '[]') as steps "
    + "from protocol_runs r left join protocol_versions v on v.protocol_id = r.protocol_id and v.version = r.protocol_version ";

  /** The runs of a meeting, oldest first. */
  public Future<List<ProtocolRun>> ofMeeting(SqlClient client, UUID meetingId) {
    return client.preparedQuery(SELECT + "where r.meeting_id = $1 order by r.created_at, r.id").execute(Tuple.of(meetingId))
      .map(rows -> {
        List<ProtocolRun> out = new ArrayList<>(rows.size());
        rows.forEach(row -> out.add(from(row)));
        return out;
      });
  }

  /** The run, locked for the transaction; a run of another space is answered like a missing one. */
  Future<ProtocolRun> lock(SqlClient tx, UUID spaceId, UUID runId) {
    return tx.preparedQuery(SELECT + "where r.id = $1 and r.space_id = $2 for update of r").execute(Tuple.of(runId, spaceId))
      .map(rows -> {
        if (rows.size() == 0) {
          throw new ApiException(404, "not_found", "runId", ErrorMessage.ENTITY_NOT_FOUND, ErrorMessage.NOUN_PROTOCOL_RUN);
        }
        return from(rows.iterator().next());
      });
  }

  /** Whether a run of the meeting has not finished yet (a meeting runs one protocol at a time). */
  Future<Boolean> liveIn(SqlClient tx, UUID meetingId) {
    return tx.preparedQuery("select 1 from protocol_runs where meeting_id = $1 and state <> 'finished'").execute(Tuple.of(meetingId))
      .map(rows -> rows.size() > 0);
  }

  /** A new live run on its first step, with one row per step of its version. */
  Future<Void> insert(SqlClient tx, UUID spaceId, ProtocolRun run) {
    return tx.preparedQuery("insert into protocol_runs (id, space_id, meeting_id, agenda_item_id, protocol_id, protocol_version, "
        + "protocol, category, state, step_index, step_started_at, started_at, roles, steps_completed, steps_total, "
        + "started_by, created_at) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)")
      .execute(Tuple.from(Arrays.asList(run.id(), spaceId, run.meetingId(), run.agendaItemId(), run.protocolId(),
        run.version(), run.protocol(), JsonBody.wireName(run.category()), JsonBody.wireName(run.state()), run.stepIndex(),
        time(run.stepStartedAt()), time(run.startedAt()), run.roles(), run.stepsCompleted(), run.stepsTotal(),
        run.startedBy(), time(run.createdAt()))))
      .compose(r -> tx.preparedQuery("insert into protocol_run_steps (run_id, step_index) select $1, i from generate_series(0, $2 - 1) i")
        .execute(Tuple.of(run.id(), run.stepsTotal())))
      .mapEmpty();
  }

  /** Stores a transition: the run's state and every step whose time or extension changed. */
  Future<Void> save(SqlClient tx, ProtocolRun before, ProtocolRun after) {
    Future<Void> all = tx.preparedQuery("update protocol_runs set state = $2, step_index = $3, step_started_at = $4, "
        + "paused_at = $5, ended_at = $6, roles = $7, debrief = $8, steps_completed = $9 where id = $1")
      .execute(Tuple.from(Arrays.asList(after.id(), JsonBody.wireName(after.state()), after.stepIndex(),
        time(after.stepStartedAt()), time(after.pausedAt()), time(after.endedAt()), after.roles(), after.debrief(),
        after.stepsCompleted())))
      .mapEmpty();
    for (int i = 0; i < after.steps().size(); i++) {
      Step was = before.steps().get(i);
      Step now = after.steps().get(i);
      if (was.elapsedMs() != now.elapsedMs() || was.extendedMinutes() != now.extendedMinutes()) {
        int index = i;
        all = all.compose(v -> tx.preparedQuery("update protocol_run_steps set elapsed_ms = $3, extended_minutes = $4 "
            + "where run_id = $1 and step_index = $2")
          .execute(Tuple.of(after.id(), index, now.elapsedMs(), now.extendedMinutes())).mapEmpty());
      }
    }
    return all;
  }

  Future<Void> setNotes(SqlClient tx, UUID runId, int stepIndex, String notes) {
    return tx.preparedQuery("update protocol_run_steps set notes = $3 where run_id = $1 and step_index = $2")
      .execute(Tuple.of(runId, stepIndex, notes)).mapEmpty();
  }

  /** A run held outside the runner, recorded whole as finished (the demo's replay, a run on paper). */
  Future<ProtocolRun> record(SqlClient tx, UUID spaceId, UUID meetingId, String protocol, ProtocolCategory category,
                             int completed, int total, OffsetDateTime at) {
    UUID id = UUID.randomUUID();
    return tx.preparedQuery("insert into protocol_runs (id, space_id, meeting_id, protocol, category, steps_completed, "
        + "steps_total, created_at) values ($1, $2, $3, $4, $5, $6, $7, $8)")
      .execute(Tuple.of(id, spaceId, meetingId, protocol, JsonBody.wireName(category), completed, total).addOffsetDateTime(at))
      .compose(r -> lock(tx, spaceId, id));
  }

  /** Each finished step time of the space's live-run steps, for the metrics' time over or under plan. */
  public Future<List<StepTime>> stepTimes(SqlClient client, UUID spaceId) {
    return client.preparedQuery("select m.starts_at, s.elapsed_ms, ((v.content->'steps'->s.step_index->>'maxMinutes')::int) as planned "
        + "from protocol_run_steps s join protocol_runs r on r.id = s.run_id join meetings m on m.id = r.meeting_id "
        + "join protocol_versions v on v.protocol_id = r.protocol_id and v.version = r.protocol_version "
        + "where r.space_id = $1 and r.state = 'finished' and s.step_index < r.steps_completed and m.status = 'held'")
      .execute(Tuple.of(spaceId))
      .map(rows -> {
        List<StepTime> out = new ArrayList<>(rows.size());
        rows.forEach(row -> out.add(new StepTime(row.getOffsetDateTime("starts_at").toInstant(), row.getLong("elapsed_ms"),
          row.getInteger("planned") * 60_000L)));
        return out;
      });
  }

  /** One step as held: the meeting's start, the time it took and the time its protocol planned for it. */
  public record StepTime(Instant meetingStart, long elapsedMs, long plannedMs) {
  }

  private static ProtocolRun from(Row row) {
    JsonArray stepsJson = row.getJsonArray("steps");
    List<Step> steps = new ArrayList<>(stepsJson.size());
    for (int i = 0; i < stepsJson.size(); i++) {
      JsonObject s = stepsJson.getJsonObject(i);
      steps.add(new Step(s.getLong("elapsedMs"), s.getInteger("extendedMinutes"), s.getString("notes")));
    }
    return new ProtocolRun(row.getUUID("id"), row.getUUID("meeting_id"), row.getUUID("agenda_item_id"), row.getUUID("protocol_id"),
      row.getInteger("protocol_version"), row.getString("protocol"),
      JsonBody.fromWire(ProtocolCategory.class, row.getString("category")), JsonBody.fromWire(State.class, row.getString("state")),
      row.getInteger("step_index"), instant(row, "step_started_at"), instant(row, "paused_at"), instant(row, "started_at"),
      instant(row, "ended_at"), (JsonObject) row.getJson("roles"), row.getString("debrief"), row.getInteger("steps_completed"),
      row.getInteger("steps_total"), steps, (JsonObject) row.getJson("content"), row.getUUID("started_by"),
      row.getOffsetDateTime("created_at").toInstant());
  }

  private static Instant instant(Row row, String column) {
    OffsetDateTime at = row.getOffsetDateTime(column);
    return at == null ? null : at.toInstant();
  }

  private static OffsetDateTime time(Instant at) {
    return at == null ? null : OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
  }
}

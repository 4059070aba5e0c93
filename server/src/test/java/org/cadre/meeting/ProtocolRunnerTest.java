package org.cadre.meeting;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.cadre.protocol.ProtocolLibrary;
import org.cadre.test.ApiClient;
import org.cadre.test.BusClient;
import org.cadre.test.TeamFixture;
import org.cadre.test.TestDatabases;
import org.cadre.test.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.ArrayList;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The live protocol runner over the bus and REST: its transitions, its clock, who drives it, notes and outputs. */
@ExtendWith(VertxExtension.class)
class ProtocolRunnerTest {

  private static final String EXAMINING_DATA = ProtocolLibrary.idOf("examining-data").toString();
  private static final int EXAMINING_DATA_STEPS = 9;

  private static TestServer server;
  private static String site;

  @BeforeAll
  static void start(Vertx vertx) {
    server = TestServer.start(vertx, TestDatabases.fresh());
    ApiClient admin = server.admin();
    String network = admin.expect(201, "POST", "/api/spaces", new JsonObject().put("name", "Runner network").put("kind", "network")).getString("id");
    String district = admin.expect(201, "POST", "/api/spaces/" + network + "/children",
      new JsonObject().put("name", "Runner district").put("kind", "district")).getString("id");
    site = admin.expect(201, "POST", "/api/spaces/" + district + "/children",
      new JsonObject().put("name", "Runner site").put("kind", "site")).getString("id");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static BusClient bus(ApiClient as) {
    return BusClient.connect(server.vertx(), server.port(), as);
  }

  private static JsonObject command(String type, TeamFixture team) {
    return new JsonObject().put("type", type).put("spaceId", team.id);
  }

  /** A meeting that began two minutes ago, facilitated by the team's lead, with one data-review item. */
  private record Meeting(String id, String item) {
  }

  private static Meeting meeting(TeamFixture team) {
    String start = Instant.now().minus(2, ChronoUnit.MINUTES).toString();
    String id = team.run(team.lead, "POST", "/meetings", new JsonObject().put("title", "Data meeting").put("startsAt", start)
      .put("durationMinutes", 90)).getJsonObject("payload").getJsonArray("meetings").getJsonObject(0).getString("id");
    String item = team.run(team.lead, "POST", "/meetings/" + id + "/agenda", new JsonObject().put("title", "Unit 3 results")
      .put("minutes", 60).put("focus", "student-outcomes").put("kind", "data-review")
      .put("dataArtifacts", new JsonArray().add(new JsonObject().put("type", "assessment").put("title", "Unit 3 item analysis"))))
      .getJsonObject("payload").getString("id");
    return new Meeting(id, item);
  }

  private static JsonObject startRun(BusClient lead, TeamFixture team, Meeting m) {
    return lead.ok(command("protocol.start", team).put("meetingId", m.id()).put("protocolId", EXAMINING_DATA)
      .put("agendaItemId", m.item()).put("roles", new JsonObject().put("recorder", team.member.userId())));
  }

  private static JsonObject drive(BusClient client, TeamFixture team, String type, String runId) {
    return client.ok(command(type, team).put("runId", runId)).getJsonObject("payload");
  }

  private static Instant at(JsonObject run, String field) {
    return Instant.parse(run.getString(field));
  }

  private static JsonObject error(JsonObject reply) {
    assertEquals("err", reply.getString("type"), reply::encode);
    return new JsonObject(reply.getString("message"));
  }

  @Test
  void aRunMovesThroughItsStepsKeepingEachStepsTimeAndEndsInADebrief() {
    TeamFixture team = TeamFixture.create(server, site, "steps");
    Meeting m = meeting(team);
    try (BusClient lead = bus(team.lead)) {
      JsonObject started = startRun(lead, team, m).getJsonObject("payload");
      String runId = started.getString("id");
      assertEquals("running", started.getString("state"));
      assertEquals(0, started.getInteger("stepIndex"));
      assertEquals(EXAMINING_DATA_STEPS, started.getInteger("stepsTotal"));
      assertEquals("Examining Data", started.getString("protocol"));
      assertEquals("data", started.getString("category"));
      assertEquals(1, started.getInteger("protocolVersion"));
      assertEquals(team.member.userId(), started.getJsonObject("roles").getString("recorder"));
      // Step 1 plans 5 minutes: it ends five minutes after it started.
      assertEquals(at(started, "stepStartedAt").plus(Duration.ofMinutes(5)), at(started, "stepEndsAt"));

      JsonObject again = lead.request(command("protocol.start", team).put("meetingId", m.id()).put("protocolId", EXAMINING_DATA));
      assertEquals("run_in_progress", error(again).getString("code"));

      JsonObject extended = lead.ok(command("protocol.extend", team).put("runId", runId).put("minutes", 3)).getJsonObject("payload");
      assertEquals(at(started, "stepEndsAt").plus(Duration.ofMinutes(3)), at(extended, "stepEndsAt"));
      assertEquals(3, extended.getJsonArray("steps").getJsonObject(0).getInteger("extendedMinutes"));
      JsonObject tooLong = lead.request(command("protocol.extend", team).put("runId", runId).put("minutes", 60));
      assertEquals("minutes", error(tooLong).getString("field"));

      JsonObject second = drive(lead, team, "protocol.advance", runId);
      assertEquals(1, second.getInteger("stepIndex"));
      assertEquals(1, second.getInteger("stepsCompleted"));
      // The first step's time is exactly the stretch between the two transitions, on the server's clock.
      long firstStep = Duration.between(at(started, "asOf"), at(second, "asOf")).toMillis();
      assertEquals(firstStep, second.getJsonArray("steps").getJsonObject(0).getLong("elapsedMs"));

      JsonObject back = drive(lead, team, "protocol.back", runId);
      assertEquals(0, back.getInteger("stepIndex"));
      assertEquals(0, back.getInteger("stepsCompleted"));
      // Back on step 1, its time goes on from where it stopped.
      assertEquals(at(back, "stepStartedAt").plusMillis(8 * 60_000 - firstStep), at(back, "stepEndsAt"));
      assertEquals("run_state", error(lead.request(command("protocol.back", team).put("runId", runId))).getString("code"));

      for (int i = 0; i < EXAMINING_DATA_STEPS - 1; i++) {
        drive(lead, team, "protocol.advance", runId);
      }
      // Advancing past the last step ends the steps.
      JsonObject debrief = drive(lead, team, "protocol.advance", runId);
      assertEquals("debrief", debrief.getString("state"));
      assertEquals(EXAMINING_DATA_STEPS, debrief.getInteger("stepsCompleted"));
      assertNull(debrief.getString("stepEndsAt"));
      assertEquals("run_state", error(lead.request(command("protocol.pause", team).put("runId", runId))).getString("code"));

      JsonObject finished = lead.ok(command("protocol.finish", team).put("runId", runId)
        .put("debrief", "We kept to our norm of naming evidence before inferences.")).getJsonObject("payload");
      assertEquals("finished", finished.getString("state"));
      assertEquals("We kept to our norm of naming evidence before inferences.", finished.getString("debrief"));
      assertEquals("run_state", error(lead.request(command("protocol.finish", team).put("runId", runId))).getString("code"));

      JsonObject view = team.run(team.observer, "GET", "/meetings/" + m.id(), null);
      assertTrue(view.getBoolean("debriefHeld"));
      JsonObject stored = view.getJsonArray("protocolRuns").getJsonObject(0);
      assertEquals("finished", stored.getString("state"));
      assertEquals(EXAMINING_DATA_STEPS, stored.getJsonArray("steps").size());
      assertTrue(view.getJsonArray("agenda").getJsonObject(0).getBoolean("underProtocol"));
      // A new run may start once the last one finished.
      lead.ok(command("protocol.start", team).put("meetingId", m.id()).put("protocolId", EXAMINING_DATA));
    }
  }

  @Test
  void aClientConnectingMidStepShowsTheSameRemainingTimeAsTheOneThatStartedIt() {
    TeamFixture team = TeamFixture.create(server, site, "clock");
    Meeting m = meeting(team);
    try (BusClient lead = bus(team.lead)) {
      JsonObject reply = startRun(lead, team, m);
      JsonObject run = reply.getJsonObject("payload");
      String runId = run.getString("id");
      Instant leadEnds = at(run, "stepEndsAt");
      Instant leadServerTime = Instant.parse(reply.getString("serverTime"));

      JsonObject viewed;
      Instant memberServerTime;
      try (BusClient member = bus(team.member)) {
        JsonObject meetingReply = member.ok(command("meeting.get", team).put("meetingId", m.id()));
        viewed = meetingReply.getJsonArray("protocolRuns").getJsonObject(0);
        memberServerTime = Instant.parse(meetingReply.getString("serverTime"));
      }
      // Both count down to the same instant; at the moment the member looked, both show the same time left.
      assertEquals(leadEnds, at(viewed, "stepEndsAt"));
      long memberRemaining = Duration.between(memberServerTime, at(viewed, "stepEndsAt")).toMillis();
      long leadRemainingThen = Duration.between(leadServerTime, leadEnds).toMillis()
        - Duration.between(leadServerTime, memberServerTime).toMillis();
      assertTrue(Math.abs(memberRemaining - leadRemainingThen) < 1000, memberRemaining + " vs " + leadRemainingThen);

      // Paused, the time left stands still: a client reconnecting later reads the same figure.
      JsonObject paused = drive(lead, team, "protocol.pause", runId);
      long left = paused.getLong("remainingMs");
      // remainingMs is rounded from microseconds: within a millisecond of the instants it comes from.
      assertTrue(Math.abs(Duration.between(at(paused, "asOf"), leadEnds).toMillis() - left) <= 1, left + " ms");
      try (BusClient member = bus(team.member)) {
        JsonObject later = member.ok(command("protocol.get", team).put("runId", runId));
        assertEquals("paused", later.getString("state"));
        assertEquals(left, later.getLong("remainingMs"));
        assertNull(later.getString("stepEndsAt"));
      }
      JsonObject resumed = drive(lead, team, "protocol.resume", runId);
      assertEquals(at(resumed, "asOf").plusMillis(left), at(resumed, "stepEndsAt"));
      assertEquals("run_state", error(lead.request(command("protocol.resume", team).put("runId", runId))).getString("code"));
    }
  }

  @Test
  void everyTransitionReachesTheOtherClientAsTheSameRunState() {
    TeamFixture team = TeamFixture.create(server, site, "live");
    Meeting m = meeting(team);
    try (BusClient lead = bus(team.lead); BusClient member = bus(team.member)) {
      member.subscribe("space." + team.id);
      String runId = startRun(lead, team, m).getJsonObject("payload").getString("id");
      JsonObject advanced = drive(lead, team, "protocol.advance", runId);
      JsonObject started = member.next("space." + team.id);
      assertEquals("protocol.started", started.getString("type"));
      JsonObject heard = member.next("space." + team.id);
      assertEquals("protocol.advanced", heard.getString("type"));
      assertEquals(advanced, heard.getJsonObject("payload"));
    }
  }

  @Test
  void onlyTheFacilitatorOrALeadDrivesARunWhileAnyWriterTakesNotes() {
    TeamFixture team = TeamFixture.create(server, site, "drive");
    Meeting m = meeting(team);
    try (BusClient lead = bus(team.lead); BusClient member = bus(team.member)) {
      JsonObject refusedStart = member.request(command("protocol.start", team).put("meetingId", m.id()).put("protocolId", EXAMINING_DATA));
      assertEquals(403, refusedStart.getInteger("failureCode"));
      assertEquals("forbidden", error(refusedStart).getString("code"));
      String runId = startRun(lead, team, m).getJsonObject("payload").getString("id");

      for (String type : new String[] {"protocol.advance", "protocol.pause", "protocol.end"}) {
        ApiClient.Response refused = team.member.call("POST", team.path("/protocol-runs/" + runId + "/" + type.substring(9)), new JsonObject());
        assertEquals(403, refused.status(), type);
        assertEquals("forbidden", refused.error().getString("code"));
        assertEquals("Only the meeting's facilitator or a lead may run the protocol.", refused.error().getString("message"));
      }
      ApiClient.Response spanish = team.member.call("POST", team.path("/protocol-runs/" + runId + "/advance?lang=es"), new JsonObject());
      assertEquals("Solo el facilitador de la reunión o un líder pueden conducir el protocolo.", spanish.error().getString("message"));
      assertEquals(403, team.member.call("PUT", team.path("/protocol-runs/" + runId + "/roles"),
        new JsonObject().put("roles", new JsonObject().put("timekeeper", team.member.userId()))).status());
      assertEquals(403, team.member.call("POST", team.path("/protocol-runs/" + runId + "/actions"),
        new JsonObject().put("stepIndex", 0).put("title", "Share the data")).status());
      // An observer reads the run but takes no notes.
      assertEquals(200, team.observer.call("GET", team.path("/protocol-runs/" + runId), null).status());
      assertEquals(403, team.observer.call("PATCH", team.path("/protocol-runs/" + runId + "/notes"),
        new JsonObject().put("stepIndex", 0).put("notes", "x")).status());
      assertEquals(404, team.outsider.call("GET", team.path("/protocol-runs/" + runId), null).status());

      // Both edit step 1's notes from the same empty start: both texts survive, as on agenda items.
      member.ok(command("protocol.notes", team).put("runId", runId).put("stepIndex", 0).put("notes", "Member: 18 of 22 passed.")
        .put("base", new JsonObject().put("notes", "")));
      JsonObject merged = lead.ok(command("protocol.notes", team).put("runId", runId).put("stepIndex", 0)
        .put("notes", "Lead: regroup for reteaching.").put("base", new JsonObject().put("notes", ""))).getJsonObject("payload");
      String notes = merged.getString("notes");
      assertTrue(notes.contains("Member: 18 of 22 passed.") && notes.contains("Lead: regroup for reteaching."), notes);
      // An edit from an older text merges into the current one instead of overwriting the lead's line.
      String again = member.ok(command("protocol.notes", team).put("runId", runId).put("stepIndex", 0)
        .put("notes", "Member: 19 of 22 passed.").put("base", new JsonObject().put("notes", "Member: 18 of 22 passed.")))
        .getJsonObject("payload").getString("notes");
      assertTrue(again.contains("Member: 19 of 22 passed.") && again.contains("Lead: regroup for reteaching.")
        && !again.contains("18 of 22"), again);
      assertEquals("stepIndex", error(member.request(command("protocol.notes", team).put("runId", runId).put("stepIndex", 9)
        .put("notes", "x"))).getString("field"));

      // Handing the member the meeting makes them its driver.
      team.run(team.lead, "PATCH", "/meetings/" + m.id(), new JsonObject().put("facilitatorId", team.member.userId()));
      assertEquals(1, drive(member, team, "protocol.advance", runId).getInteger("stepIndex"));
    }
  }

  @Test
  void aRolesAssignmentNamesOnlyTheProtocolsRolesAndMembers() {
    TeamFixture team = TeamFixture.create(server, site, "roles");
    Meeting m = meeting(team);
    try (BusClient lead = bus(team.lead)) {
      String runId = startRun(lead, team, m).getJsonObject("payload").getString("id");
      JsonObject assigned = lead.ok(command("protocol.roles", team).put("runId", runId).put("roles", new JsonObject()
        .put("timekeeper", team.lead.userId()).putNull("recorder"))).getJsonObject("payload");
      assertEquals(new JsonObject().put("timekeeper", team.lead.userId()), assigned.getJsonObject("roles"));
      assertEquals("roles.presenter", error(lead.request(command("protocol.roles", team).put("runId", runId)
        .put("roles", new JsonObject().put("presenter", team.lead.userId())))).getString("field"));
      assertEquals("roles.recorder", error(lead.request(command("protocol.roles", team).put("runId", runId)
        .put("roles", new JsonObject().put("recorder", team.outsider.userId())))).getString("field"));
    }
  }

  @Test
  void aStepsOutputBecomesAnActionItemOfTheMeetingInOneCommand() {
    TeamFixture team = TeamFixture.create(server, site, "output");
    Meeting m = meeting(team);
    try (BusClient lead = bus(team.lead)) {
      String runId = startRun(lead, team, m).getJsonObject("payload").getString("id");
      JsonObject event = lead.ok(command("protocol.output-action", team).put("runId", runId).put("stepIndex", 8)
        .put("title", "Build reteach groups for unit 3").put("dueDate", "2026-12-18"));
      assertEquals("action.created", event.getString("type"));
      JsonObject action = event.getJsonObject("payload");
      assertEquals(m.id(), action.getString("meetingId"));
      assertEquals(m.item(), action.getString("agendaItemId"));
      assertEquals(runId, action.getString("protocolRunId"));
      assertEquals("2026-12-18", action.getString("dueDate"));
      JsonArray board = team.run(team.member, "GET", "/board", null).getJsonArray("actionItems");
      assertTrue(board.stream().map(JsonObject.class::cast).anyMatch(a -> a.getString("id").equals(action.getString("id"))));
    }
  }

  /**
   * A run is of the version it started on: the team edits its protocol mid-run (a new version with other steps, names,
   * prompts, minutes and category), and the live run goes on through the first version's steps and clock, and is
   * recorded, scored and timed as that version; only a run started after the edit takes the new one.
   */
  @Test
  void anArchivedProtocolCannotBeStartedUntilItIsRestored() {
    TeamFixture team = TeamFixture.create(server, site, "archived");
    Meeting m = meeting(team);
    String protocolId = team.lead.expect(201, "POST", team.path("/protocols/" + EXAMINING_DATA + "/copy"),
      new JsonObject().put("name", "Retired data protocol")).getString("id");
    team.lead.expect(200, "POST", "/api/protocols/" + protocolId + "/archive", new JsonObject());

    try (BusClient lead = bus(team.lead)) {
      JsonObject refused = error(lead.request(command("protocol.start", team).put("meetingId", m.id())
        .put("protocolId", protocolId).put("agendaItemId", m.item())));
      assertEquals("protocol_archived", refused.getString("code"));
      assertEquals("protocolId", refused.getString("field"));
      JsonObject view = team.run(team.observer, "GET", "/meetings/" + m.id(), null);
      assertTrue(view.getJsonArray("protocolRuns").isEmpty(), view::encode);
      assertFalse(view.getJsonArray("agenda").getJsonObject(0).getBoolean("underProtocol"));

      team.lead.expect(200, "POST", "/api/protocols/" + protocolId + "/archive", new JsonObject().put("archived", false));
      JsonObject started = lead.ok(command("protocol.start", team).put("meetingId", m.id()).put("protocolId", protocolId)
        .put("agendaItemId", m.item())).getJsonObject("payload");
      assertEquals("Retired data protocol", started.getString("protocol"));
    }
  }

  @Test
  void aLiveRunKeepsTheVersionItStartedOnWhenItsProtocolIsEditedAndTheNextRunTakesTheNewOne() {
    TeamFixture team = TeamFixture.create(server, site, "version");
    Meeting m = meeting(team);
    JsonObject copy = team.lead.expect(201, "POST", team.path("/protocols/" + EXAMINING_DATA + "/copy"),
      new JsonObject().put("name", "Our data protocol"));
    String protocolId = copy.getString("id");
    assertEquals(1, copy.getInteger("version"));
    JsonArray v1 = copy.getJsonObject("content").getJsonArray("steps");
    assertEquals(EXAMINING_DATA_STEPS, v1.size());

    try (BusClient lead = bus(team.lead)) {
      JsonObject started = lead.ok(command("protocol.start", team).put("meetingId", m.id()).put("protocolId", protocolId)
        .put("agendaItemId", m.item())).getJsonObject("payload");
      String runId = started.getString("id");
      assertEquals(1, started.getInteger("protocolVersion"));

      // Mid-run the team rewrites the protocol: three short reflection steps under another name.
      JsonObject edited = new JsonObject().put("name", "Our quick check-in").put("purpose", "A short look back.")
        .put("category", "reflection").put("roles", new JsonArray().add("timekeeper")).put("steps", new JsonArray()
          .add(step("Warm up", 1, 2, "Say one word about your week."))
          .add(step("Look back", 3, 4, "What went well?"))
          .add(step("Close", 1, 3, "One thing to try.")));
      JsonObject v2 = team.lead.expect(200, "PUT", "/api/protocols/" + protocolId, edited);
      assertEquals(2, v2.getInteger("version"));
      assertEquals("Our quick check-in", team.member.expect(200, "GET", "/api/protocols/" + protocolId, null).getString("name"));

      // Whoever opens the meeting now sees the run as it started: version 1's name, steps, prompts and clock.
      JsonObject seen;
      try (BusClient member = bus(team.member)) {
        seen = member.ok(command("meeting.get", team).put("meetingId", m.id())).getJsonArray("protocolRuns").getJsonObject(0);
        assertEquals(seen.getString("stepEndsAt"), member.ok(command("protocol.get", team).put("runId", runId)).getString("stepEndsAt"));
      }
      assertEquals(1, seen.getInteger("protocolVersion"));
      assertEquals("Our data protocol", seen.getString("protocol"));
      assertEquals("data", seen.getString("category"));
      assertEquals(EXAMINING_DATA_STEPS, seen.getInteger("stepsTotal"));
      assertEquals(EXAMINING_DATA_STEPS, seen.getJsonArray("steps").size());
      assertEquals(v1, seen.getJsonObject("content").getJsonArray("steps"));
      assertEquals(at(started, "stepStartedAt").plus(Duration.ofMinutes(v1.getJsonObject(0).getInteger("maxMinutes"))),
        at(seen, "stepEndsAt"));

      // Driving it goes by version 1: step 2 plans its 10 minutes, and there are steps past version 2's three.
      JsonObject second = drive(lead, team, "protocol.advance", runId);
      assertEquals("Gather facts", second.getJsonObject("content").getJsonArray("steps").getJsonObject(1).getString("title"));
      assertEquals(at(second, "stepStartedAt").plus(Duration.ofMinutes(v1.getJsonObject(1).getInteger("maxMinutes"))),
        at(second, "stepEndsAt"));
      JsonObject plan = null;
      for (int i = 2; i <= 7; i++) {
        plan = drive(lead, team, "protocol.advance", runId);
      }
      assertEquals(7, plan.getInteger("stepIndex"));
      assertEquals("running", plan.getString("state"));
      assertEquals(v1.getJsonObject(7).getInteger("maxMinutes") * 60_000L,
        plan.getJsonArray("steps").getJsonObject(7).getLong("plannedMs"));
      JsonObject action = lead.ok(command("protocol.output-action", team).put("runId", runId).put("stepIndex", 7)
        .put("title", "Write the plan up")).getJsonObject("payload");
      assertEquals("Our data protocol - " + v1.getJsonObject(7).getString("title"), action.getString("description"));
      drive(lead, team, "protocol.advance", runId);
      JsonObject debrief = drive(lead, team, "protocol.advance", runId);
      assertEquals("debrief", debrief.getString("state"));
      assertEquals(EXAMINING_DATA_STEPS, debrief.getInteger("stepsCompleted"));
      JsonObject finished = lead.ok(command("protocol.finish", team).put("runId", runId).put("debrief", "Kept our norms."))
        .getJsonObject("payload");
      assertEquals("finished", finished.getString("state"));
      assertEquals(1, finished.getInteger("protocolVersion"));

      // A run started now is of version 2: its name, category, three steps and their minutes.
      JsonObject next = lead.ok(command("protocol.start", team).put("meetingId", m.id()).put("protocolId", protocolId))
        .getJsonObject("payload");
      String nextId = next.getString("id");
      assertEquals(2, next.getInteger("protocolVersion"));
      assertEquals("Our quick check-in", next.getString("protocol"));
      assertEquals("reflection", next.getString("category"));
      assertEquals(3, next.getInteger("stepsTotal"));
      assertEquals("Say one word about your week.", next.getJsonObject("content").getJsonArray("steps").getJsonObject(0).getString("prompt"));
      assertEquals(at(next, "stepStartedAt").plus(Duration.ofMinutes(2)), at(next, "stepEndsAt"));
      drive(lead, team, "protocol.advance", nextId);
      drive(lead, team, "protocol.advance", nextId);
      assertEquals("debrief", drive(lead, team, "protocol.advance", nextId).getString("state"));
      lead.ok(command("protocol.finish", team).put("runId", nextId).put("debrief", "Short and sweet."));

      lead.ok(command("meeting.close", team).put("meetingId", m.id()));
      // Three more held meetings, so the culture rows judge the meetings rather than call them insufficient.
      for (int i = 0; i < 3; i++) {
        lead.ok(command("meeting.close", team).put("meetingId", meeting(team).id()));
      }
    }

    // The meeting's record keeps each run with its own version.
    JsonArray stored = team.run(team.member, "GET", "/meetings/" + m.id(), null).getJsonArray("protocolRuns");
    assertEquals(List.of(1, 2), stored.stream().map(r -> ((JsonObject) r).getInteger("protocolVersion")).toList());
    assertEquals(v1, stored.getJsonObject(0).getJsonObject("content").getJsonArray("steps"));

    // The history (what the culture engine and the metrics read) has the first run as version 1 held it.
    JsonObject history = team.admin.expect(200, "GET", team.path("/history"), null);
    JsonObject held = history.getJsonArray("meetings").stream().map(JsonObject.class::cast)
      .filter(meeting -> meeting.getString("id").equals(m.id())).findFirst().orElseThrow();
    assertEquals(new JsonArray()
        .add(new JsonObject().put("protocol", "Our data protocol").put("category", "data").put("stepsCompleted", 9).put("stepsTotal", 9))
        .add(new JsonObject().put("protocol", "Our quick check-in").put("category", "reflection").put("stepsCompleted", 3).put("stepsTotal", 3)),
      held.getJsonArray("protocolRuns"));

    // Scored: the data protocol ran in a data meeting (version 2 is a reflection protocol, which A3 would not count).
    String asOf = Instant.now().plus(1, ChronoUnit.HOURS).toString();
    Map<String, JsonObject> rows = rows(team.admin.expect(200, "GET", team.path("/culture?asOf=" + asOf), null).getJsonArray("rows"));
    assertEquals(1, rows.get("A3").getJsonObject("measured").getInteger("dataMeetingsWithDataProtocol"), rows.get("A3")::encode);
    assertEquals(1, rows.get("C3").getJsonObject("measured").getInteger("normsOrProtocol"), rows.get("C3")::encode);

    // Timed against each run's own version: twelve steps, planned at version 1's 70 minutes and version 2's 9.
    JsonObject protocols = team.admin.expect(200, "GET", team.path("/metrics"), null).getJsonArray("teams").getJsonObject(0)
      .getJsonObject("protocols");
    assertEquals(2, protocols.getInteger("runs"));
    assertEquals(12, protocols.getInteger("stepsTotal"));
    assertEquals(12, protocols.getInteger("timedSteps"));
    assertEquals(1, protocols.getJsonObject("byCategory").getInteger("data"));
    assertEquals(1, protocols.getJsonObject("byCategory").getInteger("reflection"));
    int planned = v1.stream().mapToInt(s -> ((JsonObject) s).getInteger("maxMinutes")).sum() + 2 + 4 + 3;
    assertEquals(-planned / 12.0, protocols.getDouble("minutesOverPlanPerStep"), 0.02, protocols::encode);
  }

  private static JsonObject step(String title, int min, int max, String prompt) {
    return new JsonObject().put("title", title).put("minMinutes", min).put("maxMinutes", max).put("prompt", prompt)
      .put("outputs", new JsonArray());
  }

  /**
   * The run as the runner stores it and the same run written into a history document score the team alike: the
   * culture engine reads the one record, whichever way it came.
   */
  @Test
  void aFinishedRunChangesTheCultureRowsExactlyAsTheSameRunImported() {
    TeamFixture team = TeamFixture.create(server, site, "culture");
    // Four held meetings: with fewer the engine calls the meeting rows insufficient, whatever ran in them.
    List<Meeting> meetings = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      meetings.add(meeting(team));
    }
    JsonObject before = team.admin.expect(200, "GET", team.path("/history"), null);
    try (BusClient lead = bus(team.lead)) {
      for (Meeting m : meetings) {
        String runId = startRun(lead, team, m).getJsonObject("payload").getString("id");
        for (int i = 0; i < 4; i++) {
          drive(lead, team, "protocol.advance", runId);
        }
        drive(lead, team, "protocol.end", runId);
        lead.ok(command("protocol.finish", team).put("runId", runId).put("debrief", "Norms held."));
        lead.ok(command("meeting.close", team).put("meetingId", m.id()));
      }
    }

    JsonObject document = before.copy();
    document.getJsonObject("team").put("name", "Imported culture team");
    document.getJsonArray("meetings").forEach(o -> {
      JsonObject meeting = (JsonObject) o;
      meeting.put("status", "held").put("debriefHeld", true).put("protocolRuns", new JsonArray().add(new JsonObject()
        .put("protocol", "Examining Data").put("category", "data").put("stepsCompleted", 5).put("stepsTotal", EXAMINING_DATA_STEPS)));
      meeting.getJsonArray("agenda").getJsonObject(0).put("underProtocol", true);
    });
    String imported = team.admin.expect(201, "POST", "/api/spaces/" + site + "/import", document).getString("spaceId");

    String asOf = Instant.now().plus(1, ChronoUnit.HOURS).toString();
    JsonArray live = team.admin.expect(200, "GET", team.path("/culture?asOf=" + asOf), null).getJsonArray("rows");
    JsonArray fromDocument = team.admin.expect(200, "GET", "/api/spaces/" + imported + "/culture?asOf=" + asOf, null).getJsonArray("rows");
    assertEquals(rows(fromDocument), rows(live));
    JsonObject dataUse = rows(live).get("A3");
    assertEquals(1.0, dataUse.getJsonObject("measured").getDouble("dataProtocolMeetingShare"), dataUse::encode);
  }

  /** Each row's level and measured values by row id (evidence names ids, which differ between the two teams). */
  private static Map<String, JsonObject> rows(JsonArray rows) {
    Map<String, JsonObject> out = new HashMap<>();
    rows.forEach(o -> {
      JsonObject row = (JsonObject) o;
      out.put(row.getString("id"), new JsonObject().put("level", row.getString("level")).put("measured", row.getJsonObject("measured")));
    });
    return out;
  }
}

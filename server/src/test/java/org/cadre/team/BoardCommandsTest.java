package org.cadre.team;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.cadre.test.ApiClient;
import org.cadre.test.BusClient;
import org.cadre.test.TeamFixture;
import org.cadre.test.TestDatabases;
import org.cadre.test.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every board command: it works for someone allowed to run it, is refused (404 or 403) for those who are not,
 * and bad input is refused naming the field, with nothing stored.
 */
@ExtendWith(VertxExtension.class)
class BoardCommandsTest {

  private static TestServer server;
  private static TeamFixture team;
  private static TeamFixture otherTeam;
  private static String meeting;
  private static String otherMeeting;
  private static String goal;

  /**
   * One command: REST method and path (built fresh, since some create what they act on), a valid body, the
   * least role allowed, and a bad body with the field its error must name.
   */
  record Case(String name, String method, Supplier<String> path, Supplier<JsonObject> body, String allowed,
              JsonObject bad, String badField) {
    @Override
    public String toString() {
      return name;
    }
  }

  @BeforeAll
  static void start(Vertx vertx) {
    server = TestServer.start(vertx, TestDatabases.fresh());
    ApiClient admin = server.admin();
    String network = admin.expect(201, "POST", "/api/spaces", new JsonObject().put("name", "Commands network").put("kind", "network")).getString("id");
    team = TeamFixture.create(server, network, "cmd");
    otherTeam = TeamFixture.create(server, network, "cmd-other");
    meeting = newMeeting(team);
    otherMeeting = newMeeting(otherTeam);
    goal = payloadId(team.run(team.lead, "POST", "/goals", new JsonObject().put("title", "Goal")));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static String newMeeting(TeamFixture t) {
    return t.run(t.lead, "POST", "/meetings", new JsonObject().put("title", "Meeting")
        .put("startsAt", Instant.now().minus(5, ChronoUnit.MINUTES).toString()))
      .getJsonObject("payload").getJsonArray("meetings").getJsonObject(0).getString("id");
  }

  private static String payloadId(JsonObject event) {
    return event.getJsonObject("payload").getString("id");
  }

  private static String create(String path, JsonObject body) {
    return payloadId(team.run(team.lead, "POST", path, body));
  }

  private static String norm() {
    return create("/norms", new JsonObject().put("text", "Assume good intent"));
  }

  private static String agreement() {
    return create("/agreements", new JsonObject().put("title", "Share plans a week ahead").put("kind", "agreement"));
  }

  private static String action() {
    return create("/action-items", new JsonObject().put("title", "Follow up"));
  }

  private static String item() {
    return create("/meetings/" + meeting + "/agenda", new JsonObject().put("title", "Item"));
  }

  private static JsonObject body(String key, Object value) {
    return new JsonObject().put(key, value);
  }

  static Stream<Case> cases() {
    return Stream.of(
      new Case("norm.create", "POST", () -> "/norms", () -> body("text", "Listen fully"), "member", body("text", 12), "text"),
      new Case("norm.update", "PATCH", () -> "/norms/" + norm(), () -> body("text", "Listen fully, then respond"), "member",
        body("text", "x".repeat(2001)), "text"),
      new Case("norm.move", "POST", () -> "/norms/" + norm() + "/move", () -> new JsonObject().putNull("afterId"), "member",
        body("afterId", "not-an-id"), "afterId"),
      new Case("norm.retire", "POST", () -> "/norms/" + norm() + "/retire", JsonObject::new, "member", null, null),
      new Case("goal.create", "POST", () -> "/goals", () -> body("title", "Attendance above 95%"), "member", body("title", " "), "title"),
      new Case("goal.update", "PATCH", () -> "/goals/" + goal, () -> body("description", "Revised"), "member",
        body("description", List.of()), "description"),
      new Case("agreement.create", "POST", () -> "/agreements", () -> body("title", "Policy").put("kind", "policy")
        .put("reviewEveryDays", 30), "member", body("title", "Policy").put("kind", "rule"), "kind"),
      new Case("agreement.update", "PATCH", () -> "/agreements/" + agreement(), () -> body("status", "adopted"), "member",
        body("status", "approved"), "status"),
      new Case("agreement.review", "POST", () -> "/agreements/" + agreement() + "/reviews", () -> body("meetingId", meeting)
        .put("disparityCheck", true), "member", body("meetingId", otherMeeting), "meetingId"),
      new Case("action.create", "POST", () -> "/action-items", () -> body("title", "Call families").put("dueDate", "2026-12-01")
        .put("tags", new JsonArray().add("equity")), "member", body("title", "Call").put("dueDate", "12/01/2026"), "dueDate"),
      new Case("action.update", "PATCH", () -> "/action-items/" + action(), () -> body("status", "done").put("impactReport", "Done well"),
        "member", body("status", "finished"), "status"),
      new Case("action.claim", "POST", () -> "/action-items/" + action() + "/claim", JsonObject::new, "member", null, null),
      new Case("action.assign", "POST", () -> "/action-items/" + action() + "/assign", () -> body("ownerId", team.member.userId()),
        "lead", body("ownerId", team.outsider.userId()), "ownerId"),
      new Case("action.move", "POST", () -> "/action-items/" + action() + "/move", () -> new JsonObject().putNull("afterId"), "member",
        body("afterId", java.util.UUID.randomUUID().toString()), "afterId"),
      new Case("action.delete", "DELETE", () -> "/action-items/" + action(), JsonObject::new, "member", null, null),
      new Case("meeting.create", "POST", () -> "/meetings", () -> body("title", "Weekly").put("startsAt", "2027-01-04T16:00:00Z"),
        "member", body("title", "Weekly").put("startsAt", "next monday"), "startsAt"),
      new Case("meeting.update", "PATCH", () -> "/meetings/" + newMeeting(team), () -> body("location", "Room 12"), "member",
        body("endsAt", "2000-01-01T00:00:00Z"), "endsAt"),
      new Case("meeting.publish-agenda", "POST", () -> "/meetings/" + newMeeting(team) + "/publish-agenda", JsonObject::new, "lead", null, null),
      new Case("meeting.send-reminder", "POST", () -> "/meetings/" + newMeeting(team) + "/reminder", JsonObject::new, "lead", null, null),
      new Case("meeting.close", "POST", () -> "/meetings/" + newMeeting(team) + "/close", JsonObject::new, "lead", null, null),
      new Case("meeting.cancel", "POST", () -> "/meetings/" + newMeeting(team) + "/cancel", JsonObject::new, "lead", null, null),
      new Case("agenda.add", "POST", () -> "/meetings/" + meeting + "/agenda", () -> body("title", "Data review").put("minutes", 20)
        .put("focus", "student-outcomes").put("goalId", goal), "member", body("title", "Data").put("minutes", -5), "minutes"),
      new Case("agenda.update", "PATCH", () -> "/agenda-items/" + item(), () -> body("outcome", "achieved"), "member",
        body("dataArtifacts", new JsonArray().add(body("type", "rumour").put("title", "x"))), "dataArtifacts[0].type"),
      new Case("agenda.move", "POST", () -> "/agenda-items/" + item() + "/move", () -> new JsonObject().putNull("afterId"), "member", null, null),
      new Case("agenda.delete", "DELETE", () -> "/agenda-items/" + item(), JsonObject::new, "member", null, null),
      new Case("attendance.check-in", "POST", () -> "/meetings/" + meeting + "/check-in", JsonObject::new, "member", null, null),
      new Case("attendance.mark", "PUT", () -> "/meetings/" + meeting + "/attendance/" + team.member.userId(), () -> body("status", "excused"),
        "lead", body("status", "away"), "status"),
      new Case("decision.record", "POST", () -> "/meetings/" + meeting + "/decisions", () -> body("text", "Adopt it").put("method", "vote"),
        "member", body("text", "Adopt it").put("goalId", "b3a0b2a4-0000-4000-8000-000000000000"), "goalId"),
      new Case("feedback.record", "POST", () -> "/meetings/" + meeting + "/feedback", () -> body("kind", "warm").put("receiverId", team.lead.userId()),
        "member", body("kind", "warm").put("receiverId", otherTeam.member.userId()), "receiverId"),
      new Case("protocol.record", "POST", () -> "/meetings/" + meeting + "/protocol-records", () -> body("protocol", "tuning").put("category", "instruction")
        .put("stepsTotal", 5), "member", body("protocol", "tuning").put("category", "instruction").put("stepsTotal", 0), "stepsTotal"),
      new Case("equity.record", "POST", () -> "/equity-analyses", () -> body("level", "societal").put("meetingId", meeting), "member",
        body("level", "global"), "level"),
      new Case("team.settings", "PATCH", () -> "/settings", () -> body("cadenceDays", 7), "lead", body("timeZone", "Mars/Olympus"), "timeZone"),
      new Case("rating.record", "POST", () -> "/culture/ratings", () -> body("row", "B1").put("level", 2).put("note", "We say it, mostly"),
        "member", body("row", "D9").put("level", 2), "row"));
  }

  private static long seq() {
    return team.admin.expect(200, "GET", "/api/spaces/" + team.id, null).getLong("seq");
  }

  private static ApiClient as(String role) {
    return switch (role) {
      case "lead" -> team.lead;
      case "member" -> team.member;
      default -> throw new IllegalArgumentException(role);
    };
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void worksForThoseAllowedAndRecordsOneEvent(Case c) {
    String path = c.path().get();
    long before = seq();
    JsonObject event = team.run(as(c.allowed()), c.method(), path, c.body().get());
    assertEquals(before + 1, event.getLong("seq"));
    assertEquals(as(c.allowed()).userId(), event.getString("actor"));
    assertNotNull(event.getJsonObject("payload"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void isRefusedToThoseNotAllowedWithNothingStored(Case c) {
    String path = c.path().get();
    long before = seq();
    assertEquals(404, team.outsider.call(c.method(), team.path(path), c.body().get()).status(), "outsiders do not see the team");
    assertEquals(403, team.observer.call(c.method(), team.path(path), c.body().get()).status(), "observers only read");
    if (c.allowed().equals("lead")) {
      assertEquals(403, team.partner.call(c.method(), team.path(path), c.body().get()).status(), "this is for the lead");
    }
    assertEquals(before, seq());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void badInputNamesTheFieldAndStoresNothing(Case c) {
    if (c.bad() == null) {
      return;
    }
    String path = c.path().get();
    long before = seq();
    ApiClient.Response response = as(c.allowed()).call(c.method(), team.path(path), c.bad());
    assertEquals(400, response.status(), String.valueOf(response.json()));
    assertEquals(c.badField(), response.error().getString("field"), response.error().getString("message"));
    assertEquals(before, seq());
  }

  @Test
  void idsFromAnotherSpaceAreAnsweredAsMissing() {
    String foreign = payloadId(otherTeam.run(otherTeam.lead, "POST", "/action-items", body("title", "Theirs")));
    ApiClient.Response response = team.member.call("POST", team.path("/action-items/" + foreign + "/claim"), new JsonObject());
    assertEquals(404, response.status());
    assertEquals("actionId", response.error().getString("field"));
  }

  @Test
  void theSameCommandsWorkOverTheBusWithTheSameChecks() {
    try (BusClient bus = BusClient.connect(server.vertx(), server.port(), team.observer)) {
      JsonObject refused = bus.request(new JsonObject().put("type", "norm.create").put("spaceId", team.id).put("text", "Nope"));
      assertEquals("err", refused.getString("type"));
      assertEquals(403, refused.getInteger("failureCode"));
      JsonObject board = bus.ok(new JsonObject().put("type", "board.get").put("spaceId", team.id));
      assertTrue(board.getJsonArray("meetings").size() >= 1);
      assertTrue(board.getLong("seq") > 0);
    }
  }

  @Test
  void aMemberCannotMakeThemselvesTheFacilitator() {
    String m = newMeeting(team);
    ApiClient.Response response = team.member.call("PATCH", team.path("/meetings/" + m), body("facilitatorId", team.member.userId()));
    assertEquals(403, response.status());
    assertEquals(403, team.member.call("POST", team.path("/meetings/" + m + "/close"), new JsonObject()).status());
    team.run(team.lead, "PATCH", "/meetings/" + m, body("facilitatorId", team.member.userId()));
    team.run(team.member, "POST", "/meetings/" + m + "/close", new JsonObject());
  }

  @Test
  void aNormInsertedAfterAnotherLandsRightThere() {
    TeamFixture fresh = TeamFixture.create(server, networkOf(), "norms");
    String first = payloadId(fresh.run(fresh.lead, "POST", "/norms", body("text", "First")));
    fresh.run(fresh.lead, "POST", "/norms", body("text", "Last"));
    fresh.run(fresh.lead, "POST", "/norms", body("text", "Second").put("afterId", first));
    fresh.run(fresh.lead, "POST", "/norms", body("text", "Third").put("afterId", first));
    List<String> texts = fresh.run(fresh.member, "GET", "/board", null).getJsonArray("norms").stream()
      .map(o -> ((JsonObject) o).getString("text")).toList();
    assertEquals(List.of("First", "Third", "Second", "Last"), texts);
  }

  @Test
  void clearingAnOptionalTextAndSettingAnEndAreAcceptedButOffsetTimeZonesAreNot() {
    String m = newMeeting(team);
    assertEquals("", team.run(team.lead, "PATCH", "/meetings/" + m, new JsonObject().putNull("location"))
      .getJsonObject("payload").getString("location"));
    JsonObject created = team.run(team.lead, "POST", "/meetings", body("title", "Long one").put("startsAt", "2027-02-01T16:00:00Z")
      .put("endsAt", "2027-02-01T18:30:00Z")).getJsonObject("payload").getJsonArray("meetings").getJsonObject(0);
    assertEquals("2027-02-01T18:30:00Z", created.getString("endsAt"));
    assertEquals(400, team.lead.call("POST", team.path("/meetings"), body("title", "Backwards").put("startsAt", "2027-02-01T16:00:00Z")
      .put("endsAt", "2027-02-01T15:00:00Z")).status());
    assertEquals(400, team.lead.call("POST", team.path("/meetings"), body("title", "Far").put("startsAt", "+300000-01-01T00:00:00Z")).status());
    assertEquals("timeZone", team.lead.call("PATCH", team.path("/settings"), body("timeZone", "UTC+5")).error().getString("field"));
  }

  @Test
  void aLeaderSelectionsErrorsNameTheFieldUnderIt() {
    ApiClient.Response blank = team.lead.call("PATCH", team.path("/settings"), body("leaderSelection", body("method", " ")));
    assertEquals("leaderSelection.method", blank.error().getString("field"));
    ApiClient.Response day = team.lead.call("PATCH", team.path("/settings"),
      body("leaderSelection", body("method", "elected").put("at", "2026-08-20")));
    assertEquals("leaderSelection.at", day.error().getString("field"));
    assertEquals("leaderSelection.method", team.lead.call("PATCH", team.path("/settings"), body("leaderSelection", new JsonObject()))
      .error().getString("field"));
  }

  private static String networkOf() {
    return team.admin.expect(200, "GET", "/api/spaces/" + team.id, null).getString("parentId");
  }

  @Test
  void everyGoalRevisionIsKept() {
    String g = create("/goals", body("title", "First wording"));
    team.run(team.member, "PATCH", "/goals/" + g, body("title", "Second wording"));
    team.run(team.lead, "PATCH", "/goals/" + g, body("description", "With a description"));
    JsonArray revisions = team.run(team.observer, "GET", "/goals/" + g + "/revisions", null).getJsonArray("revisions");
    assertEquals(List.of("First wording", "Second wording", "Second wording"),
      revisions.stream().map(o -> ((JsonObject) o).getString("title")).toList());
    assertEquals(3, revisions.getJsonObject(2).getInteger("revision"));
  }

  @Test
  void aCommandRateLimitGuardsEachConnection() {
    try (BusClient bus = BusClient.connect(server.vertx(), server.port(), team.member)) {
      JsonObject command = new JsonObject().put("type", "board.get").put("spaceId", team.id);
      long refused = bus.burst(Collections.nCopies(80, command)).stream()
        .filter(reply -> "err".equals(reply.getString("type")) && reply.getInteger("failureCode") == 429)
        .count();
      assertTrue(refused > 0, "a burst beyond the limit is throttled");
    }
  }
}

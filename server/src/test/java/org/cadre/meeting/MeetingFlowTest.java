package org.cadre.meeting;

import io.vertx.core.Future;
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

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Whole meetings run over the bus, co-editing, claims, reordering and catching up. */
@ExtendWith(VertxExtension.class)
class MeetingFlowTest {

  private static TestServer server;
  private static String site;

  @BeforeAll
  static void start(Vertx vertx) {
    server = TestServer.start(vertx, TestDatabases.fresh());
    ApiClient admin = server.admin();
    String network = admin.expect(201, "POST", "/api/spaces", new JsonObject().put("name", "Flow network").put("kind", "network")).getString("id");
    String district = admin.expect(201, "POST", "/api/spaces/" + network + "/children",
      new JsonObject().put("name", "Flow district").put("kind", "district")).getString("id");
    site = admin.expect(201, "POST", "/api/spaces/" + district + "/children",
      new JsonObject().put("name", "Flow site").put("kind", "site")).getString("id");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static BusClient bus(ApiClient as) {
    return BusClient.connect(server.vertx(), server.port(), as);
  }

  private static JsonObject command(String type, String space) {
    return new JsonObject().put("type", type).put("spaceId", space);
  }

  private static String id(JsonObject event) {
    return event.getJsonObject("payload").getString("id");
  }

  @Test
  void twoClientsRunAWholeMeetingAndEveryStepReachesTheOtherInOrder() {
    TeamFixture team = TeamFixture.create(server, site, "flow");
    try (BusClient lead = bus(team.lead); BusClient member = bus(team.member)) {
      lead.subscribe("space." + team.id);
      member.subscribe("space." + team.id);
      String start = Instant.now().minus(2, ChronoUnit.MINUTES).toString();
      List<String> sent = new ArrayList<>();

      JsonObject meeting = lead.ok(command("meeting.create", team.id).put("title", "Leadership team").put("startsAt", start)
        .put("durationMinutes", 60)).getJsonObject("payload").getJsonArray("meetings").getJsonObject(0);
      String meetingId = meeting.getString("id");
      sent.add("meeting.created");
      String norm = id(lead.ok(command("norm.create", team.id).put("text", "Start and end on time")));
      sent.add("norm.created");
      String goal = id(lead.ok(command("goal.create", team.id).put("title", "Every 9th grader on track in math")));
      sent.add("goal.created");
      String item = id(lead.ok(command("agenda.add", team.id).put("meetingId", meetingId).put("title", "Unit 3 results")
        .put("minutes", 30).put("focus", "student-outcomes").put("kind", "data-review").put("goalId", goal)
        .put("dataArtifacts", new JsonArray().add(new JsonObject().put("type", "assessment").put("title", "Item analysis")))));
      sent.add("agenda.added");
      lead.ok(command("meeting.publish-agenda", team.id).put("meetingId", meetingId));
      sent.add("meeting.agenda-published");

      JsonObject checkIn = member.ok(command("attendance.check-in", team.id).put("meetingId", meetingId));
      assertEquals("present", checkIn.getJsonObject("payload").getString("status"));
      sent.add("attendance.marked");
      lead.ok(command("attendance.mark", team.id).put("meetingId", meetingId).put("userId", team.lead.userId()).put("status", "present"));
      sent.add("attendance.marked");

      // Both type into the notes from the same empty start: both texts survive.
      member.ok(command("agenda.update", team.id).put("itemId", item).put("notes", "Member: 18 of 22 passed.")
        .put("base", new JsonObject().put("notes", "")));
      sent.add("agenda.updated");
      JsonObject merged = lead.ok(command("agenda.update", team.id).put("itemId", item).put("notes", "Lead: regroup for reteaching.")
        .put("base", new JsonObject().put("notes", "")));
      sent.add("agenda.updated");
      String notes = merged.getJsonObject("payload").getString("notes");
      assertTrue(notes.contains("Member: 18 of 22 passed.") && notes.contains("Lead: regroup for reteaching."), notes);

      lead.ok(command("meeting.update", team.id).put("meetingId", meetingId).put("normsReviewed", true));
      sent.add("meeting.updated");
      lead.ok(command("protocol.record", team.id).put("meetingId", meetingId).put("protocol", "examining-data")
        .put("category", "data").put("stepsTotal", 6).put("stepsCompleted", 5));
      sent.add("protocol.recorded");
      lead.ok(command("decision.record", team.id).put("meetingId", meetingId).put("agendaItemId", item)
        .put("text", "Regroup for reteaching").put("kind", "strategy-adjustment").put("method", "consensus")
        .put("discussed", true).put("goalId", goal));
      sent.add("decision.recorded");
      member.ok(command("feedback.record", team.id).put("meetingId", meetingId).put("receiverId", team.lead.userId())
        .put("kind", "probing-question"));
      sent.add("feedback.recorded");
      String action = id(lead.ok(command("action.create", team.id).put("title", "Build reteach groups").put("meetingId", meetingId)
        .put("agendaItemId", item).put("dueDate", "2026-12-01").put("tags", new JsonArray().add("equity")).put("origin", "root-cause")));
      sent.add("action.created");
      JsonObject claimed = member.ok(command("action.claim", team.id).put("actionId", action));
      assertEquals(team.member.userId(), claimed.getJsonObject("payload").getString("ownerId"));
      sent.add("action.claimed");
      lead.ok(command("meeting.close", team.id).put("meetingId", meetingId));
      sent.add("meeting.held");

      for (BusClient client : List.of(member, lead)) {
        List<JsonObject> seen = new ArrayList<>();
        while (seen.size() < sent.size()) {
          JsonObject message = client.next("space." + team.id);
          if (message.containsKey("seq")) {
            seen.add(message);
          }
        }
        assertEquals(sent, seen.stream().map(e -> e.getString("type")).toList());
        for (int i = 1; i < seen.size(); i++) {
          assertEquals(seen.get(i - 1).getLong("seq") + 1, seen.get(i).getLong("seq"), "events arrive in seq order without gaps");
        }
      }

      JsonObject view = team.run(team.observer, "GET", "/meetings/" + meetingId, null);
      assertEquals("held", view.getString("status"));
      assertTrue(view.getBoolean("normsReviewed"));
      assertEquals(1, view.getJsonArray("decisions").size());
      assertEquals(1, view.getJsonArray("feedback").size());
      assertEquals(notes, view.getJsonArray("agenda").getJsonObject(0).getString("notes"));
      JsonArray attendance = view.getJsonArray("attendance");
      assertEquals(Set.of("present"), attendance.stream().map(o -> (JsonObject) o).filter(a -> a.getString("status") != null)
        .map(a -> a.getString("status")).collect(Collectors.toSet()));
      assertNotNull(norm);
    }
  }

  @Test
  void aHundredClaimRacesEachHaveExactlyOneOwnerAndTheLoserIsToldWho() {
    TeamFixture team = TeamFixture.create(server, site, "claims");
    try (BusClient watcher = bus(team.observer)) {
      watcher.subscribe("space." + team.id);
      for (int i = 0; i < 100; i++) {
        String action = id(team.run(team.lead, "POST", "/action-items", new JsonObject().put("title", "Item " + i)));
        var first = team.member.callAsync("POST", team.path("/action-items/" + action + "/claim"), new JsonObject());
        var second = team.partner.callAsync("POST", team.path("/action-items/" + action + "/claim"), new JsonObject());
        Future.all(first, second).await();
        ApiClient.Response a = first.result();
        ApiClient.Response b = second.result();
        assertEquals(Set.of(200, 409), Set.of(a.status(), b.status()), "one claim wins, one conflicts: " + a.json() + b.json());
        ApiClient.Response winner = a.status() == 200 ? a : b;
        ApiClient.Response loser = a.status() == 200 ? b : a;
        String owner = winner.json().getJsonObject("payload").getString("ownerId");
        assertEquals("already_claimed", loser.error().getString("code"));
        assertEquals(owner, loser.error().getJsonObject("owner").getString("userId"));
        JsonObject claimed = watcher.take(f -> f.getJsonObject("body") != null && "action.claimed".equals(f.getJsonObject("body").getString("type"))
          && action.equals(f.getJsonObject("body").getJsonObject("payload").getString("id"))).getJsonObject("body");
        assertEquals(owner, claimed.getJsonObject("payload").getString("ownerId"));
      }
    }
  }

  @Test
  void twoPeopleTypingIntoTheSameNotesAtOnceBothKeepTheirText() {
    TeamFixture team = TeamFixture.create(server, site, "typing");
    String meeting = meeting(team, Instant.now().plus(1, ChronoUnit.DAYS));
    String item = id(team.run(team.lead, "POST", "/meetings/" + meeting + "/agenda",
      new JsonObject().put("title", "Notes").put("notes", "Opening line.\n")));
    String memberBase = "Opening line.\n";
    String leadBase = "Opening line.\n";
    List<String> typed = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      String memberText = memberBase + "member-" + i + " ";
      String leadText = "lead-" + i + " " + leadBase;
      typed.add("member-" + i);
      typed.add("lead-" + i);
      var m = team.member.callAsync("PATCH", team.path("/agenda-items/" + item), new JsonObject().put("notes", memberText)
        .put("base", new JsonObject().put("notes", memberBase)));
      var l = team.lead.callAsync("PATCH", team.path("/agenda-items/" + item), new JsonObject().put("notes", leadText)
        .put("base", new JsonObject().put("notes", leadBase)));
      Future.all(m, l).await();
      assertEquals(200, m.result().status(), String.valueOf(m.result().json()));
      assertEquals(200, l.result().status(), String.valueOf(l.result().json()));
      // Each editor continues from what their own reply said the text now is, as a client does.
      memberBase = m.result().json().getJsonObject("payload").getString("notes");
      leadBase = l.result().json().getJsonObject("payload").getString("notes");
    }
    String finalNotes = team.run(team.member, "GET", "/meetings/" + meeting, null).getJsonArray("agenda").getJsonObject(0).getString("notes");
    for (String token : typed) {
      assertTrue(finalNotes.contains(token), token + " is missing from " + finalNotes);
    }
    assertTrue(finalNotes.contains("Opening line."));
  }

  @Test
  void anUnmergeableEditIsRefusedWithTheCurrentTextAndAnEditToADeletedItemSaysSo() {
    TeamFixture team = TeamFixture.create(server, site, "conflict");
    String meeting = meeting(team, Instant.now().plus(1, ChronoUnit.DAYS));
    String item = id(team.run(team.lead, "POST", "/meetings/" + meeting + "/agenda",
      new JsonObject().put("title", "Plan").put("notes", "Keep the first paragraph about attendance data.")));
    team.run(team.lead, "PATCH", "/agenda-items/" + item, new JsonObject().put("notes", "Replaced entirely."));
    ApiClient.Response stale = team.member.call("PATCH", team.path("/agenda-items/" + item), new JsonObject()
      .put("notes", "Keep the first paragraph about attendance data, and the survey.")
      .put("base", new JsonObject().put("notes", "Keep the first paragraph about attendance data.")));
    assertEquals(409, stale.status());
    assertEquals("edit_conflict", stale.error().getString("code"));
    assertEquals("Replaced entirely.", stale.error().getString("current"));

    team.run(team.lead, "DELETE", "/agenda-items/" + item, null);
    ApiClient.Response late = team.member.call("PATCH", team.path("/agenda-items/" + item), new JsonObject().put("title", "Too late"));
    assertEquals(410, late.status());
    assertEquals("deleted", late.error().getString("code"));
    assertEquals("itemId", late.error().getString("field"));
  }

  @Test
  void aReorderDuringAnEditKeepsBothTheNewOrderAndTheEdit() {
    TeamFixture team = TeamFixture.create(server, site, "reorder");
    String meeting = meeting(team, Instant.now().plus(1, ChronoUnit.DAYS));
    List<String> items = new ArrayList<>();
    for (String title : List.of("One", "Two", "Three")) {
      items.add(id(team.run(team.lead, "POST", "/meetings/" + meeting + "/agenda", new JsonObject().put("title", title))));
    }
    var move = team.lead.callAsync("POST", team.path("/agenda-items/" + items.get(2) + "/move"), new JsonObject().putNull("afterId"));
    var edit = team.member.callAsync("PATCH", team.path("/agenda-items/" + items.get(2)), new JsonObject().put("title", "Three, renamed"));
    var otherMove = team.partner.callAsync("POST", team.path("/agenda-items/" + items.get(0) + "/move"), new JsonObject().put("afterId", items.get(1)));
    Future.all(move, edit, otherMove).await();
    assertEquals(200, move.result().status());
    assertEquals(200, edit.result().status());
    assertEquals(200, otherMove.result().status());
    JsonArray agenda = team.run(team.member, "GET", "/meetings/" + meeting, null).getJsonArray("agenda");
    List<String> titles = agenda.stream().map(o -> ((JsonObject) o).getString("title")).toList();
    assertEquals(List.of("Three, renamed", "Two", "One"), titles);
  }

  @Test
  void aClientThatDropsMidMeetingCatchesUpOnEverythingItMissed() {
    TeamFixture team = TeamFixture.create(server, site, "catchup");
    String meeting = meeting(team, Instant.now().minus(1, ChronoUnit.MINUTES));
    long lastSeen;
    try (BusClient member = bus(team.member)) {
      member.subscribe("space." + team.id);
      member.ok(command("attendance.check-in", team.id).put("meetingId", meeting));
      // The meeting's creation may still be relayed after the subscription: wait for the check-in itself.
      lastSeen = member.take(f -> f.getJsonObject("body") != null && "attendance.marked".equals(f.getJsonObject("body").getString("type")))
        .getJsonObject("body").getLong("seq");
    }
    team.run(team.lead, "POST", "/meetings/" + meeting + "/decisions", new JsonObject().put("text", "Adopt the new rubric"));
    team.run(team.lead, "POST", "/meetings/" + meeting + "/agenda", new JsonObject().put("title", "Added while away"));
    team.run(team.lead, "POST", "/meetings/" + meeting + "/close", null);
    try (BusClient member = bus(team.member)) {
      member.subscribe("space." + team.id);
      JsonObject page = member.ok(command("catchup", team.id).put("afterSeq", lastSeen));
      List<String> types = page.getJsonArray("events").stream().map(o -> ((JsonObject) o).getString("type")).toList();
      assertEquals(List.of("decision.recorded", "agenda.added", "meeting.held"), types);
      assertEquals(lastSeen + 1, page.getJsonArray("events").getJsonObject(0).getLong("seq"));
    }
  }

  @Test
  void everyViewerSeesWhoElseIsInTheMeetingAndWhatTheyAreEditing() {
    TeamFixture team = TeamFixture.create(server, site, "presence");
    String meeting = meeting(team, Instant.now());
    String item = id(team.run(team.lead, "POST", "/meetings/" + meeting + "/agenda", new JsonObject().put("title", "Notes")));
    try (BusClient lead = bus(team.lead); BusClient observer = bus(team.observer)) {
      lead.subscribe("space." + team.id);
      observer.subscribe("space." + team.id);
      observer.ok(command("presence", team.id).put("meetingId", meeting));
      observer.take(f -> f.getJsonObject("body") != null && "presence".equals(f.getJsonObject("body").getString("type"))
        && f.getJsonObject("body").getJsonArray("viewers").size() == 1);
      lead.ok(command("presence", team.id).put("meetingId", meeting).put("itemId", item).put("field", "notes"));
      JsonObject seen = observer.take(f -> f.getJsonObject("body") != null && "presence".equals(f.getJsonObject("body").getString("type"))
        && f.getJsonObject("body").getJsonArray("viewers").size() == 2).getJsonObject("body");
      JsonObject editing = seen.getJsonArray("viewers").stream().map(o -> (JsonObject) o)
        .filter(v -> team.lead.userId().equals(v.getString("userId"))).findFirst().orElseThrow();
      assertEquals(item, editing.getString("itemId"));
      assertEquals("notes", editing.getString("field"));
      lead.ok(command("presence", team.id).put("meetingId", meeting).put("leaving", true));
      observer.take(f -> f.getJsonObject("body") != null && "presence".equals(f.getJsonObject("body").getString("type"))
        && f.getJsonObject("body").getJsonArray("viewers").size() == 1);
      JsonObject foreign = observer.request(command("presence", team.id).put("meetingId", UUID.randomUUID().toString()));
      assertEquals(404, foreign.getInteger("failureCode"), "presence only for this team's meetings");
    }
  }

  @Test
  void weeklyMeetingsKeepTheirLocalTimeAcrossTheEndOfDaylightSaving() {
    TeamFixture team = TeamFixture.create(server, site, "dst");
    team.run(team.admin, "PATCH", "/settings", new JsonObject().put("timeZone", "America/Los_Angeles"));
    JsonArray meetings = team.run(team.lead, "POST", "/meetings", new JsonObject().put("title", "Team time")
        .put("localStart", "2026-10-22T16:00").put("durationMinutes", 60)
        .put("repeat", new JsonObject().put("frequency", "weekly").put("interval", 1).put("count", 3)))
      .getJsonObject("payload").getJsonArray("meetings");
    List<String> starts = meetings.stream().map(o -> ((JsonObject) o).getString("startsAt")).toList();
    // 16:00 in Los Angeles is 23:00Z under daylight time and 00:00Z the next day after 1 November.
    assertEquals(List.of("2026-10-22T23:00:00Z", "2026-10-29T23:00:00Z", "2026-11-06T00:00:00Z"), starts);
    String series = meetings.getJsonObject(0).getString("seriesId");
    assertNotNull(series);
    assertTrue(meetings.stream().allMatch(o -> series.equals(((JsonObject) o).getString("seriesId"))));
  }

  @Test
  void openItemsDueBeforeAMeetingAreCarriedForwardIntoIt() {
    TeamFixture team = TeamFixture.create(server, site, "carry");
    String due = team.run(team.lead, "POST", "/action-items", new JsonObject().put("title", "Due before").put("dueDate", "2026-01-05")).getJsonObject("payload").getString("id");
    String done = team.run(team.lead, "POST", "/action-items", new JsonObject().put("title", "Done already").put("dueDate", "2026-01-05")
      .put("status", "done")).getJsonObject("payload").getString("id");
    team.run(team.lead, "POST", "/action-items", new JsonObject().put("title", "Due later").put("dueDate", "2099-01-05"));
    String meeting = meeting(team, Instant.now().plus(7, ChronoUnit.DAYS));
    JsonArray carried = team.run(team.member, "GET", "/meetings/" + meeting, null).getJsonArray("carriedForward");
    assertEquals(List.of(due), carried.stream().map(o -> ((JsonObject) o).getString("id")).toList());
    assertNotNull(done);
  }

  private static String meeting(TeamFixture team, Instant start) {
    return team.run(team.lead, "POST", "/meetings", new JsonObject().put("title", "Team time").put("startsAt", start.toString()))
      .getJsonObject("payload").getJsonArray("meetings").getJsonObject(0).getString("id");
  }
}

package org.cadre.meeting;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.cadre.test.ApiClient;
import org.cadre.test.TeamFixture;
import org.cadre.test.TestDatabases;
import org.cadre.test.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a meeting's record may say: when check-in is open, how a held meeting's attendance is corrected, and times. */
@ExtendWith(VertxExtension.class)
class MeetingRecordsTest {

  private static TestServer server;
  private static TeamFixture team;

  @BeforeAll
  static void start(Vertx vertx) {
    server = TestServer.start(vertx, TestDatabases.fresh());
    String network = server.admin().expect(201, "POST", "/api/spaces", new JsonObject().put("name", "Records network").put("kind", "network"))
      .getString("id");
    team = TeamFixture.create(server, network, "records");
    team.run(team.lead, "PATCH", "/settings", new JsonObject().put("timeZone", "America/Los_Angeles"));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static String meeting(Instant start) {
    return team.run(team.lead, "POST", "/meetings", new JsonObject().put("title", "Team time").put("startsAt", start.toString()))
      .getJsonObject("payload").getJsonArray("meetings").getJsonObject(0).getString("id");
  }

  private static JsonObject error(ApiClient.Response response, int status, String code) {
    assertEquals(status, response.status(), response.json().encode());
    assertEquals(code, response.error().getString("code"), response.json().encode());
    return response.error();
  }

  private static ApiClient.Response checkIn(String meeting) {
    return team.member.call("POST", team.path("/meetings/" + meeting + "/check-in"), new JsonObject());
  }

  @Test
  void checkInOpensHalfAnHourBeforeTheStart() {
    String nextWeek = meeting(Instant.now().plus(7, ChronoUnit.DAYS));
    JsonObject refused = error(checkIn(nextWeek), 409, "check_in_not_open");
    assertTrue(refused.getString("message").contains("30 minutes before"), refused.encode());
    assertEquals(0, TestDatabases.count(server.databaseUrl(), "select count(*) from attendance where meeting_id = '" + nextWeek + "'"));

    String soon = meeting(Instant.now().plus(20, ChronoUnit.MINUTES));
    assertEquals(200, checkIn(soon).status());
  }

  @Test
  void aClosedOrCancelledMeetingTakesNoCheckInAndItsRecordStays() {
    String held = meeting(Instant.now().minus(5, ChronoUnit.MINUTES));
    assertEquals("present", checkIn(held).json().getJsonObject("payload").getString("status"));
    team.run(team.lead, "POST", "/meetings/" + held + "/close", new JsonObject());
    error(checkIn(held), 409, "meeting_over");
    assertEquals(1, TestDatabases.count(server.databaseUrl(),
      "select count(*) from attendance where status = 'present' and meeting_id = '" + held + "'"));

    String cancelled = meeting(Instant.now().plus(5, ChronoUnit.MINUTES));
    team.run(team.lead, "POST", "/meetings/" + cancelled + "/cancel", new JsonObject());
    error(checkIn(cancelled), 409, "meeting_over");
  }

  @Test
  void correctingAHeldMeetingsAttendanceNeedsAReasonWhichIsKept() {
    String held = meeting(Instant.now().minus(1, ChronoUnit.HOURS));
    team.run(team.lead, "POST", "/meetings/" + held + "/close", new JsonObject());
    String path = team.path("/meetings/" + held + "/attendance/" + team.member.userId());

    JsonObject missing = error(team.lead.call("PUT", path, new JsonObject().put("status", "excused")), 400, "invalid");
    assertEquals("reason", missing.getString("field"));
    assertEquals(0, TestDatabases.count(server.databaseUrl(), "select count(*) from attendance where meeting_id = '" + held + "'"));
    assertEquals(403, team.member.call("PUT", path, new JsonObject().put("status", "present").put("reason", "I was there")).status());

    JsonObject event = team.run(team.lead, "PUT", "/meetings/" + held + "/attendance/" + team.member.userId(),
      new JsonObject().put("status", "excused").put("reason", "At a district training, agreed beforehand"));
    assertEquals("At a district training, agreed beforehand", event.getJsonObject("payload").getString("reason"));
    assertEquals("excused", event.getJsonObject("payload").getString("status"));

    JsonObject read = team.member.expect(200, "GET", team.path("/meetings/" + held), null);
    JsonObject mine = read.getJsonArray("attendance").stream().map(o -> (JsonObject) o)
      .filter(a -> a.getString("userId").equals(team.member.userId())).findFirst().orElseThrow();
    assertEquals("At a district training, agreed beforehand", mine.getString("reason"));
    assertEquals(1, TestDatabases.count(server.databaseUrl(), "select count(*) from attendance where reason like 'At a district%'"));
  }

  @Test
  void aLocalStartInsideTheSpringForwardGapIsRefusedNamingTheField() {
    ApiClient.Response response = team.lead.call("POST", team.path("/meetings"),
      new JsonObject().put("title", "Gap").put("localStart", "2027-03-14T02:30"));
    JsonObject refused = error(response, 400, "invalid");
    assertEquals("localStart", refused.getString("field"));
    assertTrue(refused.getString("message").contains("does not exist in America/Los_Angeles"), refused.encode());
    assertEquals(0, TestDatabases.count(server.databaseUrl(), "select count(*) from meetings where title = 'Gap'"));
  }

  @Test
  void aSeriesOccurrenceInTheGapMovesAheadAndSaysSo() {
    JsonArray meetings = team.run(team.lead, "POST", "/meetings", new JsonObject().put("title", "Early").put("localStart", "2027-03-07T02:30")
      .put("repeat", new JsonObject().put("frequency", "weekly").put("count", 3))).getJsonObject("payload").getJsonArray("meetings");
    assertFalse(meetings.getJsonObject(0).containsKey("shiftedFrom"));
    assertEquals("2027-03-14T10:30:00Z", meetings.getJsonObject(1).getString("startsAt"), "03:30 PDT");
    assertEquals("2027-03-14T02:30", meetings.getJsonObject(1).getString("shiftedFrom"));
    assertEquals("2027-03-21T09:30:00Z", meetings.getJsonObject(2).getString("startsAt"), "02:30 PDT");
    assertNull(meetings.getJsonObject(2).getString("shiftedFrom"));
  }
}

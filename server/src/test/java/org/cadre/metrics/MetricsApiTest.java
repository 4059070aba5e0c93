package org.cadre.metrics;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.cadre.demo.SampleHistories;
import org.cadre.history.HistoryJson;
import org.cadre.test.ApiClient;
import org.cadre.test.SpaceTree;
import org.cadre.test.TestDatabases;
import org.cadre.test.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The metrics routes: a team's figures, roll-ups that list only teams the viewer may open, input checks. */
@ExtendWith(VertxExtension.class)
class MetricsApiTest {

  private static final Instant AS_OF = Instant.parse("2026-06-30T00:00:00Z");
  private static final String RANGE = "?from=2026-01-01&to=2026-06-30";

  private static TestServer server;
  private static SpaceTree tree;
  private static String first;
  private static String second;

  @BeforeAll
  static void start(Vertx vertx) {
    server = TestServer.start(vertx, TestDatabases.fresh());
    tree = SpaceTree.build(server, "metr");
    first = importTeam(41);
    second = importTeam(42);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static String importTeam(int seed) {
    return tree.admin.expect(201, "POST", "/api/spaces/" + tree.site + "/import",
      HistoryJson.write(SampleHistories.team(new Random(seed), null, 30, AS_OF))).getString("spaceId");
  }

  private static int count(JsonObject figures, String group, String key) {
    return figures.getJsonObject(group).getInteger(key);
  }

  @Test
  void aTeamsFiguresCountItsOwnHistory() {
    JsonObject team = tree.lead.expect(200, "GET", "/api/spaces/" + first + "/metrics" + RANGE, null);
    assertEquals("2026-01-01", team.getString("from"));
    assertEquals(1, team.getInteger("teamCount"));
    JsonObject listed = team.getJsonArray("teams").getJsonObject(0);
    assertEquals(first, listed.getString("spaceId"));
    assertTrue(count(team, "meetings", "held") > 0, "the sample history holds meetings in the range");
    assertEquals(count(listed, "meetings", "held"), count(team, "meetings", "held"));
    assertEquals(count(listed, "attendance", "attended"), listed.getJsonArray("perMeeting").stream()
      .mapToInt(m -> ((JsonObject) m).getInteger("attended")).sum());
  }

  @Test
  void theSiteTotalsAreTheSumOfTheTeamsAndHiddenTeamsAreOnlyCounted() {
    JsonObject asLead = tree.lead.expect(200, "GET", "/api/spaces/" + tree.site + "/metrics" + RANGE, null);
    JsonArray teams = asLead.getJsonArray("teams");
    assertEquals(asLead.getInteger("teamCount"), teams.size(), "a site lead may open every team below the site");
    assertTrue(teams.size() >= 3);
    for (String[] figure : new String[][] {{"meetings", "held"}, {"attendance", "expected"}, {"protocols", "runs"},
      {"outcomes", "achieved"}, {"actions", "due"}}) {
      int sum = teams.stream().mapToInt(t -> count((JsonObject) t, figure[0], figure[1])).sum();
      assertEquals(sum, count(asLead, figure[0], figure[1]), figure[0] + "." + figure[1]);
    }

    JsonObject asMember = tree.member.expect(200, "GET", "/api/spaces/" + tree.site + "/metrics" + RANGE, null);
    assertEquals(0, asMember.getJsonArray("teams").size(), "a site member sees only the totals");
    assertEquals(asLead.getInteger("teamCount"), asMember.getInteger("hiddenTeams"));
    asLead.remove("teams");
    asLead.remove("hiddenTeams");
    asMember.remove("teams");
    asMember.remove("hiddenTeams");
    assertEquals(asLead, asMember);
  }

  @Test
  void aPartnerSeesNoRolledUpMetricsEvenOfTheSpaceTheyJoined() {
    assertEquals(404, tree.partner.call("GET", "/api/spaces/" + tree.district + "/metrics", null).status());
    // As the culture roll-up: a partner of the site sees it, but not the figures of the teams below it.
    assertEquals(403, tree.partner.call("GET", "/api/spaces/" + tree.site + "/metrics", null).status());
  }

  @Test
  void badDatesAnswer400NamingTheField() {
    JsonObject error = tree.lead.expect(400, "GET", "/api/spaces/" + first + "/metrics?from=2026-13-01", null);
    assertEquals("from", error.getJsonObject("error").getString("field"));
    error = tree.lead.expect(400, "GET", "/api/spaces/" + first + "/metrics?to=tomorrow", null);
    assertEquals("to", error.getJsonObject("error").getString("field"));
    tree.lead.expect(400, "GET", "/api/spaces/" + first + "/metrics?from=2026-06-01&to=2026-05-01", null);
  }

  @Test
  void theDefaultWindowIsTheLast90DaysToToday() {
    JsonObject json = tree.lead.expect(200, "GET", "/api/spaces/" + first + "/metrics", null);
    assertEquals(89, ChronoUnit.DAYS.between(LocalDate.parse(json.getString("from")), LocalDate.parse(json.getString("to"))));
    assertEquals(LocalDate.now(ZoneOffset.UTC).toString(), json.getString("to"));
  }

  @Test
  void myMetricsListTheTeamsILead() {
    ApiClient lead = server.register("facilitator.metr@district.test", "Facilitator");
    assertEquals(0, lead.expect(200, "GET", "/api/me/metrics" + RANGE, null).getInteger("teamCount"));
    tree.admin.expect(201, "POST", "/api/spaces/" + second + "/members",
      new JsonObject().put("email", "facilitator.metr@district.test").put("role", "lead"));
    JsonObject mine = lead.expect(200, "GET", "/api/me/metrics" + RANGE, null);
    assertEquals(1, mine.getInteger("teamCount"));
    JsonObject team = mine.getJsonArray("teams").getJsonObject(0);
    assertEquals(second, team.getString("spaceId"));
    JsonObject direct = lead.expect(200, "GET", "/api/spaces/" + second + "/metrics" + RANGE, null);
    assertEquals(direct.getJsonArray("teams").getJsonObject(0), team);
  }

  @Test
  void myMetricsAlsoListTeamsWhereIFacilitateAMeetingWithoutLeadingThem() {
    ApiClient member = server.register("facilitates.metr@district.test", "Facilitating member");
    tree.admin.expect(201, "POST", "/api/spaces/" + first + "/members",
      new JsonObject().put("email", "facilitates.metr@district.test").put("role", "member"));
    assertEquals(0, member.expect(200, "GET", "/api/me/metrics" + RANGE, null).getInteger("teamCount"));
    tree.admin.expect(201, "POST", "/api/spaces/" + first + "/meetings", new JsonObject().put("title", "Data review")
      .put("startsAt", "2026-05-04T15:00:00Z").put("durationMinutes", 60).put("facilitatorId", member.userId()));
    JsonObject mine = member.expect(200, "GET", "/api/me/metrics" + RANGE, null);
    assertEquals(1, mine.getInteger("teamCount"));
    assertEquals(first, mine.getJsonArray("teams").getJsonObject(0).getString("spaceId"));
    assertTrue(mine.getJsonArray("teams").getJsonObject(0).getLong("seq") > 0, "the team's seq, where a dashboard follows it from");
  }
}

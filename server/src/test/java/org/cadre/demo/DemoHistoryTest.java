package org.cadre.demo;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.sqlclient.Pool;
import org.cadre.account.AccountRepository;
import org.cadre.account.Accounts;
import org.cadre.account.PasswordHasher;
import org.cadre.culture.CultureEngine;
import org.cadre.culture.CultureRules;
import org.cadre.culture.CultureScore;
import org.cadre.db.Database;
import org.cadre.history.HistoryJson;
import org.cadre.history.TeamHistory;
import org.cadre.http.JsonBody;
import org.cadre.space.SpaceChanges;
import org.cadre.space.SpaceRepository;
import org.cadre.space.Spaces;
import org.cadre.test.ApiClient;
import org.cadre.test.TestDatabases;
import org.cadre.test.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The demo teams' months of history. Culture levels are the engine's business and are not asserted here; the teams
 * are designed (see {@link DemoTeams}) so that the continuum places the Lincoln 9th Grade Pathway Team at
 * transforming, the Jefferson Health Academy Team at developing, the Lincoln Leadership Team as mixed (strand C
 * mostly transforming, strand A emerging, developing overall) and the Jefferson Leadership Team at emerging.
 */
@ExtendWith(VertxExtension.class)
class DemoHistoryTest {

  private static final Instant NOW = Instant.parse("2026-03-04T19:00:00Z");
  private static final CultureEngine ENGINE = new CultureEngine(CultureRules.defaults());
  /** Each team and its lead. */
  private static final Map<String, String> TEAMS = Map.of(
    "Lincoln 9th Grade Pathway Team", "ana.torres@riverside.demo",
    "Jefferson Health Academy Team", "ravi.patel@riverside.demo",
    "Lincoln Leadership Team", "marcus.bell@riverside.demo",
    "Jefferson Leadership Team", "sofia.alvarez@riverside.demo");

  @Test
  void everyTeamHasMonthsOfMeetingsUpToNowAndSeedingAgainAddsNothing(Vertx vertx) throws Exception {
    String url = TestDatabases.fresh();
    try (TestServer server = TestServer.start(vertx, url); Database db = Database.external(url)) {
      Pool pool = db.pool(vertx, 2);
      long began = System.nanoTime();
      demo(vertx, pool).seed().await();
      System.out.println("Demo network with history seeded in " + Duration.ofNanos(System.nanoTime() - began).toMillis() + " ms");
      long meetings = TestDatabases.count(url, "select count(*) from meetings");
      long events = TestDatabases.count(url, "select count(*) from events");

      for (Map.Entry<String, String> team : TEAMS.entrySet()) {
        String space = text(url, "select id from spaces where name = '" + team.getKey() + "'");
        assertHistory(url, space, team.getKey());
        assertUpcoming(url, server.anonymous().login(team.getValue(), DemoNetwork.PASSWORD), space, team.getKey());
      }
      assertEquals(4, TestDatabases.count(url, "select count(distinct status) from attendance"), "on time, late, excused and absent");
      String ninth = text(url, "select id from spaces where name = 'Lincoln 9th Grade Pathway Team'");
      assertTrue(TestDatabases.count(url, "select count(*) from protocol_runs r join meetings m on m.id = r.meeting_id "
        + "where m.space_id = '" + ninth + "' and r.protocol_id is not null and r.state = 'finished' and r.debrief <> ''") > 0,
        "lately the team ran a library protocol live, to its debrief");
      assertTrue(TestDatabases.count(url, "select count(*) from protocol_run_steps s join protocol_runs r on r.id = s.run_id "
        + "join meetings m on m.id = r.meeting_id where m.space_id = '" + ninth + "' and s.elapsed_ms > 0") > 0,
        "its steps were timed by the runner");
      assertTeamsSpanTheContinuum(server.admin(), url);
      for (String team : TEAMS.keySet()) {
        assertTrendIsScoredWeekByWeekFromTheHistory(server.admin(), text(url, "select id from spaces where name = '" + team + "'"), team);
      }

      demo(vertx, pool).seed().await();
      assertEquals(meetings, TestDatabases.count(url, "select count(*) from meetings"));
      assertEquals(events, TestDatabases.count(url, "select count(*) from events"));
      pool.close().await();
    }
  }

  /** The teams were built to differ: scored from their own data they land at every level, with evidence. */
  private static void assertTeamsSpanTheContinuum(ApiClient admin, String url) {
    Map<String, String> levels = new TreeMap<>();
    for (String team : TEAMS.keySet()) {
      String space = text(url, "select id from spaces where name = '" + team + "'");
      JsonObject score = admin.expect(200, "GET", "/api/spaces/" + space + "/culture?asOf=" + NOW, null);
      levels.put(team, score.getString("level"));
      assertTrue(score.getJsonArray("rows").stream().map(r -> (JsonObject) r)
        .anyMatch(r -> !r.getJsonArray("evidence").isEmpty()), team + " shows the meetings behind its score");
    }
    assertEquals(Set.of("emerging", "developing", "transforming"), Set.copyOf(levels.values()), levels.toString());
    assertEquals("transforming", levels.get("Lincoln 9th Grade Pathway Team"));
    assertEquals("emerging", levels.get("Jefferson Leadership Team"));
  }

  /**
   * The trend has a point for every week from the team's first meeting (52 weeks at most, this one included), each
   * what the engine gives for the exported history as of the week's end (this week: as of the moment it was read).
   */
  private static void assertTrendIsScoredWeekByWeekFromTheHistory(ApiClient admin, String space, String team) {
    TeamHistory history = HistoryJson.parse(admin.expect(200, "GET", "/api/spaces/" + space + "/history", null).encode());
    JsonArray weeks = admin.expect(200, "GET", "/api/spaces/" + space + "/culture/trend", null).getJsonArray("weeks");
    LocalDate thisWeek = monday(Instant.now());
    LocalDate first = history.meetings().stream().map(m -> monday(m.startsAt())).min(LocalDate::compareTo).orElseThrow();
    LocalDate from = first.isBefore(thisWeek.minusWeeks(51)) ? thisWeek.minusWeeks(51) : first;
    assertEquals(ChronoUnit.WEEKS.between(from, thisWeek) + 1, weeks.size(), team + ": one point per week");
    int scored = 0;
    for (int i = 0; i < weeks.size(); i++) {
      JsonObject point = weeks.getJsonObject(i);
      LocalDate week = from.plusWeeks(i);
      assertEquals(week.toString(), point.getString("week"), team);
      Instant asOf = Instant.parse(point.getString("asOf"));
      if (week.isBefore(thisWeek)) {
        assertEquals(week.plusWeeks(1).atStartOfDay(ZoneOffset.UTC).toInstant(), asOf, team + " " + week + " as of its end");
      }
      CultureScore expected = ENGINE.score(history, asOf, null);
      assertEquals(JsonBody.wireName(expected.level()), point.getString("level"), team + " " + week);
      assertEquals(expected.score() == null ? null : expected.score().doubleValue(), point.getDouble("score"), team + " " + week);
      scored += point.getValue("score") == null ? 0 : 1;
    }
    assertTrue(scored >= 10, team + " has months of scored weeks, not only this one: " + scored);
  }

  private static LocalDate monday(Instant instant) {
    return LocalDate.ofInstant(instant, ZoneOffset.UTC).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
  }

  private static void assertHistory(String url, String space, String team) {
    String in = " where space_id = '" + space + "'";
    String heldIn = " where status = 'held' and space_id = '" + space + "'";
    String before = "'" + NOW + "'::timestamptz";
    long held = TestDatabases.count(url, "select count(*) from meetings" + heldIn);
    assertTrue(held >= 12, team + " held " + held + " meetings");
    assertTrue(TestDatabases.count(url, "select extract(day from max(starts_at) - min(starts_at)) from meetings" + heldIn) >= 90,
      team + "'s meetings span three months or more");
    assertEquals(0, TestDatabases.count(url, "select count(*) from meetings" + in + " and status <> 'scheduled' and starts_at > " + before),
      team + " held or cancelled nothing after now");
    assertEquals(held, TestDatabases.count(url, "select count(distinct meeting_id) from attendance where meeting_id in "
      + "(select id from meetings" + heldIn + ")"), team + " took attendance at every meeting held");
    assertTrue(TestDatabases.count(url, "select count(*) from decisions" + in) > 0, team + " made decisions");
    assertTrue(TestDatabases.count(url, "select count(*) from action_items" + in + " and owner_id is not null") > 0,
      team + " has owned action items");
    assertTrue(TestDatabases.count(url, "select count(*) from action_items" + in + " and completed_at is not null") > 0,
      team + " completed action items");

    assertEquals(held, TestDatabases.count(url, "select count(*) from events" + in + " and type = 'meeting.held' and at < " + before),
      team + "'s log records each meeting held, in the past");
    assertEquals(0, TestDatabases.count(url, "select count(*) from events" + in + " and at > " + before
      + " and type not in ('space.created', 'member.added')"), team + "'s history ends at now");
    assertTrue(TestDatabases.count(url, "select count(*) from events" + in + " and at < " + before + " - interval '90 days'") > 0,
      team + "'s log goes back months");
  }

  /** The next meeting has its agenda out and carries forward open items; the event log shows the history. */
  private static void assertUpcoming(String url, ApiClient lead, String space, String team) {
    String next = text(url, "select id from meetings where space_id = '" + space + "' and status = 'scheduled' order by starts_at limit 1");
    JsonObject meeting = lead.expect(200, "GET", "/api/spaces/" + space + "/meetings/" + next, null);
    assertTrue(Instant.parse(meeting.getString("startsAt")).isAfter(NOW), team);
    assertNotNull(meeting.getString("agendaPublishedAt"), team + " published the next agenda");
    assertFalse(meeting.getJsonArray("agenda").isEmpty(), team);
    assertFalse(meeting.getJsonArray("carriedForward").isEmpty(), team + " carries open items forward");

    JsonArray log = lead.expect(200, "GET", "/api/spaces/" + space + "/events?limit=500", null).getJsonArray("events");
    assertTrue(log.stream().map(e -> (JsonObject) e).anyMatch(e -> "meeting.held".equals(e.getString("type"))
      && Instant.parse(e.getString("at")).isBefore(NOW)), team + "'s event log holds meetings held in the past");
  }

  private static DemoNetwork demo(Vertx vertx, Pool pool) {
    Accounts accounts = new Accounts(vertx, new AccountRepository(pool), new PasswordHasher());
    // Nobody subscribes here: the committed events need go nowhere.
    SpaceChanges changes = new SpaceChanges(new SpaceRepository(pool), event -> { });
    return new DemoNetwork(accounts, Spaces.of(changes), DemoNetwork.commands(vertx, pool, changes, new SimpleMeterRegistry()), NOW);
  }

  private static String text(String url, String sql) {
    try (Connection conn = TestDatabases.jdbc(url); Statement st = conn.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      assertTrue(rs.next(), sql);
      return rs.getString(1);
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }
}

package org.cadre.calendar;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.Period;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.Recur;
import net.fortuna.ical4j.model.WeekDay;
import net.fortuna.ical4j.transform.recurrence.Frequency;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.parameter.TzId;
import net.fortuna.ical4j.model.property.DateListProperty;
import net.fortuna.ical4j.model.property.DateProperty;
import net.fortuna.ical4j.model.property.RRule;
import org.cadre.test.ApiClient;
import org.cadre.test.TeamFixture;
import org.cadre.test.TestDatabases;
import org.cadre.test.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.StringReader;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.Temporal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The iCal feeds, read back with ical4j the way a calendar app reads them. */
@ExtendWith(VertxExtension.class)
class CalendarFeedTest {

  private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");

  private static TestServer server;
  private static String site;

  @BeforeAll
  static void start(Vertx vertx) {
    server = TestServer.start(vertx, TestDatabases.fresh());
    ApiClient admin = server.admin();
    String network = admin.expect(201, "POST", "/api/spaces", new JsonObject().put("name", "Cal network").put("kind", "network")).getString("id");
    String district = admin.expect(201, "POST", "/api/spaces/" + network + "/children",
      new JsonObject().put("name", "Cal district").put("kind", "district")).getString("id");
    site = admin.expect(201, "POST", "/api/spaces/" + district + "/children",
      new JsonObject().put("name", "Cal site").put("kind", "site")).getString("id");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static TeamFixture chicagoTeam(String tag) {
    TeamFixture team = TeamFixture.create(server, site, tag);
    team.run(team.admin, "PATCH", "/settings", new JsonObject().put("timeZone", "America/Chicago"));
    return team;
  }

  private static JsonArray series(TeamFixture team, String title, String localStart, String frequency, int count) {
    return team.run(team.lead, "POST", "/meetings", new JsonObject().put("title", title).put("localStart", localStart)
        .put("durationMinutes", 60).put("repeat", new JsonObject().put("frequency", frequency).put("interval", 1).put("count", count)))
      .getJsonObject("payload").getJsonArray("meetings");
  }

  private static String feedPath(ApiClient as, String route) {
    return as.expect(201, "POST", route, null).getString("path");
  }

  private static Calendar fetch(String path) throws Exception {
    ApiClient.Response response = server.anonymous().get(path);
    assertEquals(200, response.status(), () -> path + " answered " + response.status());
    assertTrue(response.raw().getHeader("content-type").startsWith("text/calendar"));
    return new CalendarBuilder().build(new StringReader(response.raw().bodyAsString()));
  }

  private static List<VEvent> events(Calendar calendar, String uid) {
    List<VEvent> events = calendar.getComponents(Component.VEVENT);
    return events.stream().filter(e -> e.getProperty(Property.UID).map(p -> ((Property) p).getValue().equals(uid)).orElse(false)).toList();
  }

  private static <T extends Temporal> Instant instant(DateProperty<T> property) {
    String tzid = tzid(property);
    return instant(property.getDate(), tzid == null ? null : ZoneId.of(tzid));
  }

  /**
   * The instant of a time the feed gives as wall-clock time with a TZID, resolved with the JDK's time-zone rules as a
   * calendar app resolves a TZID with its own. (The zones ical4j 4.0.8 builds from a VTIMEZONE start daylight time a
   * week early from 2027 on, on 6 March 2027 in Chicago, so they put 9 March 2027 15:30 at -05:00; the feed says 15:30.)
   */
  private static Instant instant(Temporal time, ZoneId zone) {
    return time instanceof ZonedDateTime zoned && zone != null ? zoned.toLocalDateTime().atZone(zone).toInstant() : Instant.from(time);
  }

  private static String tzid(Property property) {
    return property.<TzId>getParameter(Parameter.TZID).map(TzId::getValue).orElse(null);
  }

  /**
   * The starts a calendar app shows for one series: the master's RRULE expanded by ical4j (EXDATEs removed), each
   * occurrence named by an override (RECURRENCE-ID) replaced by the override's start.
   */
  private static Set<Instant> shownStarts(List<VEvent> seriesEvents) {
    VEvent master = seriesEvents.stream().filter(e -> e.getProperty(Property.RECURRENCE_ID).isEmpty()).findFirst().orElseThrow();
    Map<Instant, Instant> moved = new HashMap<>();
    for (VEvent e : seriesEvents) {
      e.getProperty(Property.RECURRENCE_ID).ifPresent(id ->
        moved.put(instant((DateProperty<?>) id), instant(e.getStartDate().orElseThrow())));
    }
    ZoneId zone = ZoneId.of(tzid(master.getStartDate().orElseThrow()));
    ZonedDateTime from = ZonedDateTime.of(2020, 1, 1, 0, 0, 0, 0, zone);
    Set<Period<ZonedDateTime>> periods = master.calculateRecurrenceSet(new Period<>(from, from.plusYears(20)));
    Set<Instant> shown = new TreeSet<>();
    for (Period<ZonedDateTime> p : periods) {
      Instant start = instant(p.getStart(), zone);
      shown.add(moved.getOrDefault(start, start));
    }
    return shown;
  }

  private static List<JsonObject> objects(JsonArray array) {
    return array.stream().map(o -> (JsonObject) o).toList();
  }

  private static Set<Instant> apiStarts(TeamFixture team, String seriesId) {
    Set<Instant> starts = new TreeSet<>();
    for (Object o : team.run(team.member, "GET", "/board", null).getJsonArray("meetings")) {
      JsonObject m = (JsonObject) o;
      if (seriesId.equals(m.getString("seriesId")) && !"cancelled".equals(m.getString("status"))) {
        starts.add(Instant.parse(m.getString("startsAt")));
      }
    }
    return starts;
  }

  @Test
  void aWeeklySeriesIsOneRuleInTheTeamsZoneThatKeepsItsLocalTimeAcrossTheEndOfDaylightSaving() throws Exception {
    TeamFixture team = chicagoTeam("dst");
    JsonArray meetings = series(team, "Team time", "2026-10-22T16:00", "weekly", 4);
    String seriesId = meetings.getJsonObject(0).getString("seriesId");
    // The second is cancelled, the third moved an hour later.
    String cancelled = meetings.getJsonObject(1).getString("id");
    team.run(team.lead, "POST", "/meetings/" + cancelled + "/cancel", null);
    String moved = meetings.getJsonObject(2).getString("id");
    team.run(team.lead, "PATCH", "/meetings/" + moved, new JsonObject()
      .put("startsAt", "2026-11-05T23:00:00Z").put("endsAt", "2026-11-06T00:00:00Z"));

    Calendar calendar = fetch(feedPath(team.member, team.path("/calendar-feed")));
    List<VEvent> events = events(calendar, seriesId + "@cadre");
    assertEquals(2, events.size(), "the series and one override for the moved meeting");
    VEvent master = events.stream().filter(e -> e.getProperty(Property.RECURRENCE_ID).isEmpty()).findFirst().orElseThrow();
    RRule<?> rule = master.<RRule<?>>getProperty(Property.RRULE).orElseThrow();
    Recur<?> recur = rule.getRecur();
    assertEquals(Frequency.WEEKLY, recur.getFrequency());
    assertEquals(4, recur.getCount());
    assertEquals(List.of(WeekDay.TH), recur.getDayList());
    var start = master.getStartDate().orElseThrow();
    assertEquals("America/Chicago", tzid(start));
    assertEquals(Instant.parse("2026-10-22T21:00:00Z"), instant(start));

    // The cancelled one is excluded from the rule, at the start the rule gave it.
    DateListProperty<?> exdate = master.<DateListProperty<?>>getProperty(Property.EXDATE).orElseThrow();
    assertEquals(List.of(Instant.parse("2026-10-29T21:00:00Z")),
      exdate.getDates().stream().map(d -> instant(d, CHICAGO)).toList());
    // Expanded as a calendar app does: 16:00 in Chicago is 21:00Z in daylight time and 22:00Z from 1 November.
    Set<Instant> shown = shownStarts(events);
    assertEquals(new TreeSet<>(List.of(Instant.parse("2026-10-22T21:00:00Z"), Instant.parse("2026-11-05T23:00:00Z"),
      Instant.parse("2026-11-12T22:00:00Z"))), shown);
    assertEquals(apiStarts(team, seriesId), shown);
    for (VEvent e : events) {
      ZonedDateTime local = instant(e.getStartDate().orElseThrow()).atZone(CHICAGO);
      assertEquals(e == master ? 16 : 17, local.getHour());
    }
  }

  @Test
  void monthlySeriesExpandToTheSameDaysAsCadrePlacesThem() throws Exception {
    TeamFixture team = chicagoTeam("monthly");
    String endOfMonth = series(team, "Data day", "2027-01-31T09:00", "monthly", 4).getJsonObject(0).getString("seriesId");
    String lastFriday = series(team, "Last Friday", "2027-01-29T15:30", "monthly-weekday", 5).getJsonObject(0).getString("seriesId");
    String secondTuesday = series(team, "Second Tuesday", "2027-02-09T15:30", "monthly-weekday", 3).getJsonObject(0).getString("seriesId");
    Calendar calendar = fetch(feedPath(team.member, team.path("/calendar-feed")));
    for (String id : List.of(endOfMonth, lastFriday, secondTuesday)) {
      Set<Instant> api = apiStarts(team, id);
      assertEquals(api, shownStarts(events(calendar, id + "@cadre")), id);
    }
    // The feed writes wall-clock times itself: an override and an EXDATE in March 2027, before daylight time begins.
    JsonArray tuesdays = team.run(team.member, "GET", "/board", null).getJsonArray("meetings");
    List<JsonObject> march = objects(tuesdays).stream()
      .filter(m -> secondTuesday.equals(m.getString("seriesId")) && m.getString("startsAt").startsWith("2027-03")).toList();
    team.run(team.lead, "POST", "/meetings/" + march.get(0).getString("id") + "/cancel", null);
    String cancelledFeed = feedPath(team.member, team.path("/calendar-feed"));
    List<VEvent> second = events(fetch(cancelledFeed), secondTuesday + "@cadre");
    DateListProperty<?> exdate = second.get(0).<DateListProperty<?>>getProperty(Property.EXDATE).orElseThrow();
    assertEquals(List.of(Instant.parse("2027-03-09T21:30:00Z")), exdate.getDates().stream().map(d -> instant(d, CHICAGO)).toList());
    assertEquals(apiStarts(team, secondTuesday), shownStarts(second));
    // Jan 31, Feb 28, Mar 31 (after the change to daylight time), Apr 30.
    assertEquals(new TreeSet<>(List.of(Instant.parse("2027-01-31T15:00:00Z"), Instant.parse("2027-02-28T15:00:00Z"),
      Instant.parse("2027-03-31T14:00:00Z"), Instant.parse("2027-04-30T14:00:00Z"))), apiStarts(team, endOfMonth));
  }

  @Test
  void aTeamInUtcGetsTheZoneByItsCanonicalNameWithItsDefinition() throws Exception {
    TeamFixture team = TeamFixture.create(server, site, "utc");
    String seriesId = series(team, "Standup", "2026-03-02T08:00", "weekly", 3).getJsonObject(0).getString("seriesId");
    Calendar calendar = fetch(feedPath(team.member, team.path("/calendar-feed")));
    List<VEvent> events = events(calendar, seriesId + "@cadre");
    assertEquals("Etc/UTC", tzid(events.get(0).getStartDate().orElseThrow()));
    List<net.fortuna.ical4j.model.component.VTimeZone> zones = calendar.getComponents(Component.VTIMEZONE);
    assertEquals(List.of("Etc/UTC"), zones.stream().map(z -> ((Property) z.getProperty(Property.TZID).orElseThrow()).getValue()).toList());
    assertEquals(apiStarts(team, seriesId), shownStarts(events));
  }

  @Test
  void aCancelledSingleMeetingIsMarkedCancelled() throws Exception {
    TeamFixture team = chicagoTeam("single");
    String id = team.run(team.lead, "POST", "/meetings", new JsonObject().put("title", "One-off").put("localStart", "2026-03-08T10:00"))
      .getJsonObject("payload").getJsonArray("meetings").getJsonObject(0).getString("id");
    team.run(team.lead, "POST", "/meetings/" + id + "/cancel", null);
    Calendar calendar = fetch(feedPath(team.member, team.path("/calendar-feed")));
    VEvent event = events(calendar, id + "@cadre").get(0);
    assertEquals("CANCELLED", event.getStatus().orElseThrow().getValue());
    assertEquals("America/Chicago", tzid(event.getStartDate().orElseThrow()));
    // The morning DST begins: 10:00 CDT.
    assertEquals(Instant.parse("2026-03-08T15:00:00Z"), instant(event.getStartDate().orElseThrow()));
    String later = team.run(team.lead, "POST", "/meetings", new JsonObject().put("title", "Later").put("localStart", "2027-03-09T15:30"))
      .getJsonObject("payload").getJsonArray("meetings").getJsonObject(0).getString("id");
    VEvent spring = events(fetch(feedPath(team.member, team.path("/calendar-feed"))), later + "@cadre").get(0);
    assertEquals("America/Chicago", tzid(spring.getStartDate().orElseThrow()));
    assertEquals(Instant.parse("2027-03-09T21:30:00Z"), instant(spring.getStartDate().orElseThrow()));
  }

  @Test
  void resettingTheSecretMakesTheOldUrlNotFound() throws Exception {
    TeamFixture team = chicagoTeam("reset");
    String first = feedPath(team.member, "/api/me/calendar-feed");
    fetch(first);
    JsonObject shown = team.member.expect(200, "GET", "/api/me/calendar-feed", null);
    assertTrue(shown.getBoolean("active"));
    assertTrue(shown.getString("lastUsedAt") != null, "the fetch was noted");
    assertFalse(shown.containsKey("path"), "the URL is shown only when it is made");
    String second = feedPath(team.member, "/api/me/calendar-feed");
    assertFalse(first.equals(second));
    assertEquals(404, server.anonymous().get(first).status());
    fetch(second);
    team.member.expect(204, "DELETE", "/api/me/calendar-feed", null);
    assertEquals(404, server.anonymous().get(second).status());
    assertFalse(team.member.expect(200, "GET", "/api/me/calendar-feed", null).getBoolean("active"));
    assertEquals(404, server.anonymous().get("/api/calendar/cadre_cal_nonsense.ics").status());
  }

  @Test
  void someoneWhoLosesAccessNoLongerSeesTheTeamsMeetings() throws Exception {
    TeamFixture team = chicagoTeam("leave");
    String id = team.run(team.lead, "POST", "/meetings", new JsonObject().put("title", "Planning")
        .put("startsAt", Instant.now().plus(3, ChronoUnit.DAYS).toString()))
      .getJsonObject("payload").getJsonArray("meetings").getJsonObject(0).getString("id");
    String personal = feedPath(team.member, "/api/me/calendar-feed");
    String teamFeed = feedPath(team.member, team.path("/calendar-feed"));
    assertEquals(1, events(fetch(personal), id + "@cadre").size());
    assertEquals(1, events(fetch(teamFeed), id + "@cadre").size());

    team.admin.expect(204, "DELETE", team.path("/members/" + team.member.userId()), null);
    assertEquals(0, events(fetch(personal), id + "@cadre").size(), "the personal feed drops the team");
    assertEquals(404, server.anonymous().get(teamFeed).status(), "the team's feed is gone for them");
    assertEquals(404, team.outsider.call("POST", team.path("/calendar-feed"), null).status());
  }
}

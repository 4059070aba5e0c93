package org.cadre.metrics;

import io.vertx.core.json.JsonObject;
import org.cadre.history.AttendanceStatus;
import org.cadre.history.MeetingStatus;
import org.cadre.history.Outcome;
import org.cadre.history.ProtocolCategory;
import org.cadre.history.TeamHistory;
import org.cadre.history.TeamHistory.ActionItem;
import org.cadre.history.TeamHistory.AgendaItem;
import org.cadre.history.TeamHistory.Attendance;
import org.cadre.history.TeamHistory.Meeting;
import org.cadre.history.TeamHistory.Member;
import org.cadre.history.TeamHistory.ProtocolRun;
import org.cadre.meeting.ProtocolRunRepository.StepTime;
import org.cadre.space.Kind;
import org.cadre.space.Role;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every figure of a small fixed history, against values worked out by hand (see the comments). */
class MetricsEngineTest {

  private static final MetricsEngine.Window MARCH = new MetricsEngine.Window(LocalDate.parse("2026-03-01"),
    LocalDate.parse("2026-03-31"));

  private static Meeting meeting(String id, MeetingStatus status, String day, List<ProtocolRun> runs,
                                 List<Outcome> outcomes, Attendance... attendance) {
    Instant starts = Instant.parse(day + "T15:00:00Z");
    List<AgendaItem> agenda = new ArrayList<>();
    for (int i = 0; i < outcomes.size(); i++) {
      agenda.add(new AgendaItem(id + "-i" + i, "Item " + i, null, 10, null, null, null, null, false, null, outcomes.get(i)));
    }
    return new Meeting(id, "Meeting " + id, status, starts, starts.plusSeconds(3600), null, null, false, false,
      runs, agenda, List.of(attendance), null, null);
  }

  private static ActionItem action(String id, String due, String completed) {
    return new ActionItem(id, "Action " + id, null, null, null, Instant.parse("2026-02-01T00:00:00Z"), "a@x.test", true,
      LocalDate.parse(due), completed == null ? null : Instant.parse(completed), null, null, null, null, null);
  }

  private static List<Outcome> outcomes(Outcome... outcomes) {
    List<Outcome> list = new ArrayList<>();
    for (Outcome o : outcomes) {
      list.add(o);
    }
    return list;
  }

  static TeamHistory history() {
    List<Member> members = List.of(
      new Member("a@x.test", "Ann", Role.LEAD, Instant.parse("2026-01-01T00:00:00Z"), null),
      new Member("b@x.test", "Bo", Role.MEMBER, Instant.parse("2026-01-01T00:00:00Z"), null),
      new Member("c@x.test", "Cy", Role.MEMBER, Instant.parse("2026-01-01T00:00:00Z"), null));
    List<Meeting> meetings = List.of(
      meeting("m1", MeetingStatus.HELD, "2026-03-03",
        List.of(new ProtocolRun("Tuning", ProtocolCategory.INSTRUCTION, 4, 5), new ProtocolRun("Data dive", ProtocolCategory.DATA, 3, 3)),
        outcomes(Outcome.ACHIEVED, Outcome.PARTIAL, null),
        new Attendance("a@x.test", AttendanceStatus.PRESENT), new Attendance("b@x.test", AttendanceStatus.LATE),
        new Attendance("c@x.test", AttendanceStatus.ABSENT)),
      meeting("m2", MeetingStatus.HELD, "2026-03-17",
        List.of(new ProtocolRun("Consultancy", ProtocolCategory.PLANNING, 2, 4)),
        outcomes(Outcome.ACHIEVED, Outcome.NOT_ACHIEVED),
        new Attendance("a@x.test", AttendanceStatus.PRESENT), new Attendance("b@x.test", AttendanceStatus.EXCUSED),
        new Attendance("c@x.test", AttendanceStatus.PRESENT)),
      meeting("m3", MeetingStatus.CANCELLED, "2026-03-24", List.of(), List.of()),
      meeting("m4", MeetingStatus.SCHEDULED, "2026-03-31", List.of(), List.of()),
      // Outside the window: must not count anywhere.
      meeting("m0", MeetingStatus.HELD, "2026-02-20", List.of(new ProtocolRun("Tuning", ProtocolCategory.REFLECTION, 0, 5)),
        outcomes(Outcome.NOT_ACHIEVED), new Attendance("a@x.test", AttendanceStatus.ABSENT)));
    List<ActionItem> actions = List.of(
      action("on-time", "2026-03-10", "2026-03-10T20:00:00Z"),
      action("late", "2026-03-12", "2026-03-14T09:00:00Z"),
      action("open", "2026-03-20", null),
      action("outside", "2026-04-05", "2026-03-02T09:00:00Z"));
    return new TeamHistory("t", "Team", Kind.TEAM, 14, members, null, null, null, null, meetings, actions, null);
  }

  @Test
  void timeOverPlanPerStepIsTheMeanOfTheRunnersStepTimesInTheWindow() {
    Instant march = Instant.parse("2026-03-10T16:00:00Z");
    List<StepTime> steps = List.of(
      new StepTime(march, 12 * 60_000, 10 * 60_000),           // 2 minutes over
      new StepTime(march, 9 * 60_000, 10 * 60_000),            // 1 minute under
      new StepTime(march, 5 * 60_000 + 30_000, 5 * 60_000),    // half a minute over
      new StepTime(Instant.parse("2026-04-10T16:00:00Z"), 60 * 60_000, 5 * 60_000)); // outside the window
    JsonObject protocols = new MetricsEngine().team(history(), steps, MARCH, new MetricsEngine.Counts()).getJsonObject("protocols");
    assertEquals(3, protocols.getInteger("timedSteps"));
    assertEquals(0.5, protocols.getDouble("minutesOverPlanPerStep"));
    assertNull(new MetricsEngine().team(history(), List.of(), MARCH, new MetricsEngine.Counts())
      .getJsonObject("protocols").getValue("minutesOverPlanPerStep"));
  }

  @Test
  void figuresOfAFixedHistoryEqualTheValuesComputedByHand() {
    JsonObject f = new MetricsEngine().team(history(), List.of(), MARCH, new MetricsEngine.Counts());

    // m1..m4 fall in March; two held, one cancelled.
    assertEquals(new JsonObject().put("scheduled", 4).put("held", 2).put("cancelled", 1).put("heldRate", 0.5), f.getJsonObject("meetings"));
    // m1: Ann and Bo (late counts) of three; m2: Ann and Cy of two, Bo excused. 4 / 5.
    assertEquals(new JsonObject().put("attended", 4).put("expected", 5).put("rate", 0.8), f.getJsonObject("attendance"));
    assertEquals(List.of(2, 2), f.getJsonArray("perMeeting").stream().map(o -> ((JsonObject) o).getInteger("attended")).toList());
    assertEquals(List.of(0.6667, 1.0), f.getJsonArray("perMeeting").stream().map(o -> ((JsonObject) o).getDouble("attendanceRate")).toList());
    // Ann 2 of 2, Bo 1 of 1 (excused once), Cy 1 of 2.
    assertEquals(List.of("Ann:1.0", "Bo:1.0", "Cy:0.5"), f.getJsonArray("perMember").stream()
      .map(o -> ((JsonObject) o).getString("name") + ":" + ((JsonObject) o).getDouble("rate")).toList());

    JsonObject protocols = f.getJsonObject("protocols");
    assertEquals(3, protocols.getInteger("runs"));
    assertEquals(1.5, protocols.getDouble("runsPerMeeting"));
    // (4 + 3 + 2) of (5 + 3 + 4) steps.
    assertEquals(0.75, protocols.getDouble("completionRate"));
    assertTrue(protocols.containsKey("minutesOverPlanPerStep"));
    assertNull(protocols.getValue("minutesOverPlanPerStep"), "no step times were given");
    assertEquals(new JsonObject().put("data", 1).put("instruction", 1).put("planning", 1).put("reflection", 0).put("other", 0),
      protocols.getJsonObject("byCategory"));

    // Two achieved of four items with an outcome; one item had none.
    assertEquals(new JsonObject().put("achieved", 2).put("partial", 1).put("notAchieved", 1).put("unrecorded", 1)
      .put("achievedRate", 0.5), f.getJsonObject("outcomes"));
    // Due in March: on time (same day), late, open.
    assertEquals(new JsonObject().put("due", 3).put("onTime", 1).put("late", 1).put("open", 1).put("onTimeRate", 0.3333),
      f.getJsonObject("actions"));
  }

  @Test
  void totalsAddCountsAndDivideOnce() {
    MetricsEngine engine = new MetricsEngine();
    MetricsEngine.Counts totals = new MetricsEngine.Counts();
    engine.team(history(), List.of(), MARCH, totals);
    TeamHistory empty = new TeamHistory("e", "Empty", Kind.TEAM, null, null, null, null, null, null, null, null, null);
    JsonObject none = engine.team(empty, List.of(), MARCH, totals);
    assertNull(none.getJsonObject("attendance").getValue("rate"), "no one expected: no rate rather than zero");
    JsonObject sum = totals.json();
    assertEquals(0.8, sum.getJsonObject("attendance").getDouble("rate"));
    assertEquals(4, sum.getJsonObject("meetings").getInteger("scheduled"));
    engine.team(history(), List.of(), MARCH, totals);
    assertEquals(8, totals.json().getJsonObject("meetings").getInteger("scheduled"));
    assertEquals(0.75, totals.json().getJsonObject("protocols").getDouble("completionRate"));
  }

  @Test
  void aMeetingOnTheWindowsLastDayCountsAndTheDayAfterDoesNot() {
    MetricsEngine.Window to30 = new MetricsEngine.Window(LocalDate.parse("2026-03-01"), LocalDate.parse("2026-03-30"));
    JsonObject f = new MetricsEngine().team(history(), List.of(), to30, new MetricsEngine.Counts());
    assertEquals(3, f.getJsonObject("meetings").getInteger("scheduled"));
  }
}

package org.cadre.metrics;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.cadre.meeting.ProtocolRunRepository.StepTime;
import org.cadre.history.AttendanceStatus;
import org.cadre.history.MeetingStatus;
import org.cadre.history.Outcome;
import org.cadre.history.ProtocolCategory;
import org.cadre.history.TeamHistory;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Facilitator metrics of one team over a window of days, computed from its history alone (docs/metrics.md defines
 * each figure). Pure: no I/O, so the figures can be checked against values computed by hand.
 */
public final class MetricsEngine {

  /**
   * The counts behind every figure; rates are derived from them so that a roll-up can add teams' counts and
   * divide once, rather than average rates.
   */
  public static final class Counts {
    int scheduled;
    int held;
    int cancelled;
    int attended;
    int expected;
    int protocolRuns;
    int stepsCompleted;
    int stepsTotal;
    int timedSteps;
    long msOverPlan;
    final Map<ProtocolCategory, Integer> categories = new LinkedHashMap<>();
    int achieved;
    int partial;
    int notAchieved;
    int unrecorded;
    int actionsDue;
    int actionsOnTime;
    int actionsLate;

    public Counts() {
      for (ProtocolCategory c : ProtocolCategory.values()) {
        categories.put(c, 0);
      }
    }

    void add(Counts o) {
      scheduled += o.scheduled;
      held += o.held;
      cancelled += o.cancelled;
      attended += o.attended;
      expected += o.expected;
      protocolRuns += o.protocolRuns;
      stepsCompleted += o.stepsCompleted;
      stepsTotal += o.stepsTotal;
      timedSteps += o.timedSteps;
      msOverPlan += o.msOverPlan;
      o.categories.forEach((c, n) -> categories.merge(c, n, Integer::sum));
      achieved += o.achieved;
      partial += o.partial;
      notAchieved += o.notAchieved;
      unrecorded += o.unrecorded;
      actionsDue += o.actionsDue;
      actionsOnTime += o.actionsOnTime;
      actionsLate += o.actionsLate;
    }

    /** The summary figures as JSON; rates are null when nothing was there to count. */
    public JsonObject json() {
      JsonObject byCategory = new JsonObject();
      categories.forEach((c, n) -> byCategory.put(c.name().toLowerCase(), n));
      return new JsonObject()
        .put("meetings", new JsonObject().put("scheduled", scheduled).put("held", held).put("cancelled", cancelled)
          .put("heldRate", rate(held, scheduled)))
        .put("attendance", new JsonObject().put("attended", attended).put("expected", expected)
          .put("rate", rate(attended, expected)))
        .put("protocols", new JsonObject().put("runs", protocolRuns).put("runsPerMeeting", rate(protocolRuns, held))
          .put("stepsCompleted", stepsCompleted).put("stepsTotal", stepsTotal)
          .put("completionRate", rate(stepsCompleted, stepsTotal))
          .put("timedSteps", timedSteps)
          .put("minutesOverPlanPerStep", timedSteps == 0 ? null : Math.round(msOverPlan / 600.0 / timedSteps) / 100.0)
          .put("byCategory", byCategory))
        .put("outcomes", new JsonObject().put("achieved", achieved).put("partial", partial)
          .put("notAchieved", notAchieved).put("unrecorded", unrecorded)
          .put("achievedRate", rate(achieved, achieved + partial + notAchieved)))
        .put("actions", new JsonObject().put("due", actionsDue).put("onTime", actionsOnTime).put("late", actionsLate)
          .put("open", actionsDue - actionsOnTime - actionsLate).put("onTimeRate", rate(actionsOnTime, actionsDue)));
    }
  }

  /** A rate rounded to four places, or null when the denominator is zero. */
  static Double rate(int part, int whole) {
    return whole == 0 ? null : Math.round(part * 10_000.0 / whole) / 10_000.0;
  }

  /** The days {@code from} to {@code to}, both included, in UTC. */
  public record Window(LocalDate from, LocalDate to) {
    boolean contains(Instant at) {
      if (at == null) {
        return false;
      }
      LocalDate day = at.atZone(ZoneOffset.UTC).toLocalDate();
      return !day.isBefore(from) && !day.isAfter(to);
    }

    boolean contains(LocalDate day) {
      return day != null && !day.isBefore(from) && !day.isAfter(to);
    }
  }

  /**
   * Adds the team's counts to {@code totals} and answers the team's figures; {@code steps} are the times of the steps
   * its protocol runner held (runs recorded whole have none).
   */
  public JsonObject team(TeamHistory history, List<StepTime> steps, Window window, Counts totals) {
    Counts counts = new Counts();
    for (StepTime step : steps) {
      if (window.contains(step.meetingStart())) {
        counts.timedSteps++;
        counts.msOverPlan += step.elapsedMs() - step.plannedMs();
      }
    }
    JsonArray meetings = new JsonArray();
    Map<String, int[]> perMember = new LinkedHashMap<>();
    Map<String, String> names = new LinkedHashMap<>();
    for (TeamHistory.Member m : history.members()) {
      names.putIfAbsent(m.email(), m.name());
    }
    for (TeamHistory.Meeting m : history.meetings()) {
      if (!window.contains(m.startsAt())) {
        continue;
      }
      counts.scheduled++;
      if (m.status() == MeetingStatus.CANCELLED) {
        counts.cancelled++;
      }
      if (m.status() != MeetingStatus.HELD) {
        continue;
      }
      counts.held++;
      int attended = 0;
      int expected = 0;
      for (TeamHistory.Attendance a : m.attendance()) {
        // An excused absence is not held against the meeting or the member.
        if (a.status() == AttendanceStatus.EXCUSED) {
          continue;
        }
        expected++;
        int[] member = perMember.computeIfAbsent(a.email(), e -> new int[2]);
        member[1]++;
        if (a.status().attended()) {
          attended++;
          member[0]++;
        }
      }
      counts.attended += attended;
      counts.expected += expected;
      int runs = 0;
      for (TeamHistory.ProtocolRun run : m.protocolRuns()) {
        runs++;
        counts.stepsCompleted += Math.min(run.stepsCompleted(), run.stepsTotal());
        counts.stepsTotal += run.stepsTotal();
        counts.categories.merge(run.category() == null ? ProtocolCategory.OTHER : run.category(), 1, Integer::sum);
      }
      counts.protocolRuns += runs;
      for (TeamHistory.AgendaItem item : m.agenda()) {
        Outcome o = item.outcome();
        if (o == null) {
          counts.unrecorded++;
        } else {
          switch (o) {
            case ACHIEVED -> counts.achieved++;
            case PARTIAL -> counts.partial++;
            case NOT_ACHIEVED -> counts.notAchieved++;
          }
        }
      }
      meetings.add(new JsonObject().put("id", m.id()).put("title", m.title()).put("startsAt", m.startsAt().toString())
        .put("attended", attended).put("expected", expected).put("attendanceRate", rate(attended, expected))
        .put("protocolRuns", runs));
    }
    for (TeamHistory.ActionItem a : history.actionItems()) {
      if (!window.contains(a.dueDate())) {
        continue;
      }
      counts.actionsDue++;
      if (a.completedAt() != null) {
        if (a.completedAt().atZone(ZoneOffset.UTC).toLocalDate().isAfter(a.dueDate())) {
          counts.actionsLate++;
        } else {
          counts.actionsOnTime++;
        }
      }
    }
    JsonArray members = new JsonArray();
    perMember.forEach((email, n) -> members.add(new JsonObject().put("email", email).put("name", names.get(email))
      .put("attended", n[0]).put("expected", n[1]).put("rate", rate(n[0], n[1]))));
    totals.add(counts);
    return counts.json().put("perMeeting", meetings).put("perMember", members);
  }
}

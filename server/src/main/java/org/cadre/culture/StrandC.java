package org.cadre.culture;

import org.cadre.history.Origin;
import org.cadre.history.TeamHistory.ActionItem;
import org.cadre.history.TeamHistory.LeaderSelection;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.cadre.culture.RowBuilder.percent;
import static org.cadre.culture.RowBuilder.reaches;
import static org.cadre.culture.RowBuilder.round4;

/** Strand C, rows C1 to C6: collaborate effectively and turn words into action. Needs enough held meetings. */
final class StrandC {

  private static final double SECONDS_PER_DAY = 86_400;
  /** A mean of attendance rates is a sum of fractions; this keeps an exact 75% from reading as 74.99...%. */
  private static final double ROUNDING_SLACK = 1e-9;

  private final Window w;
  private final CultureRules.StrandC r;
  private final int held;

  private StrandC(Window w) {
    this.w = w;
    this.r = w.rules.c();
    this.held = w.held.size();
  }

  static List<RowResult> rows(Window w) {
    StrandC c = new StrandC(w);
    return List.of(c.c1(), c.c2(), c.c3(), c.c4(), c.c5(), c.c6());
  }

  /** Meeting regularity and attendance. */
  private RowResult c1() {
    long[] starts = new long[held];
    double rates = 0;
    int withRoster = 0;
    for (int i = 0; i < held; i++) {
      MeetingFacts m = w.held.get(i);
      starts[i] = m.meeting.startsAt().getEpochSecond();
      if (m.rosterSize > 0) {
        withRoster++;
        rates += (double) m.attendedFromRoster / m.rosterSize;
      }
    }
    Arrays.sort(starts);
    long[] gaps = new long[held - 1];
    for (int i = 1; i < held; i++) {
      gaps[i - 1] = starts[i] - starts[i - 1];
    }
    Arrays.sort(gaps);
    Integer declared = w.team.history.cadenceDays();
    double cadenceSeconds = declared != null ? declared * SECONDS_PER_DAY : median(gaps);
    long longestGap = gaps[gaps.length - 1];
    boolean gapsHold = longestGap <= r.c1MaxGapCadences() * cadenceSeconds;
    Integer expected = declared == null ? null : w.days / declared;
    boolean enoughHeld = expected == null || expected == 0 || reaches(held, expected, r.c1HeldShareOfExpected());
    double attendance = withRoster == 0 ? 0 : rates / withRoster;
    return w.row("C1")
      .measured("meetingsHeld", held)
      .measured("cadenceDeclared", declared != null)
      .measured("cadenceDays", round4(cadenceSeconds / SECONDS_PER_DAY))
      .measured("longestGapDays", round4(longestGap / SECONDS_PER_DAY))
      .measured("meetingsExpected", expected)
      .measured("regular", gapsHold && enoughHeld)
      .measured("meetingsWithRoster", withRoster)
      .measured("meanAttendance", withRoster == 0 ? null : round4(attendance))
      .threshold("maxGapCadences", r.c1MaxGapCadences())
      .threshold("heldShareOfExpected", r.c1HeldShareOfExpected())
      .threshold("attendanceDeveloping", r.c1AttendanceDeveloping())
      .threshold("attendanceTransforming", r.c1AttendanceTransforming())
      .evidence(w.heldIds())
      .developing(gapsHold, () -> NextStep.of("next.C1.toDeveloping.gaps",
        r.c1MaxGapCadences()))
      .developing(enoughHeld, () -> NextStep.of("next.C1.toDeveloping.held",
        percent(r.c1HeldShareOfExpected())))
      .developing(attendanceReaches(withRoster, attendance, r.c1AttendanceDeveloping()), () -> NextStep.of("next.C1.toDeveloping.attendance",
        percent(r.c1AttendanceDeveloping())))
      .transforming(attendanceReaches(withRoster, attendance, r.c1AttendanceTransforming()), () -> NextStep.of("next.C1.toTransforming",
        percent(r.c1AttendanceTransforming())))
      .build(NextStep.of("next.C1.sustain"), w.rating("C1"));
  }

  private static boolean attendanceReaches(int meetingsWithRoster, double attendance, double share) {
    return meetingsWithRoster > 0 && attendance + ROUNDING_SLACK >= share;
  }

  /** The middle gap of sorted gaps, or the mean of the two middle ones. */
  private static double median(long[] sorted) {
    int mid = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2.0;
  }

  /** Preparing agendas and materials. */
  private RowResult c2() {
    int published = 0;
    int reminded = 0;
    int outcomes = 0;
    int achieved = 0;
    List<String> evidence = new ArrayList<>();
    for (MeetingFacts m : w.held) {
      if (m.publishedAhead) {
        published++;
        evidence.add(m.id());
      }
      reminded += m.reminded ? 1 : 0;
      outcomes += m.outcomes;
      achieved += m.achievedOutcomes;
    }
    return w.row("C2")
      .measured("meetingsHeld", held)
      .measured("publishedAhead", published)
      .share("publishedShare", published, held)
      .measured("remindersSent", reminded)
      .share("reminderShare", reminded, held)
      .measured("itemsWithOutcome", outcomes)
      .measured("itemsAchieved", achieved)
      .share("achievedShare", achieved, outcomes)
      .threshold("hoursAhead", r.c2HoursAhead())
      .threshold("publishedShareDeveloping", r.c2PublishedShareDeveloping())
      .threshold("publishedShareTransforming", r.c2PublishedShareTransforming())
      .threshold("reminderShare", r.c2ReminderShare())
      .threshold("achievedShare", r.c2AchievedShare())
      .evidence(evidence)
      .developing(reaches(published, held, r.c2PublishedShareDeveloping()), () -> NextStep.of("next.C2.toDeveloping",
        r.c2HoursAhead(), percent(r.c2PublishedShareDeveloping())))
      .transforming(reaches(published, held, r.c2PublishedShareTransforming()), () -> NextStep.of("next.C2.toTransforming.published",
        r.c2HoursAhead(), percent(r.c2PublishedShareTransforming())))
      .transforming(reaches(reminded, held, r.c2ReminderShare()), () -> NextStep.of("next.C2.toTransforming.reminders",
        percent(r.c2ReminderShare())))
      .transforming(reaches(achieved, outcomes, r.c2AchievedShare()), () -> NextStep.of("next.C2.toTransforming.outcomes",
        percent(r.c2AchievedShare())))
      .build(NextStep.of("next.C2.sustain"), w.rating("C2"));
  }

  /** Following norms and protocols. */
  private RowResult c3() {
    int normsOrProtocol = 0;
    int norms = 0;
    int protocolOrDebrief = 0;
    List<String> evidence = new ArrayList<>();
    for (MeetingFacts m : w.held) {
      boolean normsReviewed = m.meeting.normsReviewed();
      if (normsReviewed || m.protocolRan) {
        normsOrProtocol++;
        evidence.add(m.id());
      }
      norms += normsReviewed ? 1 : 0;
      protocolOrDebrief += m.protocolRan || m.meeting.debriefHeld() ? 1 : 0;
    }
    boolean developing = reaches(normsOrProtocol, held, r.c3ShareDeveloping());
    boolean inUndefinedBand = !developing && reaches(normsOrProtocol, held, r.c3UndefinedBandFrom());
    RowBuilder row = w.row("C3")
      .measured("meetingsHeld", held)
      .measured("normsOrProtocol", normsOrProtocol)
      .share("normsOrProtocolShare", normsOrProtocol, held)
      .measured("normsReviewed", norms)
      .share("normsShare", norms, held)
      .measured("protocolOrDebrief", protocolOrDebrief)
      .share("protocolOrDebriefShare", protocolOrDebrief, held)
      .measured("inUndefinedBand", inUndefinedBand);
    if (inUndefinedBand) {
      row.measured("undefinedBand", "The seed does not define a share from " + percent(r.c3UndefinedBandFrom())
        + " to under " + percent(r.c3ShareDeveloping()) + "; it scores emerging.");
    }
    return row
      .threshold("normsOrProtocolShare", r.c3ShareDeveloping())
      .threshold("undefinedBandFrom", r.c3UndefinedBandFrom())
      .threshold("normsShare", r.c3NormsShare())
      .threshold("protocolOrDebriefShare", r.c3ProtocolOrDebriefShare())
      .evidence(evidence)
      .developing(developing, () -> NextStep.of("next.C3.toDeveloping",
        percent(r.c3ShareDeveloping())))
      .transforming(reaches(norms, held, r.c3NormsShare()), () -> NextStep.of("next.C3.toTransforming.norms",
        percent(r.c3NormsShare())))
      .transforming(reaches(protocolOrDebrief, held, r.c3ProtocolOrDebriefShare()), () -> NextStep.of("next.C3.toTransforming.protocol",
        percent(r.c3ProtocolOrDebriefShare())))
      .build(NextStep.of("next.C3.sustain"), w.rating("C3"));
  }

  /** Leader selection and structured decisions. */
  private RowResult c4() {
    int decisions = 0;
    int discussed = 0;
    int structured = 0;
    List<String> evidence = new ArrayList<>();
    for (MeetingFacts m : w.held) {
      if (m.decisions > 0) {
        evidence.add(m.id());
      }
      decisions += m.decisions;
      discussed += m.discussedDecisions;
      structured += m.structuredDecisionsWithGoal;
    }
    boolean lead = w.roster.hasLead();
    LeaderSelection selection = w.team.history.leaderSelection();
    // A selection dated after asOf had not happened yet.
    boolean selectionRecorded = selection != null && !selection.method().isBlank()
      && (selection.at() == null || !selection.at().isAfter(w.asOf));
    int decisionCount = decisions;
    return w.row("C4")
      .measured("leadOnRoster", lead)
      .measured("decisions", decisions)
      .measured("discussed", discussed)
      .share("discussedShare", discussed, decisions)
      .measured("leaderSelectionRecorded", selectionRecorded)
      .measured("structuredWithGoal", structured)
      .share("structuredWithGoalShare", structured, decisions)
      .threshold("discussedShare", r.c4DiscussedShare())
      .threshold("structuredWithGoalShare", r.c4StructuredShare())
      .evidence(evidence)
      .developing(lead, () -> NextStep.of("next.C4.toDeveloping.lead"))
      .developing(reaches(discussed, decisions, r.c4DiscussedShare()), () -> decisionCount == 0
        ? NextStep.of("next.C4.toDeveloping.noDecisions")
        : NextStep.of("next.C4.toDeveloping.discussed", percent(r.c4DiscussedShare())))
      .transforming(selectionRecorded, () -> NextStep.of("next.C4.toTransforming.selection"))
      .transforming(reaches(structured, decisions, r.c4StructuredShare()), () -> NextStep.of("next.C4.toTransforming.structured",
        percent(r.c4StructuredShare())))
      .build(NextStep.of("next.C4.sustain"), w.rating("C4"));
  }

  /** Action items with owners and timelines. */
  private RowResult c5() {
    int total = w.actions.size();
    if (total == 0) {
      return noActionItems("C5");
    }
    int ownedWithDue = 0;
    int claimed = 0;
    int completed = 0;
    int reported = 0;
    Set<String> owners = new HashSet<>();
    List<String> evidence = new ArrayList<>(total);
    for (ActionItem item : w.actions) {
      evidence.add(item.id());
      ownedWithDue += item.owner() != null && item.dueDate() != null ? 1 : 0;
      claimed += item.claimedByOwner() ? 1 : 0;
      if (item.completedAt() != null && !item.completedAt().isAfter(w.asOf)) {
        completed++;
        reported += item.impactReport() != null && !item.impactReport().isBlank() ? 1 : 0;
      }
      if (item.owner() != null) {
        owners.add(item.owner());
      }
    }
    int rosterOwners = w.roster.countAmong(owners);
    int rosterSize = w.roster.size();
    return w.row("C5")
      .measured("actionItems", total)
      .measured("withOwnerAndDueDate", ownedWithDue)
      .share("ownedShare", ownedWithDue, total)
      .measured("claimedByOwner", claimed)
      .share("claimedShare", claimed, total)
      .measured("completed", completed)
      .measured("withImpactReport", reported)
      .share("impactShare", reported, completed)
      .measured("rosterOwners", rosterOwners)
      .measured("rosterSize", rosterSize)
      .threshold("ownedShare", r.c5OwnedShare())
      .threshold("claimedShare", r.c5ClaimedShare())
      .threshold("impactShare", r.c5ImpactShare())
      .threshold("rosterOwnerShare", 1.0)
      .evidence(evidence)
      .developing(reaches(ownedWithDue, total, r.c5OwnedShare()), () -> NextStep.of("next.C5.toDeveloping.owned",
        percent(r.c5OwnedShare())))
      .developing(reaches(claimed, total, r.c5ClaimedShare()), () -> NextStep.of("next.C5.toDeveloping.claimed",
        percent(r.c5ClaimedShare())))
      .transforming(reaches(reported, completed, r.c5ImpactShare()), () -> NextStep.of("next.C5.toTransforming.impact",
        percent(r.c5ImpactShare())))
      // Every member means all of the roster: an empty roster owns nothing.
      .transforming(rosterSize > 0 && rosterOwners == rosterSize, () -> NextStep.of("next.C5.toTransforming.everyOwner"))
      .build(NextStep.of("next.C5.sustain"), w.rating("C5"));
  }

  /** Actions that address root causes. */
  private RowResult c6() {
    int total = w.actions.size();
    if (total == 0) {
      return noActionItems("C6");
    }
    List<String> evidence = new ArrayList<>();
    for (ActionItem item : w.actions) {
      if (item.origin() == Origin.ROOT_CAUSE) {
        evidence.add(item.id());
      }
    }
    int rootCause = evidence.size();
    return w.row("C6")
      .measured("actionItems", total)
      .measured("rootCause", rootCause)
      .share("rootCauseShare", rootCause, total)
      .threshold("rootCauseShareDeveloping", r.c6RootCauseDeveloping())
      .threshold("rootCauseShareTransforming", r.c6RootCauseTransforming())
      .evidence(evidence)
      .developing(reaches(rootCause, total, r.c6RootCauseDeveloping()), () -> NextStep.of("next.C6.toDeveloping",
        percent(r.c6RootCauseDeveloping())))
      .transforming(reaches(rootCause, total, r.c6RootCauseTransforming()), () -> NextStep.of("next.C6.toTransforming",
        percent(r.c6RootCauseTransforming())))
      .build(NextStep.of("next.C6.sustain"), w.rating("C6"));
  }

  private RowResult noActionItems(String row) {
    return w.row(row)
      .measured("actionItems", 0)
      .threshold("actionItems", 1)
      .insufficient(NextStep.of("next.insufficient.actionItems"), w.rating(row));
  }
}

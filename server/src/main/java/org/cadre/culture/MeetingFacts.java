package org.cadre.culture;

import org.cadre.history.DecisionKind;
import org.cadre.history.FeedbackKind;
import org.cadre.history.Focus;
import org.cadre.history.ItemKind;
import org.cadre.history.Outcome;
import org.cadre.history.ProtocolCategory;
import org.cadre.history.TeamHistory.AgendaItem;
import org.cadre.history.TeamHistory.Attendance;
import org.cadre.history.TeamHistory.DataArtifact;
import org.cadre.history.TeamHistory.Decision;
import org.cadre.history.TeamHistory.Feedback;
import org.cadre.history.TeamHistory.Meeting;
import org.cadre.history.TeamHistory.ProtocolRun;

import java.time.Duration;
import java.time.Instant;

/** What the rows need to know about one held meeting, read in a single pass over its content. */
final class MeetingFacts {

  final Meeting meeting;
  /** Minutes on student outcomes over all agenda minutes; 0 without agenda time. */
  final double studentOutcomeShare;
  final int strategyItems;
  final int linkedStrategyItems;
  /** At least one agenda item carries a data artifact. */
  final boolean dataMeeting;
  /** The artifact types seen, as a bit set of {@code ArtifactType} ordinals. */
  final int artifactTypes;
  final boolean protocolRan;
  final boolean dataProtocolRan;
  /** An item sharing successes and challenges, or a peer review. */
  final boolean sharing;
  final boolean peerReviewUnderProtocol;
  final int decisions;
  final int discussedDecisions;
  final int structuredDecisionsWithGoal;
  /** Decisions on what data implies: implications, goal and strategy adjustments. */
  final int implicationDecisions;
  final int adjustmentDecisions;
  final int feedback;
  /** Critical feedback and probing questions. */
  final int challengingFeedback;
  final boolean publishedAhead;
  final boolean reminded;
  final int outcomes;
  final int achievedOutcomes;
  final int rosterSize;
  final int attendedFromRoster;

  MeetingFacts(Meeting meeting, Team team, CultureRules rules) {
    this.meeting = meeting;
    Instant startsAt = meeting.startsAt();

    int minutes = 0;
    int studentMinutes = 0;
    int strategy = 0;
    int linked = 0;
    int types = 0;
    boolean shares = false;
    boolean peerReviewed = false;
    int withOutcome = 0;
    int achieved = 0;
    for (AgendaItem item : meeting.agenda()) {
      int itemMinutes = item.minutes() != null ? item.minutes() : rules.evidence().untimedItemMinutes();
      minutes += itemMinutes;
      if (item.focus() == Focus.STUDENT_OUTCOMES) {
        studentMinutes += itemMinutes;
      }
      ItemKind kind = item.kind();
      if (kind == ItemKind.STRATEGY_SHARE) {
        strategy++;
        linked += item.goalId() != null ? 1 : 0;
      }
      shares |= kind == ItemKind.SHARE_SUCCESSES_CHALLENGES || kind == ItemKind.PEER_REVIEW;
      peerReviewed |= kind == ItemKind.PEER_REVIEW && item.underProtocol();
      for (DataArtifact artifact : item.dataArtifacts()) {
        types |= 1 << artifact.type().ordinal();
      }
      if (item.outcome() != null) {
        withOutcome++;
        achieved += item.outcome() == Outcome.ACHIEVED ? 1 : 0;
      }
    }
    this.studentOutcomeShare = minutes == 0 ? 0 : (double) studentMinutes / minutes;
    this.strategyItems = strategy;
    this.linkedStrategyItems = linked;
    this.artifactTypes = types;
    this.dataMeeting = types != 0;
    this.sharing = shares;
    this.peerReviewUnderProtocol = peerReviewed;
    this.outcomes = withOutcome;
    this.achievedOutcomes = achieved;

    boolean ran = false;
    boolean dataRan = false;
    for (ProtocolRun run : meeting.protocolRuns()) {
      if (run.stepsCompleted() >= 1) {
        ran = true;
        dataRan |= run.category() == ProtocolCategory.DATA;
      }
    }
    this.protocolRan = ran;
    this.dataProtocolRan = dataRan;

    int discussed = 0;
    int structured = 0;
    int implications = 0;
    int adjustments = 0;
    for (Decision d : meeting.decisions()) {
      discussed += d.discussed() ? 1 : 0;
      structured += d.method().structured() && d.goalId() != null ? 1 : 0;
      boolean adjustment = d.kind() == DecisionKind.GOAL_ADJUSTMENT || d.kind() == DecisionKind.STRATEGY_ADJUSTMENT;
      implications += adjustment || d.kind() == DecisionKind.IMPLICATION ? 1 : 0;
      adjustments += adjustment ? 1 : 0;
    }
    this.decisions = meeting.decisions().size();
    this.discussedDecisions = discussed;
    this.structuredDecisionsWithGoal = structured;
    this.implicationDecisions = implications;
    this.adjustmentDecisions = adjustments;

    int challenging = 0;
    for (Feedback f : meeting.feedback()) {
      challenging += f.kind() != FeedbackKind.WARM ? 1 : 0;
    }
    this.feedback = meeting.feedback().size();
    this.challengingFeedback = challenging;

    Instant published = meeting.agendaPublishedAt();
    this.publishedAhead = published != null
      && !published.isAfter(startsAt.minus(Duration.ofHours(rules.c().c2HoursAhead())));
    this.reminded = meeting.reminderSentAt() != null && meeting.reminderSentAt().isBefore(startsAt);

    int attended = 0;
    for (Attendance a : meeting.attendance()) {
      int member = a.status().attended() ? team.indexOf(a.email()) : -1;
      if (member >= 0 && team.onRoster(member, startsAt)) {
        attended++;
      }
    }
    this.rosterSize = team.rosterSize(startsAt);
    this.attendedFromRoster = attended;
  }

  String id() {
    return meeting.id();
  }
}

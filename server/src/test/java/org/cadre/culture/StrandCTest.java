package org.cadre.culture;

import org.cadre.history.DecisionKind;
import org.cadre.history.DecisionMethod;
import org.cadre.history.HistoryBuilder;
import org.cadre.history.Origin;
import org.cadre.history.Outcome;
import org.cadre.history.ProtocolCategory;
import org.cadre.space.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;

import static org.cadre.culture.Level.DEVELOPING;
import static org.cadre.culture.Level.EMERGING;
import static org.cadre.culture.Level.INSUFFICIENT;
import static org.cadre.culture.Level.TRANSFORMING;
import static org.cadre.culture.Scoring.level;
import static org.cadre.culture.Scoring.row;
import static org.cadre.history.HistoryBuilder.AS_OF;
import static org.cadre.history.HistoryBuilder.daysBefore;
import static org.cadre.history.HistoryBuilder.team;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Rows C2 to C6 at their thresholds (C1 is in {@link RosterAndRegularityTest}), four held meetings unless said. */
class StrandCTest {

  private static final Duration DAY = Duration.ofHours(24);

  @Test
  void c2CountsAnAgendaPublishedExactly24HoursAheadButNotOneMinuteLess() {
    HistoryBuilder onTime = team().meetings(4, (i, m) -> m.publishedBefore(i < 2 ? DAY : Duration.ofHours(1)));
    HistoryBuilder late = team().meetings(4, (i, m) -> m.publishedBefore(i < 2 ? DAY.minusMinutes(1) : Duration.ofHours(1)));
    assertEquals(DEVELOPING, level(onTime, "C2"));
    assertEquals(EMERGING, level(late, "C2"));
  }

  @ParameterizedTest(name = "published ahead {0}, reminded {1}, achieved {2} of 4: {3}")
  @CsvSource({"1, 4, 4, EMERGING", "2, 4, 4, DEVELOPING", "3, 4, 4, TRANSFORMING",
    "4, 2, 4, DEVELOPING", "4, 3, 4, TRANSFORMING",
    "4, 4, 2, DEVELOPING", "4, 4, 3, TRANSFORMING"})
  void c2TransformsAtThreeQuartersPublishedRemindedAndAchieved(int published, int reminded, int achieved, Level expected) {
    HistoryBuilder h = team().meetings(4, (i, m) -> {
      if (i < published) {
        m.publishedBefore(Duration.ofDays(2));
      }
      if (i < reminded) {
        m.reminderBefore(Duration.ofMinutes(1));
      }
      m.item(item -> item.outcome(i < achieved ? Outcome.ACHIEVED : Outcome.PARTIAL)).item(item -> item.outcome(null));
    });
    assertEquals(expected, level(h, "C2"));
  }

  @Test
  void c2NeedsARecordedOutcomeAndAReminderBeforeTheStart() {
    HistoryBuilder noOutcomes = team().meetings(4, (i, m) -> m.publishedBefore(DAY).reminderBefore(DAY).item(item -> { }));
    HistoryBuilder reminderAtStart = team().meetings(4, (i, m) -> m.publishedBefore(DAY).reminderBefore(Duration.ZERO)
      .item(item -> item.outcome(Outcome.ACHIEVED)));
    assertEquals(DEVELOPING, level(noOutcomes, "C2"));
    assertEquals(DEVELOPING, level(reminderAtStart, "C2"));
  }

  @ParameterizedTest(name = "norms or a protocol in {0} of {1} meetings: {2}, in the undefined band: {3}")
  @CsvSource({"1, 4, EMERGING, false", "2, 4, EMERGING, true", "3, 4, DEVELOPING, false",
    "4, 10, EMERGING, false", "5, 10, EMERGING, true", "7, 10, EMERGING, true", "8, 10, DEVELOPING, false"})
  void c3IsEmergingBelowThreeQuartersAndSaysTheSeedLeavesHalfToThreeQuartersUndefined(int meetings, int held,
                                                                                        Level expected, boolean inBand) {
    HistoryBuilder h = team().meetings(held, (i, m) -> {
      if (i < meetings) {
        if (i % 2 == 0) {
          m.norms();
        } else {
          m.protocol(ProtocolCategory.REFLECTION, 1);
        }
      }
    });
    RowResult c3 = row(h, "C3");
    assertEquals(expected, c3.level());
    assertEquals(inBand, c3.measured().get("inUndefinedBand"));
    assertEquals(inBand, c3.measured().containsKey("undefinedBand"));
  }

  @ParameterizedTest(name = "norms in {0} of 10 meetings: {1}")
  @CsvSource({"8, DEVELOPING", "9, TRANSFORMING", "10, TRANSFORMING"})
  void c3TransformsWithNormsReviewedInNinetyPercentOfMeetings(int norms, Level expected) {
    HistoryBuilder h = team().meetings(10, (i, m) -> {
      m.debrief().protocol(ProtocolCategory.PLANNING, 2);
      if (i < norms) {
        m.norms();
      }
    });
    assertEquals(expected, level(h, "C3"));
  }

  @ParameterizedTest(name = "a protocol or a debrief in {0} of 4 meetings: {1}")
  @CsvSource({"2, DEVELOPING", "3, TRANSFORMING", "4, TRANSFORMING"})
  void c3TransformsWithAProtocolOrDebriefInThreeQuartersOfMeetings(int meetings, Level expected) {
    HistoryBuilder h = team().meetings(4, (i, m) -> {
      m.norms().protocol(ProtocolCategory.DATA, 0);
      if (i < meetings) {
        if (i % 2 == 0) {
          m.debrief();
        } else {
          m.protocol(ProtocolCategory.INSTRUCTION, 1);
        }
      }
    });
    assertEquals(expected, level(h, "C3"));
  }

  @Test
  void c4NeedsALeadOnTheCurrentRoster() {
    HistoryBuilder noLead = team().member("ana", Role.MEMBER)
      .meetings(4, (i, m) -> m.decision(DecisionKind.OTHER, DecisionMethod.CONSENSUS, true, null));
    HistoryBuilder leadLeft = team().member("ana", Role.LEAD, HistoryBuilder.LONG_AGO, daysBefore(1))
      .meetings(4, (i, m) -> m.decision(DecisionKind.OTHER, DecisionMethod.CONSENSUS, true, null));
    HistoryBuilder lead = team().member("ana", Role.LEAD)
      .meetings(4, (i, m) -> m.decision(DecisionKind.OTHER, DecisionMethod.CONSENSUS, true, null));
    assertEquals(EMERGING, level(noLead, "C4"));
    assertEquals(EMERGING, level(leadLeft, "C4"));
    assertEquals(DEVELOPING, level(lead, "C4"));
  }

  @ParameterizedTest(name = "{0} of 4 decisions followed discussion: {1}")
  @CsvSource({"1, EMERGING", "2, DEVELOPING", "3, DEVELOPING"})
  void c4NeedsHalfTheDecisionsToFollowDiscussion(int discussed, Level expected) {
    HistoryBuilder h = team().member("ana", Role.LEAD)
      .meetings(4, (i, m) -> m.decision(DecisionKind.OTHER, DecisionMethod.LEADER, i < discussed, null));
    assertEquals(expected, level(h, "C4"));
  }

  @Test
  void c4WithoutDecisionsIsEmerging() {
    assertEquals(EMERGING, level(team().member("ana", Role.LEAD).meetings(4), "C4"));
  }

  @ParameterizedTest(name = "{0} of 4 decisions structured and linked to a goal: {1}")
  @CsvSource({"2, DEVELOPING", "3, TRANSFORMING", "4, TRANSFORMING"})
  void c4TransformsWithARecordedSelectionAndThreeQuartersStructuredDecisionsOnGoals(int structured, Level expected) {
    DecisionMethod[] methods = {DecisionMethod.CONSENSUS, DecisionMethod.CONSENT, DecisionMethod.VOTE, DecisionMethod.FIST_TO_FIVE};
    HistoryBuilder h = team().member("ana", Role.LEAD).goal("g1").leaderSelection("consent", HistoryBuilder.LONG_AGO)
      .meetings(4, (i, m) -> m.decision(DecisionKind.OTHER, i < structured ? methods[i] : DecisionMethod.LEADER, true, "g1"));
    assertEquals(expected, level(h, "C4"));
  }

  @Test
  void c4NeedsBothAStructuredMethodAndAGoalAndARecordedSelectionNotDatedAfterAsOf() {
    HistoryBuilder noGoal = team().member("ana", Role.LEAD).leaderSelection("consent", null)
      .meetings(4, (i, m) -> m.decision(DecisionKind.OTHER, DecisionMethod.CONSENSUS, true, null));
    HistoryBuilder noSelection = team().member("ana", Role.LEAD).goal("g1")
      .meetings(4, (i, m) -> m.decision(DecisionKind.OTHER, DecisionMethod.CONSENSUS, true, "g1"));
    HistoryBuilder laterSelection = team().member("ana", Role.LEAD).goal("g1").leaderSelection("consent", AS_OF.plusSeconds(1))
      .meetings(4, (i, m) -> m.decision(DecisionKind.OTHER, DecisionMethod.CONSENSUS, true, "g1"));
    assertEquals(DEVELOPING, level(noGoal, "C4"));
    assertEquals(DEVELOPING, level(noSelection, "C4"));
    assertEquals(DEVELOPING, level(laterSelection, "C4"));
  }

  @Test
  void c5AndC6AreInsufficientWithoutActionItemsCreatedInTheWindow() {
    HistoryBuilder none = team().meetings(4);
    HistoryBuilder onlyOld = team().meetings(4).action(a -> a.owner("ana").createdAt(daysBefore(90)));
    assertEquals(INSUFFICIENT, level(none, "C5"));
    assertEquals(INSUFFICIENT, level(none, "C6"));
    assertEquals(INSUFFICIENT, level(onlyOld, "C5"));
    assertEquals(INSUFFICIENT, level(onlyOld, "C6"));
    assertEquals(EMERGING, level(team().meetings(4).action(a -> a.createdAt(AS_OF)), "C5"));
  }

  @ParameterizedTest(name = "{0} of 4 items with owner and due date, {1} claimed: {2}")
  @CsvSource({"2, 4, EMERGING", "3, 4, DEVELOPING", "4, 1, EMERGING", "4, 2, DEVELOPING", "4, 3, DEVELOPING"})
  void c5NeedsThreeQuartersOwnedAndDatedAndHalfClaimed(int ownedAndDue, int claimed, Level expected) {
    HistoryBuilder h = team().meetings(4).actions(4, (i, a) -> {
      a.owner("ana");
      if (i < ownedAndDue) {
        a.due();
      }
      if (i < claimed) {
        a.claimed();
      }
    });
    assertEquals(expected, level(h, "C5"));
  }

  @ParameterizedTest(name = "{0} of 4 completed items reported, {1} of 2 members own one: {2}")
  @CsvSource({"2, 2, DEVELOPING", "3, 2, TRANSFORMING", "4, 2, TRANSFORMING", "4, 1, DEVELOPING"})
  void c5TransformsWithImpactReportsOnThreeQuartersAndAnItemForEveryMember(int reported, int owners, Level expected) {
    HistoryBuilder h = team().member("ana", Role.LEAD).member("ben", Role.MEMBER).member("watcher", Role.OBSERVER)
      .meetings(4).actions(4, (i, a) -> a.owner(owners == 2 && i == 3 ? "ben" : "ana").due().claimed()
        .completed(i < reported ? "Most students passed the retake." : " "));
    assertEquals(expected, level(h, "C5"));
  }

  @Test
  void c5CountsAnItemCompletedAfterAsOfAsNotCompleted() {
    HistoryBuilder h = team().member("ana", Role.LEAD).meetings(4).actions(4, (i, a) -> {
      a.owner("ana").due().claimed();
      if (i < 3) {
        a.completed("Done and measured.");
      } else {
        a.completed(AS_OF.plusSeconds(1), null);
      }
    });
    RowResult c5 = row(h, "C5");
    assertEquals(3, c5.measured().get("completed"));
    assertEquals(TRANSFORMING, c5.level());
  }

  @ParameterizedTest(name = "{0} of {1} items aimed at a root cause: {2}")
  @CsvSource({"1, 5, EMERGING", "1, 4, DEVELOPING", "2, 4, DEVELOPING",
    "5, 7, DEVELOPING", "3, 4, TRANSFORMING", "4, 4, TRANSFORMING"})
  void c6NeedsAQuarterThenThreeQuartersOfItemsAimedAtRootCauses(int rootCause, int items, Level expected) {
    HistoryBuilder h = team().meetings(4).actions(items, (i, a) -> a.origin(i < rootCause ? Origin.ROOT_CAUSE
      : i % 2 == 0 ? Origin.INCIDENT : null));
    assertEquals(expected, level(h, "C6"));
  }

  @Test
  void c1ToC4AreInsufficientWithThreeHeldMeetings() {
    HistoryBuilder h = team().meetings(3).action(a -> a.owner("ana").origin(Origin.ROOT_CAUSE));
    for (String id : new String[] {"C1", "C2", "C3", "C4", "C5", "C6"}) {
      assertEquals(INSUFFICIENT, level(h, id), id);
    }
    assertTrue(row(h, "C1").nextStep().contains("4 meetings"));
    assertFalse(row(h.meetings(1), "C1").level() == INSUFFICIENT);
  }
}

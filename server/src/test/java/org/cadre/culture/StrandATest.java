package org.cadre.culture;

import org.cadre.history.ArtifactType;
import org.cadre.history.DecisionKind;
import org.cadre.history.FeedbackKind;
import org.cadre.history.Focus;
import org.cadre.history.HistoryBuilder;
import org.cadre.history.ItemKind;
import org.cadre.history.ProtocolCategory;
import org.cadre.space.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.cadre.culture.Level.DEVELOPING;
import static org.cadre.culture.Level.EMERGING;
import static org.cadre.culture.Level.TRANSFORMING;
import static org.cadre.culture.Scoring.level;
import static org.cadre.culture.Scoring.row;
import static org.cadre.history.HistoryBuilder.daysBefore;
import static org.cadre.history.HistoryBuilder.team;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Rows A1 to A6 at their thresholds, with four held meetings unless a test says otherwise. */
class StrandATest {

  @ParameterizedTest(name = "{0} of 100 minutes on student outcomes in every meeting: {2}")
  @CsvSource({"49, 51, EMERGING", "50, 50, DEVELOPING", "51, 49, DEVELOPING",
    "79, 21, DEVELOPING", "80, 20, TRANSFORMING", "81, 19, TRANSFORMING"})
  void a1ComparesEachMeetingsAgendaShareWithHalfAndEightyPercent(int outcomeMinutes, int otherMinutes, Level expected) {
    HistoryBuilder h = team().meetings(4, (i, m) -> m.item(Focus.STUDENT_OUTCOMES, outcomeMinutes).item(Focus.BUSINESS, otherMinutes));
    assertEquals(expected, level(h, "A1"));
  }

  @ParameterizedTest(name = "{0} of 4 meetings at an 80% share: {1}")
  @CsvSource({"2, EMERGING", "3, TRANSFORMING", "4, TRANSFORMING"})
  void a1NeedsTheShareInThreeQuartersOfHeldMeetings(int meetingsOnOutcomes, Level expected) {
    HistoryBuilder h = team().meetings(4, (i, m) -> m.item(i < meetingsOnOutcomes ? Focus.STUDENT_OUTCOMES : Focus.SUPPORT, 40)
      .item(Focus.BUSINESS, 10));
    assertEquals(expected, level(h, "A1"));
  }

  @Test
  void a1CountsAnItemWithoutATimeboxAsTenMinutes() {
    HistoryBuilder even = team().meetings(4, (i, m) -> m.item(Focus.STUDENT_OUTCOMES, null).item(Focus.BUSINESS, 10));
    HistoryBuilder less = team().meetings(4, (i, m) -> m.item(Focus.STUDENT_OUTCOMES, null).item(Focus.BUSINESS, 11));
    assertEquals(DEVELOPING, level(even, "A1"));
    assertEquals(EMERGING, level(less, "A1"));
  }

  @Test
  void a1GivesAMeetingWithoutAgendaItemsAShareOfZero() {
    HistoryBuilder h = team().meetings(4, (i, m) -> {
      if (i < 2) {
        m.item(Focus.STUDENT_OUTCOMES, 30);
      }
    });
    RowResult a1 = row(h, "A1");
    assertEquals(EMERGING, a1.level());
    assertEquals(0.5, a1.measured().get("meanAgendaShare"));
    assertEquals(List.of("m1", "m2"), a1.evidence());
  }

  @ParameterizedTest(name = "strategy shares in {0} of 4 meetings, {1} of them linked to a goal: {2}")
  @CsvSource({"1, 1, EMERGING", "2, 0, DEVELOPING", "3, 0, DEVELOPING",
    "4, 2, DEVELOPING", "4, 3, TRANSFORMING", "4, 4, TRANSFORMING"})
  void a2NeedsStrategySharesInHalfTheMeetingsThenThreeQuartersLinkedToGoals(int meetings, int linked, Level expected) {
    HistoryBuilder h = team().goal("g1").meetings(4, (i, m) -> {
      if (i < meetings) {
        m.item(item -> item.kind(ItemKind.STRATEGY_SHARE).goal(i < linked ? "g1" : null));
      }
    });
    assertEquals(expected, level(h, "A2"));
  }

  @ParameterizedTest(name = "data in {0} of 4 meetings: {1}")
  @CsvSource({"1, EMERGING", "2, DEVELOPING", "3, DEVELOPING"})
  void a3NeedsDataInHalfTheMeetings(int dataMeetings, Level expected) {
    HistoryBuilder h = team().meetings(4, (i, m) -> {
      if (i < dataMeetings) {
        m.item(item -> item.data(ArtifactType.GRADES, ArtifactType.ATTENDANCE));
      }
    });
    assertEquals(expected, level(h, "A3"));
  }

  @ParameterizedTest(name = "{0} data types: {1}")
  @CsvSource({"1, EMERGING", "2, DEVELOPING", "3, DEVELOPING"})
  void a3NeedsAtLeastTwoDataTypesInTheWindow(int types, Level expected) {
    List<ArtifactType> seen = List.of(ArtifactType.ASSESSMENT, ArtifactType.SURVEY, ArtifactType.STUDENT_WORK).subList(0, types);
    HistoryBuilder h = team().meetings(4, (i, m) -> m.item(item -> item.data(seen.get(i % seen.size()))));
    assertEquals(expected, level(h, "A3"));
    assertEquals(types, ((List<?>) row(h, "A3").measured().get("dataTypes")).size());
  }

  @ParameterizedTest(name = "a data protocol ran in {0} of 4 data meetings: {1}")
  @CsvSource({"1, DEVELOPING", "2, TRANSFORMING", "3, TRANSFORMING"})
  void a3NeedsADataProtocolInDataMeetingsInHalfTheMeetings(int withProtocol, Level expected) {
    HistoryBuilder h = team().meetings(4, (i, m) -> {
      m.item(item -> item.data(ArtifactType.GRADES, ArtifactType.SURVEY));
      if (i < withProtocol) {
        m.protocol(ProtocolCategory.DATA, 1);
      }
    });
    assertEquals(expected, level(h, "A3"));
  }

  @Test
  void a3CountsOnlyDataProtocolsThatCompletedAStepInADataMeeting() {
    HistoryBuilder h = team().meetings(4, (i, m) -> {
      if (i < 2) {
        m.item(item -> item.data(ArtifactType.GRADES, ArtifactType.SURVEY));
      }
      switch (i) {
        case 0 -> m.protocol(ProtocolCategory.DATA, 0);
        case 1 -> m.protocol(ProtocolCategory.REFLECTION, 3);
        default -> m.protocol(ProtocolCategory.DATA, 3);
      }
    });
    assertEquals(0, row(h, "A3").measured().get("dataMeetingsWithDataProtocol"));
    assertEquals(DEVELOPING, level(h, "A3"));
  }

  @ParameterizedTest(name = "an implication recorded in {0} of 4 data meetings: {1}")
  @CsvSource({"1, EMERGING", "2, DEVELOPING", "3, DEVELOPING"})
  void a4NeedsAnImplicationInHalfTheDataMeetings(int withImplication, Level expected) {
    HistoryBuilder h = team().meetings(4, (i, m) -> {
      m.item(item -> item.data(ArtifactType.GRADES));
      if (i < withImplication) {
        m.decision(DecisionKind.IMPLICATION);
      }
    });
    assertEquals(expected, level(h, "A4"));
  }

  @ParameterizedTest(name = "{0} adjustments in data meetings over 90 days: {1}")
  @CsvSource({"1, DEVELOPING", "2, TRANSFORMING", "3, TRANSFORMING"})
  void a4NeedsCeilingOfWindowOver45AdjustmentsInDataMeetings(int adjustments, Level expected) {
    HistoryBuilder h = team().meetings(4, (i, m) -> {
      m.item(item -> item.data(ArtifactType.GRADES)).decision(DecisionKind.IMPLICATION);
      if (i < adjustments) {
        m.decision(i % 2 == 0 ? DecisionKind.GOAL_ADJUSTMENT : DecisionKind.STRATEGY_ADJUSTMENT);
      }
    });
    assertEquals(expected, level(h, "A4"));
  }

  @Test
  void a4NeedsThreeAdjustmentsInA91DayWindowAndFourIn180() {
    HistoryBuilder h = team().meetings(4, (i, m) -> {
      m.item(item -> item.data(ArtifactType.GRADES)).decision(DecisionKind.IMPLICATION);
      if (i < 3) {
        m.decision(DecisionKind.GOAL_ADJUSTMENT);
      }
    });
    RowResult in91 = Scoring.ENGINE.score(h.build(), HistoryBuilder.AS_OF, 91).row("A4");
    RowResult in180 = Scoring.ENGINE.score(h.build(), HistoryBuilder.AS_OF, 180).row("A4");
    assertEquals(3, in91.thresholds().get("adjustments"));
    assertEquals(TRANSFORMING, in91.level());
    assertEquals(4, in180.thresholds().get("adjustments"));
    assertEquals(DEVELOPING, in180.level());
  }

  @Test
  void a4FailsWithoutDataMeetingsAndIgnoresDecisionsOutsideThem() {
    HistoryBuilder h = team().meetings(4, (i, m) -> m.decision(DecisionKind.IMPLICATION).decision(DecisionKind.GOAL_ADJUSTMENT));
    RowResult a4 = row(h, "A4");
    assertEquals(EMERGING, a4.level());
    assertEquals(0, a4.measured().get("adjustmentsInDataMeetings"));
  }

  @ParameterizedTest(name = "plans reviewed in {0} of 4 meetings: {1}")
  @CsvSource({"1, EMERGING", "2, DEVELOPING", "3, DEVELOPING"})
  void a5NeedsSharedOrPeerReviewedPlansInHalfTheMeetings(int meetings, Level expected) {
    HistoryBuilder h = team().meetings(4, (i, m) -> {
      if (i < meetings) {
        m.item(i % 2 == 0 ? ItemKind.SHARE_SUCCESSES_CHALLENGES : ItemKind.PEER_REVIEW);
      }
    });
    assertEquals(expected, level(h, "A5"));
  }

  @ParameterizedTest(name = "peer review under a protocol in {0} of 4 meetings, {1} of 4 members presented: {2}")
  @CsvSource({"1, 4, DEVELOPING", "2, 4, TRANSFORMING", "3, 4, TRANSFORMING",
    "4, 2, DEVELOPING", "4, 3, TRANSFORMING"})
  void a5TransformsWithProtocolPeerReviewsInHalfTheMeetingsAndThreeQuartersPresenting(int underProtocol, int presenters,
                                                                                       Level expected) {
    HistoryBuilder h = team().members(4).meetings(4, (i, m) -> m.item(item -> {
      item.kind(ItemKind.PEER_REVIEW).presenter("m" + (1 + i % presenters));
      if (i < underProtocol) {
        item.underProtocol();
      }
    }));
    assertEquals(expected, level(h, "A5"));
  }

  @Test
  void a5CountsPresentersAgainstTheCurrentRosterOnly() {
    HistoryBuilder h = team().members(2).member("gone", Role.MEMBER, HistoryBuilder.LONG_AGO, daysBefore(1))
      .member("watcher", Role.OBSERVER)
      .meetings(4, (i, m) -> m.item(item -> item.kind(ItemKind.PEER_REVIEW).underProtocol()
        .presenter(List.of("m1", "gone", "watcher", "visitor").get(i))));
    RowResult a5 = row(h, "A5");
    assertEquals(1, a5.measured().get("presentersOnRoster"));
    assertEquals(2, a5.measured().get("rosterSize"));
    assertEquals(DEVELOPING, a5.level());
  }

  @ParameterizedTest(name = "feedback in {0} of 4 meetings: {1}")
  @CsvSource({"0, EMERGING", "1, DEVELOPING", "2, TRANSFORMING", "3, TRANSFORMING"})
  void a6NeedsFeedbackInAQuarterThenHalfOfMeetings(int meetings, Level expected) {
    HistoryBuilder h = team().members(1).meetings(4, (i, m) -> {
      if (i < meetings) {
        m.feedback("m1", FeedbackKind.PROBING_QUESTION);
      }
    });
    assertEquals(expected, level(h, "A6"));
  }

  @ParameterizedTest(name = "{0} critical or probing and {1} warm entries: {2}")
  @CsvSource({"1, 4, DEVELOPING", "1, 3, TRANSFORMING", "2, 3, TRANSFORMING"})
  void a6TransformsWhenAQuarterOfFeedbackIsCriticalOrProbing(int challenging, int warm, Level expected) {
    HistoryBuilder h = team().members(1).meetings(4, (i, m) -> {
      if (i == 0) {
        for (int c = 0; c < challenging; c++) {
          m.feedback("m1", c % 2 == 0 ? FeedbackKind.CRITICAL : FeedbackKind.PROBING_QUESTION);
        }
      } else if (i == 1) {
        for (int w = 0; w < warm; w++) {
          m.feedback("m1", FeedbackKind.WARM);
        }
      }
    });
    assertEquals(expected, level(h, "A6"));
  }

  @ParameterizedTest(name = "{0} of 4 members gave feedback: {1}")
  @CsvSource({"2, DEVELOPING", "3, TRANSFORMING", "4, TRANSFORMING"})
  void a6TransformsWhenThreeQuartersOfTheCurrentRosterGaveFeedback(int givers, Level expected) {
    HistoryBuilder h = team().members(4).member("watcher", Role.OBSERVER).meetings(4, (i, m) -> {
      m.feedback("watcher", FeedbackKind.CRITICAL);
      if (i < givers) {
        m.feedback("m" + (i + 1), FeedbackKind.CRITICAL);
      }
    });
    assertEquals(expected, level(h, "A6"));
  }
}

package org.cadre.culture;

import org.cadre.history.AgreementKind;
import org.cadre.history.AgreementStatus;
import org.cadre.history.EquityLevel;
import org.cadre.history.HistoryBuilder;
import org.cadre.history.Scope;
import org.cadre.history.TeamHistory.Review;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

import static org.cadre.culture.Level.DEVELOPING;
import static org.cadre.culture.Level.EMERGING;
import static org.cadre.culture.Level.TRANSFORMING;
import static org.cadre.culture.Scoring.level;
import static org.cadre.culture.Scoring.row;
import static org.cadre.history.AgreementKind.AGREEMENT;
import static org.cadre.history.AgreementKind.POLICY;
import static org.cadre.history.AgreementStatus.ADOPTED;
import static org.cadre.history.AgreementStatus.OUTLINED;
import static org.cadre.history.HistoryBuilder.AS_OF;
import static org.cadre.history.HistoryBuilder.daysBefore;
import static org.cadre.history.HistoryBuilder.team;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Rows B1 to B4. Strand B is scored even without meetings, so most tests hold none. */
class StrandBTest {

  private static final Instant ADOPTED_LONG_AGO = HistoryBuilder.LONG_AGO;

  /** {@code count} reviews in the window, each in meeting m1 (held), with or without a disparity check. */
  private static Review[] reviews(int count, boolean disparityCheck) {
    return IntStream.range(0, count).mapToObj(i -> new Review(daysBefore(5 + i), "m1", disparityCheck)).toArray(Review[]::new);
  }

  private static HistoryBuilder withMeeting() {
    return team().meetings(1);
  }

  @Test
  void b1TakesItsLevelFromTheRatingAndIsNotRatedWithoutOne() {
    assertEquals(Level.NOT_RATED, level(team(), "B1"));
    assertEquals(DEVELOPING, level(team().rating("B1", 2, "ana", null), "B1"));
    assertEquals(new RowRating(2, 1), row(team().rating("B1", 2, "ana", null), "B1").rating());
  }

  @ParameterizedTest(name = "{0} outlined or adopted agreements: {1}")
  @CsvSource({"0, EMERGING", "1, EMERGING", "2, DEVELOPING", "3, DEVELOPING"})
  void b2NeedsTwoAgreementsOutlinedOrAdopted(int count, Level expected) {
    HistoryBuilder h = team();
    for (int i = 0; i < count; i++) {
      h.agreement("ag" + i, i % 2 == 0 ? AGREEMENT : POLICY, i % 2 == 0 ? OUTLINED : ADOPTED, null, null);
    }
    assertEquals(expected, level(h, "B2"));
  }

  @Test
  void b2IgnoresDiscussedAndRetiredAgreements() {
    HistoryBuilder h = team().agreement("ag1", AGREEMENT, OUTLINED, null, null)
      .agreement("ag2", AGREEMENT, AgreementStatus.DISCUSSED, null, null)
      .agreement("ag3", AGREEMENT, AgreementStatus.RETIRED, ADOPTED_LONG_AGO, null);
    assertEquals(EMERGING, level(h, "B2"));
    assertEquals(List.of("ag1"), row(h, "B2").evidence());
  }

  @ParameterizedTest(name = "reviewed {0} and {1} times in meetings over 90 days: {2}")
  @CsvSource({"3, 2, DEVELOPING", "3, 3, TRANSFORMING", "3, 4, TRANSFORMING"})
  void b2TransformsWhenEachAdoptedAgreementIsReviewedFloorOfWindowOver30Times(int first, int second, Level expected) {
    HistoryBuilder h = withMeeting().agreement("ag1", AGREEMENT, ADOPTED, ADOPTED_LONG_AGO, null, reviews(first, false))
      .agreement("ag2", POLICY, ADOPTED, null, null, reviews(second, false));
    assertEquals(expected, level(h, "B2"));
    assertEquals(3, row(h, "B2").thresholds().get("reviewsPerAdoptedAgreement"));
  }

  @Test
  void b2CountsOnlyReviewsInAMeetingAndInTheWindow() {
    Review noMeeting = new Review(daysBefore(3), null, false);
    Review beforeWindow = new Review(daysBefore(95), "m1", false);
    HistoryBuilder h = withMeeting()
      .agreement("ag1", AGREEMENT, ADOPTED, ADOPTED_LONG_AGO, null, reviews(2, false)[0], reviews(2, false)[1], noMeeting)
      .agreement("ag2", AGREEMENT, ADOPTED, ADOPTED_LONG_AGO, null, beforeWindow, reviews(3, false)[0], reviews(3, false)[1]);
    assertEquals(DEVELOPING, level(h, "B2"));
  }

  @Test
  void b2CountsAnAgreementAdoptedAfterAsOfAsOnlyOutlined() {
    HistoryBuilder h = withMeeting().agreement("ag1", AGREEMENT, ADOPTED, ADOPTED_LONG_AGO, null, reviews(3, false))
      .agreement("ag2", AGREEMENT, ADOPTED, AS_OF.plusSeconds(1), null, reviews(3, false));
    RowResult b2 = row(h, "B2");
    assertEquals(DEVELOPING, b2.level());
    assertEquals(2, b2.measured().get("agreementsOutlinedOrAdopted"));
    assertEquals(1, b2.measured().get("agreementsAdopted"));
    HistoryBuilder adoptedAtAsOf = withMeeting().agreement("ag1", AGREEMENT, ADOPTED, ADOPTED_LONG_AGO, null, reviews(3, false))
      .agreement("ag2", AGREEMENT, ADOPTED, AS_OF, null, reviews(3, false));
    assertEquals(TRANSFORMING, level(adoptedAtAsOf, "B2"));
  }

  @Test
  void b3NeedsAnOwnedEquityItemCreatedInTheWindow() {
    assertEquals(EMERGING, level(team().action(a -> a.tags("equity")), "B3"));
    assertEquals(EMERGING, level(team().action(a -> a.tags("equity").owner("ana").createdAt(daysBefore(90))), "B3"));
    assertEquals(EMERGING, level(team().action(a -> a.tags("math").owner("ana")), "B3"));
    assertEquals(DEVELOPING, level(team().action(a -> a.tags("reteach", "Equity").owner("ana").createdAt(daysBefore(89))), "B3"));
  }

  @ParameterizedTest(name = "analyses at {0} levels, equity item scope {1}: {2}")
  @CsvSource({"2, ORGANIZATION, DEVELOPING", "3, TEAM, DEVELOPING", "3, ORGANIZATION, TRANSFORMING",
    "3, CROSS_ORGANIZATION, TRANSFORMING"})
  void b3TransformsWithAnalysesAtAllThreeLevelsAndAnItemBeyondTheTeam(int levels, Scope scope, Level expected) {
    HistoryBuilder h = team().action(a -> a.tags("equity").owner("ana").scope(Scope.TEAM))
      .action(a -> a.tags("equity").scope(scope));
    for (int i = 0; i < levels; i++) {
      h.equityAnalysis(daysBefore(20 + i), EquityLevel.values()[i]);
    }
    assertEquals(expected, level(h, "B3"));
  }

  @Test
  void b3CountsOnlyAnalysesInTheWindow() {
    HistoryBuilder h = team().action(a -> a.tags("equity").owner("ana").scope(Scope.ORGANIZATION))
      .equityAnalysis(daysBefore(1), EquityLevel.PERSONAL).equityAnalysis(daysBefore(2), EquityLevel.INSTITUTIONAL)
      .equityAnalysis(daysBefore(90), EquityLevel.SOCIETAL);
    assertEquals(DEVELOPING, level(h, "B3"));
  }

  @Test
  void b4NeedsAReviewOfAPolicyInTheWindow() {
    assertEquals(EMERGING, level(team().agreement("ag1", AGREEMENT, ADOPTED, null, 30, reviews(3, true)), "B4"));
    assertEquals(EMERGING, level(team().agreement("ag1", POLICY, ADOPTED, null, 30,
      new Review(daysBefore(90), null, true)), "B4"));
    assertEquals(DEVELOPING, level(team().agreement("ag1", POLICY, OUTLINED, null, null, new Review(daysBefore(1), null, false)), "B4"));
  }

  @ParameterizedTest(name = "{0} of 4 due reviews held with a disparity check: {1}")
  @CsvSource({"2, DEVELOPING", "3, TRANSFORMING", "4, TRANSFORMING"})
  void b4TransformsWhenThreeQuartersOfDueReviewsWereHeldWithADisparityCheck(int onTime, Level expected) {
    // A 30-day cadence is due floor(90 / 30) = 3 reviews; a 90-day one, 1.
    int first = Math.min(onTime, 3);
    HistoryBuilder h = team().agreement("ag1", POLICY, ADOPTED, null, 30, reviews(first, true))
      .agreement("ag2", POLICY, ADOPTED, null, 90, reviews(onTime - first, true));
    assertEquals(expected, level(h, "B4"));
    assertEquals(4, row(h, "B4").measured().get("reviewsDue"));
  }

  @Test
  void b4CountsAPolicysReviewsOnlyUpToTheNumberDue() {
    HistoryBuilder h = team().agreement("ag1", POLICY, ADOPTED, null, 90, reviews(3, true))
      .agreement("ag2", POLICY, ADOPTED, null, 30, reviews(1, true))
      .agreement("ag3", POLICY, ADOPTED, null, 45, reviews(2, false));
    // Due 1 + 3 + 2 = 6; on time 1 + 1 + 0 = 2.
    assertEquals(2, row(h, "B4").measured().get("reviewsOnTime"));
    assertEquals(DEVELOPING, level(h, "B4"));
  }

  @Test
  void b4StaysDevelopingWhenAnAdoptedPolicyHasNoCadenceOrNoPolicyIsAdopted() {
    assertEquals(DEVELOPING, level(team().agreement("ag1", POLICY, ADOPTED, null, 30, reviews(3, true))
      .agreement("ag2", POLICY, ADOPTED, null, null), "B4"));
    assertEquals(DEVELOPING, level(team().agreement("ag1", POLICY, OUTLINED, null, 30, reviews(3, true)), "B4"));
    assertEquals(DEVELOPING, level(team().agreement("ag1", POLICY, ADOPTED, AS_OF.plusSeconds(60), 30, reviews(3, true)), "B4"));
  }

  @Test
  void b4HoldsTheOnTimeConditionWhenNoReviewIsDue() {
    HistoryBuilder h = team().agreement("ag1", POLICY, ADOPTED, null, 100, new Review(daysBefore(3), null, false));
    assertEquals(0, row(h, "B4").measured().get("reviewsDue"));
    assertEquals(TRANSFORMING, level(h, "B4"));
  }

  @Test
  void strandBIsScoredWhenStrandsAAndCAreNot() {
    CultureScore score = Scoring.score(team().agreement("ag1", AgreementKind.AGREEMENT, OUTLINED, null, null)
      .agreement("ag2", AgreementKind.AGREEMENT, OUTLINED, null, null));
    assertEquals(Level.INSUFFICIENT, score.level());
    // B1 not rated; B2 developing, B3 and B4 emerging: (2 + 1 + 1) / 3 = 1.33.
    assertEquals(new StrandResult("B", EMERGING, new BigDecimal("1.33")), score.strand("B"));
  }
}

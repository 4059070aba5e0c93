package org.cadre.culture;

import org.cadre.history.Focus;
import org.cadre.history.HistoryBuilder;
import org.cadre.history.AgreementKind;
import org.cadre.history.AgreementStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.util.Arrays;

import static org.cadre.culture.Scoring.row;
import static org.cadre.culture.Scoring.score;
import static org.cadre.history.HistoryBuilder.AS_OF;
import static org.cadre.history.HistoryBuilder.daysBefore;
import static org.cadre.history.HistoryBuilder.team;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Ratings: the median of each person's latest rating, the lower middle one when their number is even. */
class RatingsTest {

  private static HistoryBuilder ratedB1(String levels) {
    HistoryBuilder h = team();
    int[] each = Arrays.stream(levels.split(" ")).mapToInt(Integer::parseInt).toArray();
    for (int i = 0; i < each.length; i++) {
      h.rating("B1", each[i], "rater" + i, null);
    }
    return h;
  }

  @ParameterizedTest(name = "ratings {0}: {1}")
  @CsvSource({"2, 2", "1 2 3, 2", "3 1 3, 3", "1 1 3, 1", "3 1, 1", "2 3, 2", "3 1 1 3, 1", "3 2 3 2, 2", "3 3 2 3, 3"})
  void aRowsRatingIsTheMedianAndTheLowerMiddleWhenEven(String levels, int median) {
    RowRating rating = row(ratedB1(levels), "B1").rating();
    assertEquals(new RowRating(median, levels.split(" ").length), rating);
  }

  @Test
  void aPersonsLaterRatingReplacesTheirEarlierOne() {
    HistoryBuilder h = team().rating("B1", 1, "ana", null).rating("B1", 3, "ben", null).rating("B1", 3, "ana", null);
    assertEquals(new RowRating(3, 2), row(h, "B1").rating());
    HistoryBuilder lowered = team().rating("B1", 3, "ana", null).rating("B1", 1, "ben", null).rating("B1", 1, "ana", null);
    assertEquals(new RowRating(1, 2), row(lowered, "B1").rating());
  }

  @Test
  void ratingsDatedAfterAsOfAreIgnored() {
    HistoryBuilder h = team().rating("B1", 2, "ana", daysBefore(1)).rating("B1", 3, "ana", AS_OF.plusSeconds(1))
      .rating("B1", 3, "ben", AS_OF.plusSeconds(1)).rating("B1", 2, "cruz", AS_OF);
    assertEquals(new RowRating(2, 2), row(h, "B1").rating());
  }

  @Test
  void aRatingIsShownBesideAMeasuredRowWithoutChangingItsLevel() {
    HistoryBuilder h = team().meetings(4, (i, m) -> m.item(Focus.STUDENT_OUTCOMES, 10))
      .rating("A1", 1, "ana", null).rating("A2", 3, "ana", null);
    CultureScore score = score(h);
    assertEquals(Level.TRANSFORMING, score.row("A1").level());
    assertEquals(new RowRating(1, 1), score.row("A1").rating());
    assertEquals(Level.EMERGING, score.row("A2").level());
    assertEquals(new RowRating(3, 1), score.row("A2").rating());
    assertNull(score.row("A3").rating());
  }

  @Test
  void anInsufficientRowStillShowsItsRating() {
    RowResult c6 = row(team().meetings(4).rating("C6", 2, "ana", null), "C6");
    assertEquals(Level.INSUFFICIENT, c6.level());
    assertEquals(new RowRating(2, 1), c6.rating());
  }

  @Test
  void b1CountsInStrandBOnlyOnceRated() {
    HistoryBuilder h = team().agreement("ag1", AgreementKind.AGREEMENT, AgreementStatus.OUTLINED, null, null)
      .agreement("ag2", AgreementKind.AGREEMENT, AgreementStatus.OUTLINED, null, null);
    // B2 developing, B3 and B4 emerging: 4 / 3 = 1.33; with B1 rated 3: 7 / 4 = 1.75.
    assertEquals(new BigDecimal("1.33"), score(h).strand("B").score());
    assertEquals(new BigDecimal("1.75"), score(h.rating("B1", 3, "ana", null)).strand("B").score());
  }

  @Test
  void theWindowBeforeSeesOnlyTheRatingsGivenByItsEnd() {
    HistoryBuilder h = team().meetings(4).rating("B1", 3, "ana", daysBefore(10));
    for (int i = 0; i < 4; i++) {
      h.meeting(daysBefore(100 + 7 * i), m -> { });
    }
    CultureScore score = score(h);
    // Now: A = 1, B = (3 + 1 + 1 + 1) / 4 = 1.5, C = 1: 3.5 / 3 = 1.17. Before, B1 was not rated yet: 1.00.
    assertEquals(new BigDecimal("1.17"), score.score());
    assertEquals(new BigDecimal("1.00"), score.previousScore());
    assertEquals(Change.INCREASED, score.change());
  }
}

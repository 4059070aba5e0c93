package org.cadre.culture;

import org.cadre.history.Focus;
import org.cadre.history.HistoryBuilder;
import org.cadre.history.ItemKind;
import org.cadre.history.Origin;
import org.cadre.history.AgreementKind;
import org.cadre.history.AgreementStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;

import static org.cadre.culture.Scoring.score;
import static org.cadre.history.HistoryBuilder.team;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Strand and overall scores, their rounding, and the bands read off them: levels, status, change and colour. */
class ScoresTest {

  private static final CultureRules.Bands BANDS = CultureRules.defaults().bands();

  @ParameterizedTest(name = "{0}/{1} rounds to {2}")
  @CsvSource({"333, 200, 1.67", "469, 200, 2.35", "1, 8, 0.13", "5, 3, 1.67", "7, 3, 2.33", "10, 6, 1.67", "11, 6, 1.83", "2, 1, 2.00"})
  void scoresRoundHalfUpToTwoDecimalsFromTheExactMean(long numerator, long denominator, String rounded) {
    // 1.665 and 2.345 are not exact doubles: rounding a double would give 1.66 and 2.34 (as would half-even).
    assertEquals(new BigDecimal(rounded), new Fraction(numerator, denominator).rounded());
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource({"1.00, EMERGING", "1.66, EMERGING", "1.67, DEVELOPING", "2.33, DEVELOPING", "2.34, TRANSFORMING", "3.00, TRANSFORMING"})
  void levelsAreReadOffScoresAt167And234(String score, Level expected) {
    assertEquals(expected, BANDS.level(new BigDecimal(score)));
  }

  @Test
  void aStrandOfTenOverSixIsDevelopingBecauseItsRoundedScoreIs167() {
    // A1 and A2 transforming, A3 to A6 emerging: 10 / 6 = 1.666..., below 1.67 until rounded.
    HistoryBuilder h = team().goal("g1").meetings(4, (i, m) -> m.item(Focus.STUDENT_OUTCOMES, 10)
      .item(item -> item.kind(ItemKind.STRATEGY_SHARE).focus(Focus.STUDENT_OUTCOMES).goal("g1")));
    CultureScore score = score(h);
    assertEquals(Level.TRANSFORMING, score.row("A1").level());
    assertEquals(Level.TRANSFORMING, score.row("A2").level());
    assertEquals(new StrandResult("A", Level.DEVELOPING, new BigDecimal("1.67")), score.strand("A"));
  }

  @Test
  void theOverallIsTheMeanOfTheUnroundedStrandScores() {
    // A: all six rows emerging = 1. B: B2 and B3 developing, B4 emerging, B1 not rated = 5/3.
    // C: C3 and C5 developing, C6 transforming, C1, C2 and C4 emerging = 10/6.
    // Overall (1 + 5/3 + 5/3) / 3 = 13/9 = 1.444... -> 1.44; the rounded strands would give (1 + 1.67 + 1.67) / 3 -> 1.45.
    HistoryBuilder h = team()
      .agreement("ag1", AgreementKind.AGREEMENT, AgreementStatus.OUTLINED, null, null)
      .agreement("ag2", AgreementKind.AGREEMENT, AgreementStatus.OUTLINED, null, null)
      .meetings(4, (i, m) -> m.norms())
      .action(a -> a.tags("equity").owner("ana").due().claimed().origin(Origin.ROOT_CAUSE));
    CultureScore score = score(h);
    assertEquals(new StrandResult("A", Level.EMERGING, new BigDecimal("1.00")), score.strand("A"));
    assertEquals(new StrandResult("B", Level.DEVELOPING, new BigDecimal("1.67")), score.strand("B"));
    assertEquals(new StrandResult("C", Level.DEVELOPING, new BigDecimal("1.67")), score.strand("C"));
    assertEquals(new BigDecimal("1.44"), score.score());
    assertEquals(Level.EMERGING, score.level());
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource({"1.00, VERY_LOW", "1.39, VERY_LOW", "1.40, LOW", "1.79, LOW", "1.80, MEDIUM", "2.19, MEDIUM",
    "2.20, HIGH", "2.59, HIGH", "2.60, VERY_HIGH", "3.00, VERY_HIGH"})
  void statusBandsStartAt14_18_22And26(String score, Status expected) {
    assertEquals(expected, BANDS.status(new BigDecimal(score)));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource({"-2.00, DECLINED_SIGNIFICANTLY", "-0.31, DECLINED_SIGNIFICANTLY", "-0.30, DECLINED", "-0.06, DECLINED",
    "-0.05, MAINTAINED", "0.00, MAINTAINED", "0.09, MAINTAINED", "0.10, INCREASED", "0.29, INCREASED",
    "0.30, INCREASED_SIGNIFICANTLY", "2.00, INCREASED_SIGNIFICANTLY"})
  void changeBandsStartAtMinus030_Minus005_010And030(String delta, Change expected) {
    assertEquals(expected, BANDS.change(new BigDecimal(delta)));
  }

  @ParameterizedTest(name = "{0} and {1}: {2}")
  @CsvSource({
    "VERY_HIGH, DECLINED_SIGNIFICANTLY, YELLOW", "VERY_HIGH, DECLINED, GREEN", "VERY_HIGH, MAINTAINED, BLUE",
    "VERY_HIGH, INCREASED, BLUE", "VERY_HIGH, INCREASED_SIGNIFICANTLY, BLUE",
    "HIGH, DECLINED_SIGNIFICANTLY, ORANGE", "HIGH, DECLINED, YELLOW", "HIGH, MAINTAINED, GREEN",
    "HIGH, INCREASED, GREEN", "HIGH, INCREASED_SIGNIFICANTLY, BLUE",
    "MEDIUM, DECLINED_SIGNIFICANTLY, ORANGE", "MEDIUM, DECLINED, ORANGE", "MEDIUM, MAINTAINED, YELLOW",
    "MEDIUM, INCREASED, GREEN", "MEDIUM, INCREASED_SIGNIFICANTLY, GREEN",
    "LOW, DECLINED_SIGNIFICANTLY, RED", "LOW, DECLINED, ORANGE", "LOW, MAINTAINED, YELLOW",
    "LOW, INCREASED, YELLOW", "LOW, INCREASED_SIGNIFICANTLY, YELLOW",
    "VERY_LOW, DECLINED_SIGNIFICANTLY, RED", "VERY_LOW, DECLINED, RED", "VERY_LOW, MAINTAINED, RED",
    "VERY_LOW, INCREASED, ORANGE", "VERY_LOW, INCREASED_SIGNIFICANTLY, YELLOW"})
  void everyCellOfTheDashboardGridHasTheSeedsColour(Status status, Change change, Colour expected) {
    assertEquals(expected, Colour.of(status, change));
  }
}

package org.cadre.culture;

import org.cadre.history.Focus;
import org.cadre.history.HistoryBuilder;
import org.cadre.history.MeetingStatus;
import org.cadre.history.TeamHistory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

import static org.cadre.culture.Level.INSUFFICIENT;
import static org.cadre.culture.Scoring.ENGINE;
import static org.cadre.culture.Scoring.score;
import static org.cadre.history.HistoryBuilder.AS_OF;
import static org.cadre.history.HistoryBuilder.daysBefore;
import static org.cadre.history.HistoryBuilder.team;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The window (asOf - windowDays, asOf], the minimum of four held meetings, and the window before it. */
class WindowTest {

  @Test
  void threeHeldMeetingsLeaveStrandsAAndCAndTheOverallInsufficient() {
    CultureScore score = score(team().meetings(3));
    assertEquals(3, score.meetingsHeld());
    assertEquals(INSUFFICIENT, score.level());
    assertNull(score.score());
    for (String row : new String[] {"A1", "A2", "A3", "A4", "A5", "A6", "C1", "C2", "C3", "C4", "C5", "C6"}) {
      assertEquals(INSUFFICIENT, score.row(row).level(), row);
    }
    assertEquals(new StrandResult("A", INSUFFICIENT, null), score.strand("A"));
    assertEquals(new StrandResult("C", INSUFFICIENT, null), score.strand("C"));
    assertEquals(Level.EMERGING, score.row("B2").level());
    assertNotNull(score.strand("B").score());
  }

  @Test
  void fourHeldMeetingsAreEnough() {
    CultureScore score = score(team().meetings(4));
    assertEquals(4, score.meetingsHeld());
    assertNotEquals(INSUFFICIENT, score.level());
    assertEquals(new BigDecimal("1.00"), score.score());
  }

  @Test
  void cancelledAndScheduledMeetingsDoNotCount() {
    CultureScore score = score(team().meetings(5, (i, m) -> m.status(
      i == 3 ? MeetingStatus.CANCELLED : i == 4 ? MeetingStatus.SCHEDULED : MeetingStatus.HELD)));
    assertEquals(3, score.meetingsHeld());
    assertEquals(INSUFFICIENT, score.level());
  }

  @ParameterizedTest(name = "a fourth meeting {0} seconds after the window opens counts: {1}")
  @CsvSource({"0, false", "1, true"})
  void theWindowExcludesItsOpeningInstant(long secondsAfterOpening, boolean counts) {
    Instant opening = AS_OF.minus(Duration.ofDays(90));
    CultureScore score = score(team().meetings(3).meeting(opening.plusSeconds(secondsAfterOpening), m -> { }));
    assertEquals(counts ? 4 : 3, score.meetingsHeld());
  }

  @ParameterizedTest(name = "a fourth meeting {0} seconds after asOf counts: {1}")
  @CsvSource({"0, true", "1, false"})
  void theWindowIncludesAsOf(long secondsAfterAsOf, boolean counts) {
    CultureScore score = score(team().meetings(3).meeting(AS_OF.plusSeconds(secondsAfterAsOf), m -> { }));
    assertEquals(counts ? 4 : 3, score.meetingsHeld());
  }

  @ParameterizedTest(name = "declared cadence {0}: a {1}-day window")
  @CsvSource({"22, 180", "28, 180", "21, 90", "7, 90"})
  void aTeamWithACadenceOverThreeWeeksGetsA180DayWindow(int cadence, int windowDays) {
    assertEquals(windowDays, score(team().cadence(cadence)).windowDays());
  }

  @Test
  void aTeamWithoutADeclaredCadenceGetsA90DayWindowAndAnExplicitWindowWins() {
    TeamHistory monthly = team().cadence(28).build();
    assertEquals(90, score(team()).windowDays());
    assertEquals(30, ENGINE.score(monthly, AS_OF, 30).windowDays());
  }

  @Test
  void aMonthlyTeamIsJudgedOnSixMonthsOfMeetings() {
    HistoryBuilder h = team().cadence(28);
    for (int month = 0; month < 6; month++) {
      h.meeting(daysBefore(10 + 28 * month), m -> { });
    }
    assertEquals(6, score(h).meetingsHeld());
    assertEquals(2, ENGINE.score(h.build(), AS_OF, 45).meetingsHeld());
  }

  @Test
  void statusChangeAndColourNeedTheWindowBeforeToBeScoredToo() {
    HistoryBuilder onlyNow = team().meetings(4);
    HistoryBuilder thinBefore = team().meetings(4);
    HistoryBuilder both = team().meetings(4);
    for (int i = 0; i < 4; i++) {
      both.meeting(daysBefore(100 + 7 * i), m -> { });
      if (i < 3) {
        thinBefore.meeting(daysBefore(100 + 7 * i), m -> { });
      }
    }
    assertNull(score(onlyNow).status());
    assertNull(score(thinBefore).change());
    assertNull(score(thinBefore).previousScore());
    CultureScore scored = score(both);
    // Nothing recorded in either window: 1.00 both times.
    assertEquals(new BigDecimal("1.00"), scored.previousScore());
    assertEquals(Status.VERY_LOW, scored.status());
    assertEquals(Change.MAINTAINED, scored.change());
    assertEquals(Colour.RED, scored.colour());
  }

  @Test
  void theWindowBeforeEndsWhereThisOneOpens() {
    // Now: A1 transforming, every other row emerging: A = 8/6, B = 1, C = 1, overall 10/9 = 1.11.
    // Before (asOf - 180, asOf - 90]: the meeting at exactly asOf - 90 days belongs there, not here.
    HistoryBuilder h = team().meetings(4, (i, m) -> m.item(Focus.STUDENT_OUTCOMES, 30));
    h.meeting(daysBefore(90), m -> { });
    for (int i = 1; i < 4; i++) {
      h.meeting(daysBefore(90 + 7 * i), m -> { });
    }
    CultureScore score = score(h);
    assertEquals(new BigDecimal("1.11"), score.score());
    assertEquals(new BigDecimal("1.00"), score.previousScore());
    assertEquals(Change.INCREASED, score.change());
    assertEquals(Colour.ORANGE, score.colour());
  }

  @Test
  void aWindowOfZeroDaysIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> ENGINE.score(team().build(), AS_OF, 0));
  }
}

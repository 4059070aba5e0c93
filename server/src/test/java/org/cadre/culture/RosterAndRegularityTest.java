package org.cadre.culture;

import org.cadre.history.HistoryBuilder;
import org.cadre.history.MeetingStatus;
import org.cadre.space.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import static org.cadre.culture.Level.DEVELOPING;
import static org.cadre.culture.Level.EMERGING;
import static org.cadre.culture.Level.TRANSFORMING;
import static org.cadre.culture.Scoring.level;
import static org.cadre.culture.Scoring.row;
import static org.cadre.history.AttendanceStatus.ABSENT;
import static org.cadre.history.AttendanceStatus.EXCUSED;
import static org.cadre.history.AttendanceStatus.LATE;
import static org.cadre.history.AttendanceStatus.PRESENT;
import static org.cadre.history.HistoryBuilder.FIRST_MEETING;
import static org.cadre.history.HistoryBuilder.team;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Row C1: who is on the roster at a meeting, the mean attendance rate, and regular meetings. */
class RosterAndRegularityTest {

  private static Instant day(int offset) {
    return FIRST_MEETING.plus(Duration.ofDays(offset));
  }

  private static double meanAttendance(HistoryBuilder h) {
    return (double) row(h, "C1").measured().get("meanAttendance");
  }

  /** Held meetings at these day offsets from the first, with ana (the only member) present at each. */
  private static HistoryBuilder meetingsOnDays(Integer cadence, int... offsets) {
    HistoryBuilder h = team().cadence(cadence).member("ana", Role.LEAD);
    for (int offset : offsets) {
      h.meeting(day(offset), m -> m.attend("ana", PRESENT));
    }
    return h;
  }

  @ParameterizedTest(name = "{0} of 4 members attend each meeting: {1}")
  @CsvSource({"1, EMERGING", "2, DEVELOPING", "3, TRANSFORMING", "4, TRANSFORMING"})
  void c1ComparesMeanAttendanceWithHalfAndThreeQuarters(int attending, Level expected) {
    HistoryBuilder h = team().members(4).meetings(4, (i, m) -> {
      for (int p = 1; p <= 4; p++) {
        m.attend("m" + p, p <= attending ? PRESENT : ABSENT);
      }
    });
    assertEquals(expected, level(h, "C1"));
  }

  @ParameterizedTest(name = "attendance {0} of 4 members: {1}")
  @CsvSource({"2 2 2 1, EMERGING", "3 3 3 2, DEVELOPING"})
  void c1JustBelowEachAttendanceThreshold(String attendingPerMeeting, Level expected) {
    int[] attending = Arrays.stream(attendingPerMeeting.split(" ")).mapToInt(Integer::parseInt).toArray();
    HistoryBuilder h = team().members(4).meetings(4, (i, m) -> {
      for (int p = 1; p <= attending[i]; p++) {
        m.attend("m" + p, PRESENT);
      }
    });
    assertEquals(expected, level(h, "C1"));
  }

  @Test
  void c1ReadsAMeanOfThirdsThatIsExactlyAHalfAsAHalf() {
    // 1/3 + 2/3 + 2/3 + 1/3 over 4 is exactly 0.5, though adding the doubles gives 0.49999999999999994.
    int[] attending = {1, 2, 2, 1};
    HistoryBuilder h = team().members(3).meetings(4, (i, m) -> {
      for (int p = 1; p <= attending[i]; p++) {
        m.attend("m" + p, PRESENT);
      }
    });
    assertEquals(DEVELOPING, level(h, "C1"));
  }

  @Test
  void aMemberCountsOnlyFromTheMeetingTheyJoinedAt() {
    // ben joins at the third meeting's start; before that his sign-ins do not count and ana's absence is 0 of 1.
    HistoryBuilder h = team().member("ana", Role.MEMBER).member("ben", Role.MEMBER, day(14), null)
      .meetings(4, (i, m) -> m.attend("ana", ABSENT).attend("ben", PRESENT));
    assertEquals(0.25, meanAttendance(h));
  }

  @Test
  void aMemberWhoLeftAtAMeetingsStartIsOffItsRoster() {
    HistoryBuilder h = team().member("ana", Role.MEMBER).member("ben", Role.MEMBER, HistoryBuilder.LONG_AGO, day(14))
      .meetings(4, (i, m) -> m.attend("ana", ABSENT).attend("ben", PRESENT));
    assertEquals(0.25, meanAttendance(h));
  }

  @Test
  void observersAndPeopleNotOnTheRosterDoNotCount() {
    HistoryBuilder h = team().member("ana", Role.MEMBER).member("olga", Role.OBSERVER).member("pat", Role.PARTNER)
      .meetings(4, (i, m) -> m.attend("ana", PRESENT).attend("olga", PRESENT).attend("visitor", PRESENT).attend("pat", ABSENT));
    assertEquals(0.5, meanAttendance(h));
  }

  @Test
  void excusedCountsAsNotAttendedAndLateAsAttended() {
    HistoryBuilder excused = team().members(2).meetings(4, (i, m) -> m.attend("m1", PRESENT).attend("m2", EXCUSED));
    HistoryBuilder late = team().members(2).meetings(4, (i, m) -> m.attend("m1", PRESENT).attend("m2", LATE));
    assertEquals(0.5, meanAttendance(excused));
    assertEquals(1.0, meanAttendance(late));
  }

  @Test
  void aMeetingWithAnEmptyRosterIsLeftOutOfTheMean() {
    HistoryBuilder h = team().member("ana", Role.MEMBER, day(14), null).meetings(4, (i, m) -> m.attend("ana", PRESENT));
    RowResult c1 = row(h, "C1");
    assertEquals(2, c1.measured().get("meetingsWithRoster"));
    assertEquals(1.0, c1.measured().get("meanAttendance"));
    assertEquals(TRANSFORMING, c1.level());
  }

  @Test
  void withNobodyOnTheRosterAttendanceFails() {
    assertEquals(EMERGING, level(team().meetings(4), "C1"));
  }

  @Test
  void aDeclaredCadenceAllowsGapsUpToTwiceIt() {
    // floor(90 / 21) = 4 meetings expected, so 4 held meet the 75% floor.
    assertEquals(TRANSFORMING, level(meetingsOnDays(21, 0, 21, 42, 84), "C1"));
    assertEquals(EMERGING, level(meetingsOnDays(21, 0, 21, 42, 85), "C1"));
  }

  @ParameterizedTest(name = "{1} meetings held with a cadence of {0} days: {2}")
  @CsvSource({"7, 8, EMERGING", "7, 9, TRANSFORMING", "10, 6, EMERGING", "10, 7, TRANSFORMING"})
  void aDeclaredCadenceNeedsThreeQuartersOfTheMeetingsItImplies(int cadence, int held, Level expected) {
    // floor(90 / 7) = 12, 0.75 x 12 = 9; floor(90 / 10) = 9, 0.75 x 9 = 6.75.
    int[] offsets = new int[held];
    for (int i = 0; i < held; i++) {
      offsets[i] = i * cadence;
    }
    assertEquals(expected, level(meetingsOnDays(cadence, offsets), "C1"));
  }

  @ParameterizedTest(name = "meetings on days {0}: median gap {1}, {2}")
  @CsvSource({"0 7 14 21 41, 7.0, EMERGING", "0 7 14 28 42, 10.5, TRANSFORMING",
    "0 10 20 40, 10.0, TRANSFORMING", "0 10 20 41, 10.0, EMERGING"})
  void withoutADeclaredCadenceTheMedianGapIsTheCadence(String days, double median, Level expected) {
    int[] offsets = Arrays.stream(days.split(" ")).mapToInt(Integer::parseInt).toArray();
    RowResult c1 = row(meetingsOnDays(null, offsets), "C1");
    assertEquals(median, c1.measured().get("cadenceDays"));
    assertEquals(expected, c1.level());
  }

  @Test
  void gapsAreMeasuredBetweenMeetingsInDateOrderWhateverTheirOrderInTheDocument() {
    assertEquals(TRANSFORMING, level(meetingsOnDays(null, 42, 0, 28, 7, 14), "C1"));
  }

  @Test
  void onlyHeldMeetingsInTheWindowCountForGaps() {
    HistoryBuilder h = meetingsOnDays(null, 0, 7, 14, 21)
      .meeting(day(28), m -> m.status(MeetingStatus.CANCELLED));
    List<?> evidence = row(h, "C1").evidence();
    assertEquals(List.of("m1", "m2", "m3", "m4"), evidence);
    assertEquals(TRANSFORMING, level(h, "C1"));
  }
}

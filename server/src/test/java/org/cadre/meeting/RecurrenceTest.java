package org.cadre.meeting;

import org.cadre.meeting.Recurrence.Frequency;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RecurrenceTest {

  private static final Recurrence WEEKLY = new Recurrence(Frequency.WEEKLY, 1);
  private static final Recurrence MONTHLY = new Recurrence(Frequency.MONTHLY, 1);
  private static final Recurrence MONTHLY_WEEKDAY = new Recurrence(Frequency.MONTHLY_WEEKDAY, 1);

  private static ZonedDateTime at(String isoWithOffsetAndZone) {
    return ZonedDateTime.parse(isoWithOffsetAndZone);
  }

  private static List<ZonedDateTime> all(String... isoWithOffsetAndZone) {
    return Stream.of(isoWithOffsetAndZone).map(ZonedDateTime::parse).toList();
  }

  private static List<LocalDate> dates(List<ZonedDateTime> occurrences) {
    return occurrences.stream().map(ZonedDateTime::toLocalDate).toList();
  }

  private static List<LocalDate> dates(String... isoDates) {
    return Stream.of(isoDates).map(LocalDate::parse).toList();
  }

  @Test
  void aWeeklyMeetingInLosAngelesStaysAt1600LocalAcrossBothDaylightSavingChanges() {
    ZonedDateTime first = at("2026-02-26T16:00-08:00[America/Los_Angeles]");
    List<ZonedDateTime> meetings = WEEKLY.occurrences(first, 40);
    for (int k = 0; k < meetings.size(); k++) {
      ZonedDateTime meeting = meetings.get(k);
      assertEquals(first.toLocalDate().plusWeeks(k), meeting.toLocalDate());
      assertEquals(LocalTime.of(16, 0), meeting.toLocalTime());
      assertEquals(DayOfWeek.THURSDAY, meeting.getDayOfWeek());
      boolean summer = meeting.toLocalDate().isAfter(LocalDate.of(2026, 3, 8))
        && meeting.toLocalDate().isBefore(LocalDate.of(2026, 11, 1));
      assertEquals(ZoneOffset.ofHours(summer ? -7 : -8), meeting.getOffset(), meeting::toString);
    }
    // The instant shifts by an hour each way.
    assertEquals(at("2026-03-06T00:00Z"), meetings.get(1).withZoneSameInstant(ZoneOffset.UTC));
    assertEquals(at("2026-03-12T23:00Z"), meetings.get(2).withZoneSameInstant(ZoneOffset.UTC));
    assertEquals(at("2026-10-29T23:00Z"), meetings.get(35).withZoneSameInstant(ZoneOffset.UTC));
    assertEquals(at("2026-11-06T00:00Z"), meetings.get(36).withZoneSameInstant(ZoneOffset.UTC));
  }

  @Test
  void everyTwoWeeksSkipsAWeekAndKeepsTheLocalTime() {
    ZonedDateTime first = at("2026-02-26T16:00-08:00[America/Los_Angeles]");
    assertEquals(all(
      "2026-02-26T16:00-08:00[America/Los_Angeles]",
      "2026-03-12T16:00-07:00[America/Los_Angeles]",
      "2026-03-26T16:00-07:00[America/Los_Angeles]",
      "2026-04-09T16:00-07:00[America/Los_Angeles]"), new Recurrence(Frequency.WEEKLY, 2).occurrences(first, 4));
  }

  @Test
  void aWeeklyMeetingInBerlinFollowsEuropeanDaylightSavingDates() {
    ZonedDateTime first = at("2026-03-23T09:30+01:00[Europe/Berlin]");
    List<ZonedDateTime> meetings = WEEKLY.occurrences(first, 32);
    assertEquals(at("2026-03-30T09:30+02:00[Europe/Berlin]"), meetings.get(1));
    assertEquals(at("2026-10-19T09:30+02:00[Europe/Berlin]"), meetings.get(30));
    assertEquals(at("2026-10-26T09:30+01:00[Europe/Berlin]"), meetings.get(31));
    assertTrue(meetings.stream().allMatch(m -> m.toLocalTime().equals(LocalTime.of(9, 30))));
    assertTrue(meetings.stream().allMatch(m -> m.getDayOfWeek() == DayOfWeek.MONDAY));
  }

  @Test
  void aTimeSkippedBySpringForwardMovesAheadByTheGapThatWeekOnly() {
    ZonedDateTime first = at("2026-03-01T02:30-08:00[America/Los_Angeles]");
    assertEquals(all(
      "2026-03-01T02:30-08:00[America/Los_Angeles]",
      "2026-03-08T03:30-07:00[America/Los_Angeles]",
      "2026-03-15T02:30-07:00[America/Los_Angeles]"), WEEKLY.occurrences(first, 3));
  }

  @Test
  void aTimeRepeatedAtFallBackTakesTheEarlierOffset() {
    ZonedDateTime first = at("2026-10-25T01:30-07:00[America/Los_Angeles]");
    assertEquals(all(
      "2026-10-25T01:30-07:00[America/Los_Angeles]",
      "2026-11-01T01:30-07:00[America/Los_Angeles]",
      "2026-11-08T01:30-08:00[America/Los_Angeles]"), WEEKLY.occurrences(first, 3));
  }

  @Test
  void theFirstMeetingIsReturnedAsGivenEvenAtTheLaterOfTwoOffsets() {
    ZonedDateTime first = at("2026-11-01T01:30-08:00[America/Los_Angeles]");
    List<ZonedDateTime> meetings = WEEKLY.occurrences(first, 2);
    assertSame(first, meetings.get(0));
    assertEquals(at("2026-11-08T01:30-08:00[America/Los_Angeles]"), meetings.get(1));
  }

  @Test
  void aMonthlyWeekdayMeetingOnTheSecondTuesdayKeepsItForAYear() {
    ZonedDateTime first = at("2026-01-13T10:00-08:00[America/Los_Angeles]");
    List<ZonedDateTime> meetings = MONTHLY_WEEKDAY.occurrences(first, 12);
    assertEquals(dates("2026-01-13", "2026-02-10", "2026-03-10", "2026-04-14", "2026-05-12", "2026-06-09",
      "2026-07-14", "2026-08-11", "2026-09-08", "2026-10-13", "2026-11-10", "2026-12-08"), dates(meetings));
    assertTrue(meetings.stream().allMatch(m -> m.toLocalTime().equals(LocalTime.of(10, 0))));
    assertEquals(ZoneOffset.ofHours(-8), meetings.get(1).getOffset());
    assertEquals(ZoneOffset.ofHours(-7), meetings.get(2).getOffset());
    assertEquals(ZoneOffset.ofHours(-7), meetings.get(9).getOffset());
    assertEquals(ZoneOffset.ofHours(-8), meetings.get(10).getOffset());
  }

  @Test
  void aMonthlyWeekdayMeetingOnTheFifthFridayFallsOnTheLastFridayOfEveryMonth() {
    ZonedDateTime first = at("2026-01-30T15:00-08:00[America/Los_Angeles]");
    assertEquals(dates("2026-01-30", "2026-02-27", "2026-03-27", "2026-04-24", "2026-05-29", "2026-06-26",
      "2026-07-31", "2026-08-28", "2026-09-25", "2026-10-30", "2026-11-27", "2026-12-25"),
      dates(MONTHLY_WEEKDAY.occurrences(first, 12)));
  }

  @Test
  void aFourthFridayThatIsAlsoTheLastMeansTheLastFriday() {
    ZonedDateTime first = at("2026-02-27T15:00-08:00[America/Los_Angeles]");
    assertEquals(dates("2026-02-27", "2026-03-27", "2026-04-24", "2026-05-29"), dates(MONTHLY_WEEKDAY.occurrences(first, 4)));
  }

  @Test
  void aFourthTuesdayThatIsNotTheLastStaysTheFourth() {
    ZonedDateTime first = at("2026-03-24T15:00-07:00[America/Los_Angeles]");
    assertEquals(dates("2026-03-24", "2026-04-28", "2026-05-26", "2026-06-23"), dates(MONTHLY_WEEKDAY.occurrences(first, 4)));
  }

  @Test
  void everyThreeMonthsKeepsTheWeekdayOfTheMonth() {
    ZonedDateTime first = at("2026-01-13T10:00-08:00[America/Los_Angeles]");
    assertEquals(dates("2026-01-13", "2026-04-14", "2026-07-14", "2026-10-13", "2027-01-12"),
      dates(new Recurrence(Frequency.MONTHLY_WEEKDAY, 3).occurrences(first, 5)));
  }

  @Test
  void aMonthlyWeekdayMeetingThatLandsInTheSpringForwardGapMovesAheadByTheGap() {
    // The 2nd Sunday of March 2026 is the change day in Los Angeles.
    ZonedDateTime first = at("2026-02-08T02:30-08:00[America/Los_Angeles]");
    assertEquals(all(
      "2026-02-08T02:30-08:00[America/Los_Angeles]",
      "2026-03-08T03:30-07:00[America/Los_Angeles]",
      "2026-04-12T02:30-07:00[America/Los_Angeles]"), MONTHLY_WEEKDAY.occurrences(first, 3));
  }

  @Test
  void aMonthlySeriesOnThe31stKeepsItsDayAfterShortMonths() {
    ZonedDateTime first = at("2026-01-31T16:00-08:00[America/Los_Angeles]");
    assertEquals(dates("2026-01-31", "2026-02-28", "2026-03-31", "2026-04-30", "2026-05-31", "2026-06-30"),
      dates(MONTHLY.occurrences(first, 6)));
    assertEquals(dates("2028-01-31", "2028-02-29", "2028-03-31"),
      dates(MONTHLY.occurrences(at("2028-01-31T16:00-08:00[America/Los_Angeles]"), 3)));
  }

  @Test
  void everyTwoMonthsFromThe30thIsCountedFromTheFirstDate() {
    ZonedDateTime first = at("2025-12-30T09:00-08:00[America/Los_Angeles]");
    assertEquals(dates("2025-12-30", "2026-02-28", "2026-04-30", "2026-06-30"),
      dates(new Recurrence(Frequency.MONTHLY, 2).occurrences(first, 4)));
  }

  @Test
  void aWeeklyMeetingInSydneyFollowsSouthernHemisphereDaylightSaving() {
    ZonedDateTime first = at("2026-03-20T10:00+11:00[Australia/Sydney]");
    List<ZonedDateTime> meetings = WEEKLY.occurrences(first, 30);
    assertEquals(at("2026-04-03T10:00+11:00[Australia/Sydney]"), meetings.get(2));
    assertEquals(at("2026-04-10T10:00+10:00[Australia/Sydney]"), meetings.get(3));
    assertEquals(at("2026-10-02T10:00+10:00[Australia/Sydney]"), meetings.get(28));
    assertEquals(at("2026-10-09T10:00+11:00[Australia/Sydney]"), meetings.get(29));
    assertTrue(meetings.stream().allMatch(m -> m.toLocalTime().equals(LocalTime.of(10, 0))));
  }

  @Test
  void theCountBoundsAreAccepted() {
    ZonedDateTime first = at("2026-01-13T10:00-08:00[America/Los_Angeles]");
    assertEquals(List.of(first), WEEKLY.occurrences(first, 1));
    List<ZonedDateTime> longest = new Recurrence(Frequency.MONTHLY_WEEKDAY, 12).occurrences(first, 104);
    assertEquals(104, longest.size());
    ZonedDateTime last = longest.get(103);
    assertEquals(2129, last.getYear());
    assertEquals(DayOfWeek.TUESDAY, last.getDayOfWeek());
    assertEquals(2, (last.getDayOfMonth() - 1) / 7 + 1);
  }

  @ParameterizedTest
  @ValueSource(ints = {-1, 0, 13})
  void anIntervalOutside1To12IsRejected(int interval) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
      () -> new Recurrence(Frequency.WEEKLY, interval));
    assertEquals("interval must be 1 to 12, was " + interval, e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(ints = {-1, 0, 105})
  void aCountOutside1To104IsRejected(int count) {
    ZonedDateTime first = at("2026-01-13T10:00-08:00[America/Los_Angeles]");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> WEEKLY.occurrences(first, count));
    assertEquals("count must be 1 to 104, was " + count, e.getMessage());
  }

  @Test
  void missingArgumentsAreRejected() {
    assertThrows(NullPointerException.class, () -> new Recurrence(null, 1));
    assertThrows(NullPointerException.class, () -> WEEKLY.occurrences(null, 1));
  }
}

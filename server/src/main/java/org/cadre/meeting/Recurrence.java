package org.cadre.meeting;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjuster;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How a meeting repeats: every {@code interval} weeks, or every {@code interval} months on the same day of the month
 * or on the same weekday of the month, at the same local wall-clock time in the first meeting's zone, whatever
 * daylight saving does to the offset. Every occurrence is computed from the first, never from the one before, so a
 * short month does not move the rest of the series.
 */
public record Recurrence(Frequency frequency, int interval) {

  public static final int MAX_INTERVAL = 12;
  public static final int MAX_COUNT = 104;

  /**
   * WEEKLY keeps the weekday; MONTHLY keeps the day of the month (the 31st falls on the last day of shorter months);
   * MONTHLY_WEEKDAY keeps the weekday's place in the month ("2nd Tuesday", "last Friday").
   */
  public enum Frequency {
    WEEKLY,
    MONTHLY,
    MONTHLY_WEEKDAY
  }

  public Recurrence {
    Objects.requireNonNull(frequency, "frequency");
    if (interval < 1 || interval > MAX_INTERVAL) {
      throw new IllegalArgumentException("interval must be 1 to " + MAX_INTERVAL + ", was " + interval);
    }
  }

  /**
   * The first {@code count} meetings, starting with {@code first} itself, in {@code first}'s zone (which should be the
   * team's region, such as America/Los_Angeles, not a fixed offset). A monthly meeting on the 29th to 31st falls on
   * the last day of months that are shorter. A monthly-weekday meeting on the 5th such weekday, or on the last one of
   * its month, falls on the last such weekday of every month. Later meetings are placed by local date
   * and time as {@code ZonedDateTime.ofLocal(local, zone, null)} does: a time skipped by a spring-forward gap moves
   * forward by the gap's length (02:30 becomes 03:30), and a time repeated at fall-back takes the earlier offset.
   *
   * @param count 1 to {@link #MAX_COUNT}
   */
  public List<ZonedDateTime> occurrences(ZonedDateTime first, int count) {
    Objects.requireNonNull(first, "first");
    if (count < 1 || count > MAX_COUNT) {
      throw new IllegalArgumentException("count must be 1 to " + MAX_COUNT + ", was " + count);
    }
    LocalDate start = first.toLocalDate();
    LocalTime time = first.toLocalTime();
    List<ZonedDateTime> occurrences = new ArrayList<>(count);
    occurrences.add(first);
    for (int k = 1; k < count; k++) {
      occurrences.add(ZonedDateTime.ofLocal(date(start, k).atTime(time), first.getZone(), null));
    }
    return occurrences;
  }

  private LocalDate date(LocalDate start, int k) {
    long step = (long) k * interval;
    return switch (frequency) {
      case WEEKLY -> start.plusWeeks(step);
      // plusMonths clamps to the month's last day, and each step starts from the series' first date.
      case MONTHLY -> start.plusMonths(step);
      case MONTHLY_WEEKDAY -> start.withDayOfMonth(1).plusMonths(step).with(sameWeekdayOfMonth(start));
    };
  }

  private static TemporalAdjuster sameWeekdayOfMonth(LocalDate date) {
    DayOfWeek weekday = date.getDayOfWeek();
    int ordinal = (date.getDayOfMonth() - 1) / 7 + 1;
    boolean last = date.getDayOfMonth() + 7 > date.lengthOfMonth();
    return last ? TemporalAdjusters.lastInMonth(weekday) : TemporalAdjusters.dayOfWeekInMonth(ordinal, weekday);
  }
}

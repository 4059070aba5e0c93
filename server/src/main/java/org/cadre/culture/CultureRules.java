package org.cadre.culture;

import java.math.BigDecimal;
import java.util.List;

/**
 * Every threshold and default of the scoring rules (docs/culture-continuum.md) in one value, so that each result can show
 * the numbers it was held against. Shares are fractions (0.75 is 75%). {@link #defaults()} holds the spec's numbers.
 */
public record CultureRules(Evidence evidence, StrandA a, StrandB b, StrandC c, Bands bands) {

  public static CultureRules defaults() {
    return new CultureRules(
      new Evidence(90, 180, 21, 4, 10),
      new StrandA(
        0.50, 0.80, 0.75, // A1
        0.50, 0.75, // A2
        0.50, 2, 0.50, // A3
        0.50, 45, // A4
        0.50, 0.50, 0.75, // A5
        0.25, 0.50, 0.25, 0.75), // A6
      new StrandB(2, 30, 0.75),
      new StrandC(
        0.50, 0.75, 2, 0.75, // C1
        24, 0.50, 0.75, 0.75, 0.75, // C2
        0.75, 0.50, 0.90, 0.75, // C3
        0.50, 0.75, // C4
        0.75, 0.50, 0.75, // C5
        0.25, 0.75), // C6
      new Bands(new BigDecimal("1.67"), new BigDecimal("2.34"),
        List.of(new BigDecimal("1.4"), new BigDecimal("1.8"), new BigDecimal("2.2"), new BigDecimal("2.6")),
        List.of(new BigDecimal("-0.30"), new BigDecimal("-0.05"), new BigDecimal("0.10"), new BigDecimal("0.30"))));
  }

  /**
   * The window and the minimum evidence.
   *
   * @param windowDays             the default window
   * @param longCadenceWindowDays  the default window of a team whose declared cadence is longer than...
   * @param longCadenceAboveDays   ...this many days
   * @param minMeetingsHeld        fewer held meetings in the window leave strands A and C insufficient
   * @param untimedItemMinutes     the minutes an agenda item without a timebox counts for
   */
  public record Evidence(int windowDays, int longCadenceWindowDays, int longCadenceAboveDays, int minMeetingsHeld,
                         int untimedItemMinutes) {

    public Evidence {
      if (minMeetingsHeld < 2) {
        throw new IllegalArgumentException("regularity needs a gap between two meetings: minMeetingsHeld must be at least 2");
      }
    }

    public int windowDaysFor(Integer declaredCadenceDays) {
      return declaredCadenceDays != null && declaredCadenceDays > longCadenceAboveDays ? longCadenceWindowDays : windowDays;
    }
  }

  /** Strand A, the use of data to inform inquiry; each name starts with its row. */
  public record StrandA(double a1AgendaShareDeveloping, double a1AgendaShareTransforming, double a1MeetingShare,
                        double a2MeetingShare, double a2LinkedShare,
                        double a3DataMeetingShare, int a3DataTypes, double a3ProtocolMeetingShare,
                        double a4ImplicationShare, int a4DaysPerAdjustment,
                        double a5MeetingShareDeveloping, double a5ProtocolMeetingShare, double a5PresenterShare,
                        double a6MeetingShareDeveloping, double a6MeetingShareTransforming, double a6ChallengeShare,
                        double a6GiverShare) {
  }

  /**
   * Strand B, shared beliefs, commitments and practices (B1 is rated only).
   *
   * @param b2DaysPerReview an adopted agreement is due a review every this many days of the window
   * @param b4OnTimeShare   the share of due policy reviews held on time with a disparity check
   */
  public record StrandB(int b2Agreements, int b2DaysPerReview, double b4OnTimeShare) {
  }

  /** Strand C, effective collaboration and action; each name starts with its row. */
  public record StrandC(double c1AttendanceDeveloping, double c1AttendanceTransforming, int c1MaxGapCadences,
                        double c1HeldShareOfExpected,
                        int c2HoursAhead, double c2PublishedShareDeveloping, double c2PublishedShareTransforming,
                        double c2ReminderShare, double c2AchievedShare,
                        double c3ShareDeveloping, double c3UndefinedBandFrom, double c3NormsShare, double c3ProtocolOrDebriefShare,
                        double c4DiscussedShare, double c4StructuredShare,
                        double c5OwnedShare, double c5ClaimedShare, double c5ImpactShare,
                        double c6RootCauseDeveloping, double c6RootCauseTransforming) {
  }

  /**
   * Score cut-offs. Each list holds the lowest value of every band after the first.
   *
   * @param statusFrom where low, medium, high and very high begin
   * @param changeFrom where declined, maintained, increased and increased significantly begin
   */
  public record Bands(BigDecimal developingFrom, BigDecimal transformingFrom, List<BigDecimal> statusFrom,
                      List<BigDecimal> changeFrom) {

    public Bands {
      statusFrom = List.copyOf(statusFrom);
      changeFrom = List.copyOf(changeFrom);
    }

    public Level level(BigDecimal score) {
      return Level.of(1 + bandOf(score, List.of(developingFrom, transformingFrom)));
    }

    public Status status(BigDecimal score) {
      return Status.values()[bandOf(score, statusFrom)];
    }

    public Change change(BigDecimal delta) {
      return Change.values()[bandOf(delta, changeFrom)];
    }

    /** How many bands' lower bounds the value reaches. */
    private static int bandOf(BigDecimal value, List<BigDecimal> from) {
      int band = 0;
      while (band < from.size() && value.compareTo(from.get(band)) >= 0) {
        band++;
      }
      return band;
    }
  }
}

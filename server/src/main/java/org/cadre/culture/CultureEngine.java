package org.cadre.culture;

import org.cadre.history.TeamHistory;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Scores a team history on the Collaborative Culture continuum (docs/culture-continuum.md). Pure: no I/O and no shared
 * state, so one engine may score many teams on many threads.
 */
public final class CultureEngine {

  private static final List<String> STRAND_A = List.of("A1", "A2", "A3", "A4", "A5", "A6");
  private static final List<String> STRAND_C = List.of("C1", "C2", "C3", "C4", "C5", "C6");

  private final CultureRules rules;

  public CultureEngine(CultureRules rules) {
    this.rules = rules;
  }

  public CultureRules rules() {
    return rules;
  }

  /**
   * The score for the window (asOf - windowDays, asOf], with status, change and colour when the window before it
   * (same length, ending at asOf - windowDays) can be scored too.
   *
   * @param windowDays null for the default: 90 days, or 180 for a team whose declared cadence is over 21 days
   */
  public CultureScore score(TeamHistory history, Instant asOf, Integer windowDays) {
    int days = windowDays != null ? windowDays : rules.evidence().windowDaysFor(history.cadenceDays());
    if (days < 1) {
      throw new IllegalArgumentException("windowDays must be at least 1, not " + days);
    }
    Team team = new Team(history);
    CultureScore now = scoreWindow(new Window(team, rules, asOf, days, true));
    // Only the score of the window before counts, so its rows keep no detail.
    BigDecimal before = scoreWindow(new Window(team, rules, asOf.minus(Duration.ofDays(days)), days, false)).score();
    if (now.score() == null || before == null) {
      return withPrevious(now, before, null, null);
    }
    Status status = rules.bands().status(now.score());
    Change change = rules.bands().change(now.score().subtract(before));
    return withPrevious(now, before, status, change);
  }

  private static CultureScore withPrevious(CultureScore now, BigDecimal before, Status status, Change change) {
    return new CultureScore(now.asOf(), now.windowDays(), now.meetingsHeld(), now.level(), now.score(), now.strands(),
      now.rows(), before, status, change, status == null ? null : Colour.of(status, change));
  }

  private CultureScore scoreWindow(Window w) {
    boolean enough = w.enoughMeetings();
    List<RowResult> a = enough ? StrandA.rows(w) : insufficient(w, STRAND_A);
    List<RowResult> b = StrandB.rows(w);
    List<RowResult> c = enough ? StrandC.rows(w) : insufficient(w, STRAND_C);
    Fraction meanA = mean(a);
    Fraction meanB = mean(b);
    Fraction meanC = mean(c);
    List<StrandResult> strands = List.of(strand("A", meanA), strand("B", meanB), strand("C", meanC));
    // The overall is the mean of the unrounded strand scores, which all exist once there are enough meetings.
    BigDecimal score = enough ? meanA.plus(meanB).plus(meanC).dividedBy(3).rounded() : null;
    List<RowResult> rows = new ArrayList<>(a.size() + b.size() + c.size());
    rows.addAll(a);
    rows.addAll(b);
    rows.addAll(c);
    return new CultureScore(w.asOf, w.days, w.held.size(), score == null ? Level.INSUFFICIENT : rules.bands().level(score),
      score, strands, List.copyOf(rows), null, null, null, null);
  }

  /** The mean of the rows that have a level, or null when none has. */
  private static Fraction mean(List<RowResult> rows) {
    int sum = 0;
    int count = 0;
    for (RowResult row : rows) {
      if (row.level().scored()) {
        sum += row.level().number();
        count++;
      }
    }
    return count == 0 ? null : new Fraction(sum, count);
  }

  private StrandResult strand(String id, Fraction mean) {
    if (mean == null) {
      return new StrandResult(id, Level.INSUFFICIENT, null);
    }
    BigDecimal score = mean.rounded();
    return new StrandResult(id, rules.bands().level(score), score);
  }

  private List<RowResult> insufficient(Window w, List<String> rowIds) {
    List<String> evidence = w.heldIds();
    int min = rules.evidence().minMeetingsHeld();
    List<RowResult> rows = new ArrayList<>(rowIds.size());
    for (String id : rowIds) {
      rows.add(w.row(id)
        .measured("meetingsHeld", w.held.size())
        .threshold("meetingsHeld", min)
        .evidence(evidence)
        .insufficient(NextStep.of("next.insufficient.meetings", min), w.rating(id)));
    }
    return rows;
  }
}

package org.cadre.culture;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A team's Collaborative Culture score for one window (asOf - windowDays, asOf].
 *
 * @param score         the overall score rounded to 2 decimals; null when there were too few held meetings
 * @param previousScore the same for the window before; null when it could not be scored
 * @param status        with {@code change} and {@code colour}: null unless both scores are present
 */
public record CultureScore(Instant asOf, int windowDays, int meetingsHeld, Level level, BigDecimal score,
                           List<StrandResult> strands, List<RowResult> rows, BigDecimal previousScore,
                           Status status, Change change, Colour colour) {

  /** The row with this id (A1 ... C6). */
  public RowResult row(String id) {
    return rows.stream().filter(r -> r.id().equals(id)).findFirst()
      .orElseThrow(() -> new IllegalArgumentException("no row " + id));
  }

  /** The strand with this id (A, B or C). */
  public StrandResult strand(String id) {
    return strands.stream().filter(s -> s.id().equals(id)).findFirst()
      .orElseThrow(() -> new IllegalArgumentException("no strand " + id));
  }
}

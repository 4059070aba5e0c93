package org.cadre.culture;

import org.cadre.history.TeamHistory.Rating;

import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * What people rated a row: the median of each rater's latest rating (the lower middle one when their number is even).
 *
 * @param level  1 to 3
 * @param raters how many people's ratings the median is taken over
 */
public record RowRating(int level, int raters) {

  /** The ratings of each row as of {@code asOf}: later entries by the same person replace earlier ones; later-dated ones are ignored. */
  static Map<String, RowRating> byRow(Iterable<Rating> ratings, Instant asOf) {
    Map<String, Map<String, Integer>> latest = new HashMap<>();
    for (Rating r : ratings) {
      if (r.at() == null || !r.at().isAfter(asOf)) {
        latest.computeIfAbsent(r.row(), row -> new HashMap<>()).put(r.by(), r.level());
      }
    }
    Map<String, RowRating> byRow = new HashMap<>();
    latest.forEach((row, levels) -> {
      int[] sorted = levels.values().stream().mapToInt(Integer::intValue).toArray();
      Arrays.sort(sorted);
      byRow.put(row, new RowRating(sorted[(sorted.length - 1) / 2], sorted.length));
    });
    return byRow;
  }
}

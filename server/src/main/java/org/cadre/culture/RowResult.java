package org.cadre.culture;

import org.cadre.http.Language;

import java.util.List;
import java.util.Map;

/**
 * One continuum row's result, with what it is based on.
 *
 * @param measured   the measured values, by name (numbers, booleans, text; shares to 4 decimals)
 * @param thresholds the values they were held against, by name
 * @param evidence   ids of the meetings, action items or agreements behind the result, in document order
 * @param next       what would move the row up a level (or, at transforming, keep it there); null in a window
 *                   scored without detail
 * @param rating     what people rated the row, or null when nobody has
 */
public record RowResult(String id, Level level, Map<String, Object> measured, Map<String, Object> thresholds,
                        List<String> evidence, NextStep next, RowRating rating) {

  /** The next step in English, as the command line writes it. */
  public String nextStep() {
    return next == null ? null : Rubric.of(Language.EN).nextStep(next);
  }
}

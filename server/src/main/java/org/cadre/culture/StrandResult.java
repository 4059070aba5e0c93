package org.cadre.culture;

import java.math.BigDecimal;

/**
 * One strand (A, B or C): the mean of its rows that have a level, rounded half-up to 2 decimals.
 *
 * @param score null when no row of the strand has a level (then the level is {@link Level#INSUFFICIENT})
 */
public record StrandResult(String id, Level level, BigDecimal score) {
}

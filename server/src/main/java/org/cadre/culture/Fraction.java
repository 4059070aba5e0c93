package org.cadre.culture;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** An exact mean of row numbers, so a score rounds half-up from its true value, not from a binary approximation. */
record Fraction(long numerator, long denominator) {

  Fraction plus(Fraction other) {
    return new Fraction(numerator * other.denominator + other.numerator * denominator, denominator * other.denominator);
  }

  Fraction dividedBy(int count) {
    return new Fraction(numerator, denominator * count);
  }

  /** Rounded half-up to 2 decimals. */
  BigDecimal rounded() {
    return BigDecimal.valueOf(numerator).divide(BigDecimal.valueOf(denominator), 2, RoundingMode.HALF_UP);
  }
}

package org.cadre.board;

import java.util.ArrayList;
import java.util.List;

/**
 * Fractional index keys that order a list: a new key always fits between two others, so moving an item rewrites only
 * that item and concurrent moves never renumber the list.
 *
 * <p>A key is a base-62 fraction: digits {@code 0-9A-Za-z}, read as 0.d1d2d3..., non-empty and never ending in
 * {@code 0}, so that plain {@link String#compareTo} orders keys as numbers and there is always room between two of them.
 * Keys are deterministic: two clients that move items into the same gap at once get the same key, so sort by key, then
 * by item id. To place an item between two that share a key, first move the later one with
 * {@code between(sharedKey, keyAfterIt)}.
 */
public final class Rank {

  private static final String DIGITS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
  private static final int BASE = DIGITS.length();
  private static final char ZERO = '0';
  private static final char TOP = 'z';

  private Rank() {
  }

  /** Whether {@code key} is a well-formed rank (see the class comment); false for null. */
  public static boolean isValid(String key) {
    if (key == null || key.isEmpty() || key.charAt(key.length() - 1) == ZERO) {
      return false;
    }
    for (int i = 0; i < key.length(); i++) {
      if (DIGITS.indexOf(key.charAt(i)) < 0) {
        return false;
      }
    }
    return true;
  }

  /**
   * A key strictly between {@code before} and {@code after}; null means the start or the end of the list. Moving to
   * either end steps by one unit of the second digit: from the middle, keys stay at two characters for about 2,000
   * such moves, then grow by one character per 3,800 or so. Between two keys it takes the shortest key near their
   * middle, which grows by one character every five or six inserts into the same shrinking gap.
   *
   * @throws IllegalArgumentException if a key is malformed or {@code before} is not less than {@code after}
   */
  public static String between(String before, String after) {
    if (before != null && !isValid(before)) {
      throw new IllegalArgumentException("malformed rank '" + before + "'");
    }
    if (after != null && !isValid(after)) {
      throw new IllegalArgumentException("malformed rank '" + after + "'");
    }
    if (before != null && after != null && before.compareTo(after) >= 0) {
      throw new IllegalArgumentException("rank '" + before + "' is not before '" + after + "'");
    }
    if (before == null && after == null) {
      return midpoint("", null);
    }
    if (after == null) {
      return stepUp(before);
    }
    if (before == null) {
      return stepDown(after);
    }
    return midpoint(before, after);
  }

  /** {@code n} keys, evenly spread and as short as {@code n} allows, for numbering an existing list. */
  public static List<String> initial(int n) {
    if (n < 0) {
      throw new IllegalArgumentException("n must not be negative, was " + n);
    }
    int length = 1;
    long space = BASE;
    while (space < n + 1L) {
      space *= BASE;
      length++;
    }
    long step = space / (n + 1L);
    long offset = (space - (n - 1L) * step) / 2;
    List<String> keys = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      keys.add(key(offset + i * step, length));
    }
    return keys;
  }

  /** The fraction {@code value / BASE^length}, with trailing zeros dropped. */
  private static String key(long value, int length) {
    char[] digits = new char[length];
    for (int i = length - 1; i >= 0; i--) {
      digits[i] = DIGITS.charAt((int) (value % BASE));
      value /= BASE;
    }
    return stripZeros(digits);
  }

  /**
   * The shortest key between {@code low} and {@code high}, nearest their middle. {@code low} may be "" (zero) and
   * {@code high} null (one).
   */
  private static String midpoint(String low, String high) {
    int n = 0;
    if (high != null) {
      while (digit(low, n) == digit(high, n)) {
        n++;
      }
    }
    String prefix = high == null ? "" : high.substring(0, n);
    int lowDigit = digit(low, n);
    int highDigit = high == null ? BASE : digit(high, n);
    if (highDigit - lowDigit > 1) {
      return prefix + DIGITS.charAt((lowDigit + highDigit) / 2);
    }
    if (high != null && high.length() > n + 1) {
      return high.substring(0, n + 1);
    }
    // high is prefix + (lowDigit + 1) or one: extend low past its digit at n.
    String rest = low.length() > n + 1 ? low.substring(n + 1) : "";
    return prefix + DIGITS.charAt(lowDigit) + midpoint(rest, null);
  }

  /**
   * Adds one unit in the second digit after any leading 'z's: just above {@code key}, whose further digits are worth
   * less than the unit; up to 62 x 62 appends fit before the key grows; and it cannot carry past one.
   */
  private static String stepUp(String key) {
    char[] digits = digitsTo(key, leading(key, TOP) + 2);
    int i = digits.length - 1;
    while (digits[i] == TOP) {
      digits[i--] = ZERO;
    }
    digits[i] = DIGITS.charAt(DIGITS.indexOf(digits[i]) + 1);
    return stripZeros(digits);
  }

  /**
   * Subtracts one unit in the second digit after any leading '0's: just below {@code key}; up to 62 x 62 prepends fit
   * before the key grows; and it never reaches zero, since the digit before the unit is not '0'.
   */
  private static String stepDown(String key) {
    char[] digits = digitsTo(key, leading(key, ZERO) + 2);
    int i = digits.length - 1;
    while (digits[i] == ZERO) {
      digits[i--] = TOP;
    }
    digits[i] = DIGITS.charAt(DIGITS.indexOf(digits[i]) - 1);
    return stripZeros(digits);
  }

  /** The key's first {@code length} digits, padded with '0'. */
  private static char[] digitsTo(String key, int length) {
    char[] digits = new char[length];
    for (int i = 0; i < length; i++) {
      digits[i] = i < key.length() ? key.charAt(i) : ZERO;
    }
    return digits;
  }

  private static int leading(String key, char digit) {
    int n = 0;
    while (n < key.length() && key.charAt(n) == digit) {
      n++;
    }
    return n;
  }

  private static int digit(String key, int i) {
    return i < key.length() ? DIGITS.indexOf(key.charAt(i)) : 0;
  }

  private static String stripZeros(char[] digits) {
    int length = digits.length;
    while (digits[length - 1] == ZERO) {
      length--;
    }
    return new String(digits, 0, length);
  }
}

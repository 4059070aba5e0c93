package org.cadre.board;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RankTest {

  private static final String DIGITS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

  private static void assertBetween(String before, String key, String after) {
    assertTrue(Rank.isValid(key), () -> "invalid key " + key);
    assertTrue(before == null || before.compareTo(key) < 0, () -> key + " is not after " + before);
    assertTrue(after == null || key.compareTo(after) < 0, () -> key + " is not before " + after);
  }

  /** The key's value as a fraction scaled to {@code digits} base-62 digits. */
  private static BigInteger value(String key, int digits) {
    BigInteger value = BigInteger.ZERO;
    for (int i = 0; i < digits; i++) {
      int digit = i < key.length() ? DIGITS.indexOf(key.charAt(i)) : 0;
      value = value.multiply(BigInteger.valueOf(62)).add(BigInteger.valueOf(digit));
    }
    return value;
  }

  @Test
  void theFirstKeyOfAnEmptyListIsTheMiddleDigit() {
    assertEquals("V", Rank.between(null, null));
  }

  @Test
  void aKeyBetweenTwoOthersIsTheShortestNearTheirMiddle() {
    assertEquals("V", Rank.between("G", "k"));
    assertEquals("1V", Rank.between("1", "2"));
    assertEquals("1z", Rank.between("1y", "2"));
    assertEquals("1", Rank.between("0z", "1z"));
    assertEquals("9V", Rank.between("9", "A"));
    assertEquals("ZV", Rank.between("Z", "a"));
    assertEquals("a0V", Rank.between("a", "a1"));
    assertEquals("a00V", Rank.between("a", "a01"));
  }

  @Test
  void aKeyAtEitherEndStepsOneUnitInTheSecondDigitPastAnyLeadingExtremes() {
    assertEquals("V1", Rank.between("V", null));
    assertEquals("W", Rank.between("Vz", null));
    assertEquals("Vb", Rank.between("Vabcd", null));
    assertEquals("z01", Rank.between("z", null));
    assertEquals("Uz", Rank.between(null, "V"));
    assertEquals("0z", Rank.between(null, "1"));
    assertEquals("00z", Rank.between(null, "01"));
  }

  @Test
  void tenThousandRandomInsertsKeepTheListStrictlySortedAndEveryKeyValid() {
    Random random = new Random(42);
    List<String> list = new ArrayList<>();
    long totalLength = 0;
    for (int i = 0; i < 10_000; i++) {
      int at = random.nextInt(list.size() + 1);
      String before = at == 0 ? null : list.get(at - 1);
      String after = at == list.size() ? null : list.get(at);
      String key = Rank.between(before, after);
      assertBetween(before, key, after);
      list.add(at, key);
      totalLength += key.length();
    }
    for (int i = 1; i < list.size(); i++) {
      assertTrue(list.get(i - 1).compareTo(list.get(i)) < 0);
    }
    assertTrue(list.stream().allMatch(k -> k.length() <= 8), "longest " + list.stream().mapToInt(String::length).max());
    // Measured: 4.7 on average, 7 at most; a random binary search tree is about 2 ln n deep, and a digit holds ~6 levels.
    assertTrue(totalLength / 10_000.0 <= 5, "average length " + totalLength / 10_000.0);
  }

  @Test
  void randomMovesKeepTheListStrictlySorted() {
    Random random = new Random(7);
    List<String> list = new ArrayList<>(Rank.initial(50));
    for (int i = 0; i < 5_000; i++) {
      list.remove(random.nextInt(list.size()));
      int at = random.nextInt(list.size() + 1);
      String before = at == 0 ? null : list.get(at - 1);
      String after = at == list.size() ? null : list.get(at);
      String key = Rank.between(before, after);
      assertBetween(before, key, after);
      list.add(at, key);
    }
    assertTrue(list.stream().allMatch(k -> k.length() <= 8), list::toString);
  }

  @Test
  void appendingAThousandTimesKeepsKeysAtTwoCharacters() {
    String last = Rank.between(null, null);
    for (int i = 0; i < 1_000; i++) {
      String next = Rank.between(last, null);
      assertBetween(last, next, null);
      assertTrue(next.length() <= 2, next);
      last = next;
    }
  }

  @Test
  void prependingAThousandTimesKeepsKeysAtTwoCharacters() {
    String first = Rank.between(null, null);
    for (int i = 0; i < 1_000; i++) {
      String next = Rank.between(null, first);
      assertBetween(null, next, first);
      assertTrue(next.length() <= 2, next);
      first = next;
    }
  }

  @Test
  void keysAtEitherEndGrowByAboutOneCharacterPerThousandsOfMoves() {
    String last = "V";
    String first = "V";
    for (int i = 0; i < 20_000; i++) {
      last = Rank.between(last, null);
      first = Rank.between(null, first);
    }
    // Measured: 7 characters each after 20,000.
    assertTrue(last.length() <= 8, last);
    assertTrue(first.length() <= 8, first);
  }

  @Test
  void insertingIntoTheSameGapGrowsKeysByAboutOneCharacterPerFiveInserts() {
    // Halving the gap each time is the price of never renumbering: 62 digits hold about six halvings.
    String high = "V";
    for (int i = 1; i <= 500; i++) {
      high = Rank.between("G", high);
      assertTrue(high.length() <= i / 5 + 2, high);
    }
    String before = "G";
    for (int i = 1; i <= 500; i++) {
      before = Rank.between(before, "V");
      assertTrue(before.length() <= i / 5 + 2, before);
    }
  }

  @Test
  void concurrentMovesIntoTheSameGapGetTheSameKey() {
    // Callers order equal keys by item id.
    assertEquals(Rank.between("G", "V"), Rank.between("G", "V"));
    assertEquals(Rank.between(null, "G"), Rank.between(null, "G"));
    assertEquals(Rank.between("V", null), Rank.between("V", null));
  }

  @Test
  void anItemCanBePlacedBetweenTwoThatShareAKeyByFirstMovingTheLaterOne() {
    String shared = Rank.between("G", "V");
    String movedLater = Rank.between(shared, "V");
    assertBetween(shared, Rank.between(shared, movedLater), movedLater);
  }

  @Test
  void keysOutOfOrderAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> Rank.between("V", "G"));
    assertThrows(IllegalArgumentException.class, () -> Rank.between("V", "V"));
    assertThrows(IllegalArgumentException.class, () -> Rank.between("V1", "V"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "0", "V0", "a-b", "a b", "\u00e9", "V\uD83D\uDE00"})
  void malformedKeysAreRejected(String key) {
    assertFalse(Rank.isValid(key));
    assertThrows(IllegalArgumentException.class, () -> Rank.between(key, null));
    assertThrows(IllegalArgumentException.class, () -> Rank.between(null, key));
  }

  @Test
  void wellFormedKeysAreValid() {
    assertFalse(Rank.isValid(null));
    assertTrue(Rank.isValid("1"));
    assertTrue(Rank.isValid("z"));
    assertTrue(Rank.isValid("09AZaz"));
    assertTrue(Rank.isValid("000001"));
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 10, 61, 62, 63, 1_000, 3_843, 3_844, 100_000})
  void initialKeysAreSortedValidShortAndEvenlySpread(int n) {
    List<String> keys = Rank.initial(n);
    assertEquals(n, keys.size());
    int length = n < 62 ? 1 : n < 3_844 ? 2 : 3;
    for (int i = 0; i < n; i++) {
      assertTrue(Rank.isValid(keys.get(i)));
      assertTrue(keys.get(i).length() <= length, keys.get(i));
      if (i > 0) {
        assertTrue(keys.get(i - 1).compareTo(keys.get(i)) < 0);
      }
    }
    BigInteger space = BigInteger.valueOf(62).pow(length);
    BigInteger first = value(keys.get(0), length);
    BigInteger last = value(keys.get(n - 1), length);
    // Equal steps, and the room before the first key matches the room after the last one within a step.
    for (int i = 2; i < n; i++) {
      assertEquals(value(keys.get(1), length).subtract(first),
        value(keys.get(i), length).subtract(value(keys.get(i - 1), length)));
    }
    BigInteger step = n > 1 ? value(keys.get(1), length).subtract(first) : space.divide(BigInteger.TWO);
    assertTrue(first.subtract(space.subtract(last)).abs().compareTo(step) <= 0);
  }

  @Test
  void noInitialKeysForAnEmptyListAndNoneForANegativeCount() {
    assertEquals(List.of(), Rank.initial(0));
    assertThrows(IllegalArgumentException.class, () -> Rank.initial(-1));
  }

  @Test
  void initialKeysForThreeItemsAreSingleDigitsAQuarterApart() {
    assertEquals(List.of("G", "V", "k"), Rank.initial(3));
    assertEquals(List.of("V"), Rank.initial(1));
  }
}

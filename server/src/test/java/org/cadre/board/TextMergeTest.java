package org.cadre.board;

import org.cadre.board.TextMerge.Conflict;
import org.cadre.board.TextMerge.Merged;
import org.cadre.board.TextMerge.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TextMergeTest {

  private static final String PARAGRAPHS = """
    The team meets on Tuesdays to review the week.
    
    Budget questions go to the district office before Friday.
    
    Volunteers sign up for the spring fair at the front desk.""";

  private static String merged(String base, String edited, String current) {
    Result result = TextMerge.merge(base, edited, current);
    return assertInstanceOf(Merged.class, result, () -> "expected a merge, got a conflict").text();
  }

  private static void assertConflict(String base, String edited, String current) {
    Result result = TextMerge.merge(base, edited, current);
    assertEquals(new Conflict(current), result);
  }

  private static boolean isValidUtf16(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c)) {
        if (i + 1 == s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
          return false;
        }
        i++;
      } else if (Character.isLowSurrogate(c)) {
        return false;
      }
    }
    return true;
  }

  @Test
  void whenNothingChangedSinceTheBaseTheEditIsStoredAsIs() {
    assertEquals("new text", merged("old text", "new text", "old text"));
  }

  @Test
  void anEditThatChangesNothingKeepsWhatIsStored() {
    assertEquals("someone else's text", merged("old text", "old text", "someone else's text"));
  }

  @Test
  void anEditAlreadyStoredIsNotAppliedTwice() {
    assertEquals("new text", merged("old text", "new text", "new text"));
  }

  @Test
  void theSameChangeMadeByBothIsKeptOnceAlongsideOtherChanges() {
    String base = "Meet at noon. Bring snacks.";
    String edited = "Meet at one. Bring snacks.";
    String current = "Meet at one. Bring snacks and water.";
    assertEquals("Meet at one. Bring snacks and water.", merged(base, edited, current));
  }

  @Test
  void editsToDifferentParagraphsAreBothKept() {
    String edited = PARAGRAPHS.replace("review the week", "review the week and plan the next one");
    String current = PARAGRAPHS.replace("at the front desk", "at the front desk or online");
    String result = merged(PARAGRAPHS, edited, current);
    assertEquals(PARAGRAPHS.replace("review the week", "review the week and plan the next one")
      .replace("at the front desk", "at the front desk or online"), result);
  }

  @Test
  void aDeletionAndAnEditInDifferentParagraphsAreBothKept() {
    String edited = PARAGRAPHS.replace("Budget questions go to the district office before Friday.", "");
    String current = PARAGRAPHS.replace("spring fair", "summer fair");
    assertEquals(edited.replace("spring fair", "summer fair"), merged(PARAGRAPHS, edited, current));
  }

  @Test
  void insertionsAtTheSamePlaceAreBothKeptWithTheStoredOneFirst() {
    String base = "Agenda: ";
    assertEquals("Agenda: budget. hiring.", merged(base, base + "hiring.", base + "budget. "));
    // Whoever saves second lands second, whichever text it is.
    assertEquals("Agenda: hiring.budget. ", merged(base, base + "budget. ", base + "hiring."));
  }

  @Test
  void theSameInputsAlwaysMergeTheSameWay() {
    String base = "a b c d e f g";
    String edited = "a X b c d e Y f g";
    String current = "a b Z c d e f W g";
    String first = merged(base, edited, current);
    for (int i = 0; i < 20; i++) {
      assertEquals(first, merged(base, edited, current));
    }
    assertEquals("a X b Z c d e Y f W g", first);
  }

  @Test
  void deletingASentenceSomeoneElseEditedIsAConflict() {
    String edited = PARAGRAPHS.replace("Budget questions go to the district office before Friday.", "");
    String current = PARAGRAPHS.replace("before Friday", "before Thursday noon");
    assertConflict(PARAGRAPHS, edited, current);
  }

  @Test
  void editingASentenceSomeoneElseDeletedIsAConflict() {
    String edited = PARAGRAPHS.replace("before Friday", "before Thursday noon");
    String current = PARAGRAPHS.replace("Budget questions go to the district office before Friday.", "");
    assertConflict(PARAGRAPHS, edited, current);
  }

  @Test
  void editingAWordThatSurvivedSomeoneElsesRewriteIsAConflict() {
    String base = "The meeting is on Monday at noon. Bring snacks.";
    String edited = "We gather on Friday at the lake. Bring snacks.";
    assertConflict(base, edited, base.replace(" at ", " around "));
    String fruit = base.replace("snacks", "fruit");
    assertEquals("We gather on Friday at the lake. Bring fruit.", merged(base, edited, fruit));
  }

  @Test
  void insertionsNeverConflictWithOneAnother() {
    String base = "alpha beta gamma";
    String edited = "alpha one beta three gamma";
    String current = "new alpha two beta gamma four";
    assertEquals("new alpha two one beta three gamma four", merged(base, edited, current));
  }

  @Test
  void changingTheSameWordDifferentlyIsAConflict() {
    assertConflict("Meet on Tuesday.", "Meet on Wednesday.", "Meet on Thursday.");
  }

  @Test
  void aChangeRightNextToSomeoneElsesChangeIsAConflict() {
    // "and water" was written to follow "snacks", and "black" to describe the cat: neither fits what replaced them.
    assertConflict("Bring snacks.", "Bring snacks and water.", "Bring fruit.");
    assertConflict("The cat sat.", "The black cat sat.", "The sat.");
  }

  @Test
  void editingAFieldSomeoneElseClearedIsAConflict() {
    assertConflict("Bring snacks.", "Bring snacks and water.", "");
  }

  @Test
  void clearingAFieldSomeoneElseEditedIsAConflict() {
    assertConflict("Bring snacks.", "", "Bring snacks and water.");
  }

  @Test
  void writingIntoAClearedFieldReplacesItsText() {
    assertEquals("Fresh notes.", merged("", "Fresh notes.", ""));
    assertEquals("Fresh notes.", merged("Old notes.", "Fresh notes.", "Old notes."));
  }

  @Test
  void twoPeopleWritingIntoAnEmptyFieldKeepBothTexts() {
    assertEquals("Stored first.Saved second.", merged("", "Saved second.", "Stored first."));
  }

  @Test
  void emojiAddedInDifferentPlacesAreBothKeptAsValidText() {
    String base = "Launch \uD83D\uDE80 party";
    String edited = "Launch \uD83D\uDE80 party \uD83C\uDF89";
    String current = "\uD83D\uDC4D Launch \uD83D\uDE80 party";
    String result = merged(base, edited, current);
    assertEquals("\uD83D\uDC4D Launch \uD83D\uDE80 party \uD83C\uDF89", result);
    assertTrue(isValidUtf16(result));
  }

  @Test
  void replacingOneEmojiWithAnotherThatSharesItsHighSurrogateMergesAsValidText() {
    // U+1F600 and U+1F601 differ only in their low surrogate: a char-by-char diff would split the pair.
    String base = "mood \uD83D\uDE00 today, plans \uD83D\uDCC5";
    String edited = "mood \uD83D\uDE01 today, plans \uD83D\uDCC5";
    String current = "mood \uD83D\uDE00 today, plans \uD83D\uDCC5 \uD83D\uDE00";
    String result = merged(base, edited, current);
    assertEquals("mood \uD83D\uDE01 today, plans \uD83D\uDCC5 \uD83D\uDE00", result);
    assertTrue(isValidUtf16(result));
  }

  @Test
  void replacingOneEmojiWithTwoDifferentOnesIsAConflict() {
    assertConflict("mood \uD83D\uDE00", "mood \uD83D\uDE01", "mood \uD83D\uDE02");
  }

  @Test
  void mergesOfEmojiHeavyTextAreAlwaysValidUtf16() {
    String[] pieces = {"\uD83D\uDE00", "\uD83D\uDE01", "\uD83D\uDE02", "\uD83C\uDF89", "\uD83D\uDC4D", "a", " ",
      "e\u0301"};
    Random random = new Random(7);
    int merges = 0;
    for (int round = 0; round < 2000; round++) {
      String base = randomText(random, pieces, 12);
      String edited = mutate(random, pieces, base);
      String current = mutate(random, pieces, base);
      if (TextMerge.merge(base, edited, current) instanceof Merged m) {
        merges++;
        assertTrue(isValidUtf16(m.text()), () -> "invalid UTF-16 from " + base + " / " + edited + " / " + current);
      }
    }
    assertTrue(merges > 200, "too few merges to mean anything: " + merges);
  }

  private static String randomText(Random random, String[] pieces, int length) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < length; i++) {
      text.append(pieces[random.nextInt(pieces.length)]);
    }
    return text.toString();
  }

  /** Replaces one code point-aligned span of the text with random pieces. */
  private static String mutate(Random random, String[] pieces, String text) {
    int[] points = text.codePoints().toArray();
    int from = random.nextInt(points.length + 1);
    int to = Math.min(points.length, from + random.nextInt(3));
    return new String(points, 0, from) + randomText(random, pieces, random.nextInt(3))
      + new String(points, to, points.length - to);
  }

  @Test
  void largeTextsMergeEditsAtTheStartMiddleAndEnd() {
    Random random = new Random(11);
    StringBuilder text = new StringBuilder();
    while (text.length() < 10_000) {
      text.append("word").append(random.nextInt(100_000)).append(random.nextInt(10) == 0 ? ".\n" : " ");
    }
    String base = text.toString();
    int middle = base.indexOf(' ', base.length() / 2);
    String edited = "HEADLINE " + base.substring(0, middle) + " INSERTED" + base.substring(middle);
    String current = base.substring(0, base.length() - 200) + " TAIL";
    String result = merged(base, edited, current);
    assertEquals("HEADLINE " + base.substring(0, middle) + " INSERTED" + base.substring(middle, base.length() - 200)
      + " TAIL", result);
  }

  @Test
  void aWholesaleRewriteOfALargeTextKeepsAWordSomeoneElseAppended() {
    Random random = new Random(13);
    String base = randomText(random, new String[]{"alpha ", "beta ", "gamma\n", "delta "}, 2000);
    String edited = randomText(random, new String[]{"one ", "two ", "three\n"}, 2500);
    assertEquals(edited + "appended", merged(base, edited, base + "appended"));
  }

  @Test
  void aRewriteWithMoreDistinctWordsThanTheDiffCanCodeStillMergesCorrectly() {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 70_000; i++) {
      text.append('w').append(i).append(' ');
    }
    String base = text.toString();
    String edited = base.replace("w3 ", "three ").replace("w69990 ", "w69990 late ");
    String current = base.replace("w1000 ", "thousand ");
    assertEquals(edited.replace("w1000 ", "thousand "), merged(base, edited, current));
  }

  /**
   * Two clients keep local copies, each types 20 words one at a time, and saves at random moments against whatever base
   * it last synced, interleaved with the other.
   */
  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10})
  void concurrentInsertionsFromStaleBasesNeverConflictAndAllSurvive(long seed) {
    Random random = new Random(seed);
    String[] stored = {"one two three four five six seven eight nine ten"};
    List<Client> clients = List.of(new Client("A", stored[0]), new Client("B", stored[0]));
    while (clients.stream().anyMatch(c -> c.typed < 20 || c.unsaved)) {
      Client client = clients.get(random.nextInt(2));
      if (client.typed < 20 && (!client.unsaved || random.nextInt(3) > 0)) {
        client.type(random);
      } else if (client.unsaved) {
        Result result = TextMerge.merge(client.base, client.local, stored[0]);
        stored[0] = assertInstanceOf(Merged.class, result).text();
        client.synced(stored[0]);
      }
    }
    List<String> words = List.of(stored[0].split(" "));
    for (Client client : clients) {
      for (int i = 0; i < 20; i++) {
        String token = client.name + i;
        assertEquals(1, words.stream().filter(token::equals).count(), () -> token + " in " + stored[0]);
      }
    }
    assertEquals(10 + 40, words.size(), stored[0]);
  }

  private static final class Client {
    final String name;
    String base;
    String local;
    int typed;
    boolean unsaved;

    Client(String name, String text) {
      this.name = name;
      synced(text);
    }

    void synced(String text) {
      base = text;
      local = text;
      unsaved = false;
    }

    /** Inserts the next word before a random space (or at the end), as typing does. */
    void type(Random random) {
      List<Integer> gaps = new ArrayList<>();
      for (int i = 0; i <= local.length(); i++) {
        if (i == local.length() || local.charAt(i) == ' ') {
          gaps.add(i);
        }
      }
      int at = gaps.get(random.nextInt(gaps.size()));
      local = local.substring(0, at) + " " + name + typed++ + local.substring(at);
      unsaved = true;
    }
  }

  @Test
  void randomEditsToWordsAtLeastOneWordApartMergeToExactlyBothEdits() {
    Random random = new Random(5);
    for (int round = 0; round < 500; round++) {
      char[] owner = new char[40];
      for (int i = 0; i < owner.length; i++) {
        char side = random.nextInt(6) == 0 ? 'E' : random.nextInt(5) == 0 ? 'C' : '.';
        // Keeps at least one untouched word between the two sides' edits.
        owner[i] = i > 0 && owner[i - 1] != '.' && owner[i - 1] != side ? '.' : side;
      }
      int[] ops = random.ints(owner.length, 0, 3).toArray();
      String base = words(owner, ops, '-');
      String result = merged(base, words(owner, ops, 'E'), words(owner, ops, 'C'));
      assertEquals(words(owner, ops, '*'), result, "round " + round);
    }
  }

  @Test
  void randomDifferentEditsToOneWordAlwaysConflict() {
    Random random = new Random(6);
    for (int round = 0; round < 200; round++) {
      List<String> mine = new ArrayList<>(IntStream.range(0, 40).mapToObj(i -> "w" + i).toList());
      List<String> theirs = new ArrayList<>(mine);
      String base = String.join(" ", mine);
      int target = random.nextInt(mine.size());
      mine.set(target, "mine");
      if (random.nextBoolean()) {
        theirs.set(target, "theirs");
      } else {
        theirs.remove(target);
      }
      assertConflict(base, String.join(" ", mine), String.join(" ", theirs));
    }
  }

  /**
   * Word i is "w{i}"; where {@code owner[i]} is {@code side} ('E' or 'C'; '*' for both, '-' for neither), it is
   * replaced, deleted or followed by a new word, by {@code ops[i]}.
   */
  private static String words(char[] owner, int[] ops, char side) {
    List<String> words = new ArrayList<>();
    for (int i = 0; i < owner.length; i++) {
      boolean edited = owner[i] != '.' && (side == '*' || side == owner[i]);
      if (!edited) {
        words.add("w" + i);
      } else if (ops[i] == 0) {
        words.add("r" + i);
      } else if (ops[i] == 1) {
        words.add("w" + i);
        words.add("n" + i);
      }
    }
    return String.join(" ", words);
  }

  @Test
  void nullTextsAreRejected() {
    assertThrows(NullPointerException.class, () -> TextMerge.merge(null, "a", "b"));
    assertThrows(NullPointerException.class, () -> TextMerge.merge("a", null, "b"));
    assertThrows(NullPointerException.class, () -> TextMerge.merge("a", "b", null));
  }
}

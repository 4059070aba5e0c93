package org.cadre.board;

import org.bitbucket.cowwoc.diffmatchpatch.DiffMatchPatch;
import org.bitbucket.cowwoc.diffmatchpatch.DiffMatchPatch.Diff;
import org.bitbucket.cowwoc.diffmatchpatch.DiffMatchPatch.Operation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Three-way merge of concurrent edits to one text field: an editor's changes are applied onto what is stored now, or
 * refused when someone else changed the same part.
 */
public final class TextMerge {

  /** What {@link #merge} decided. */
  public sealed interface Result permits Merged, Conflict {
  }

  /** The text to store. */
  public record Merged(String text) implements Result {
  }

  /** The editor changed text that someone else changed too; {@code current} is what is stored now, to show them. */
  public record Conflict(String current) implements Result {
  }

  /** Codes the base may take, leaving the rest for the other text (diff-match-patch splits its line codes alike). */
  private static final int BASE_TOKENS = 40_000;
  private static final int ALL_TOKENS = Character.MAX_VALUE + 1;

  private TextMerge() {
  }

  /**
   * Diffs base to edited (the editor's changes) and base to current (everyone else's) word by word, so each change has
   * an exact place in {@code base} and nothing is located by fuzzy matching, then applies the editor's changes onto
   * {@code current}. If any of them overlaps or touches one of the others' changes, the answer is a {@link Conflict}:
   * nothing is partly applied or guessed. Insertions never conflict with each other; two at the same point are both
   * kept, the stored one first. A change both sides made identically is kept once. Deterministic.
   *
   * <p>The diff costs about the text's length times the amount changed: a wholesale rewrite of 10,000 characters takes
   * around 0.1 s, of 50,000 over a second, so run long texts off the event loop.
   *
   * @param base    the text the editor started from
   * @param edited  the editor's new text
   * @param current the text stored now, which may include others' edits made since {@code base}
   */
  public static Result merge(String base, String edited, String current) {
    Objects.requireNonNull(base, "base");
    Objects.requireNonNull(edited, "edited");
    Objects.requireNonNull(current, "current");
    if (current.equals(base)) {
      return new Merged(edited);
    }
    if (edited.equals(base) || edited.equals(current)) {
      return new Merged(current);
    }
    List<Hunk> mine = hunks(base, edited);
    List<Hunk> theirs = hunks(base, current);
    StringBuilder merged = new StringBuilder(current.length() + Math.max(0, edited.length() - base.length()));
    int copied = 0;
    int i = 0;
    int j = 0;
    while (i < mine.size() || j < theirs.size()) {
      Hunk m = i < mine.size() ? mine.get(i) : null;
      Hunk t = j < theirs.size() ? theirs.get(j) : null;
      Hunk next;
      if (m != null && t != null && m.equals(t)) {
        next = t;
        i++;
        j++;
      } else if (m != null && t != null && m.collides(t)) {
        return new Conflict(current);
      } else if (m == null || (t != null && t.start <= m.start)) {
        // Equal starts that do not collide are two insertions at one point: the stored text goes first.
        next = t;
        j++;
      } else {
        next = m;
        i++;
      }
      merged.append(base, copied, next.start).append(next.text);
      copied = next.end;
    }
    return new Merged(merged.append(base, copied, base.length()).toString());
  }

  /** The changes from base to text, each replacing base[start, end) with text; in order, never adjacent. */
  private static List<Hunk> hunks(String base, String text) {
    // Only the differing middle is tokenized, which keeps the token codes below their limit in all but huge rewrites.
    int prefix = 0;
    while (prefix < Math.min(base.length(), text.length()) && base.charAt(prefix) == text.charAt(prefix)) {
      prefix++;
    }
    while (!isTokenBoundary(base, prefix) || !isTokenBoundary(text, prefix)) {
      prefix--;
    }
    int suffix = 0;
    while (suffix < Math.min(base.length(), text.length()) - prefix
      && base.charAt(base.length() - 1 - suffix) == text.charAt(text.length() - 1 - suffix)) {
      suffix++;
    }
    while (!isTokenBoundary(base, base.length() - suffix) || !isTokenBoundary(text, text.length() - suffix)) {
      suffix--;
    }
    Map<String, Character> codes = new HashMap<>();
    List<String> tokens = new ArrayList<>();
    String from = encode(base.substring(prefix, base.length() - suffix), BASE_TOKENS, codes, tokens);
    String to = encode(text.substring(prefix, text.length() - suffix), ALL_TOKENS, codes, tokens);
    DiffMatchPatch dmp = new DiffMatchPatch();
    // No time limit: a diff cut short depends on the machine's speed, and the merge must be deterministic.
    dmp.diffTimeout = 0;
    List<Hunk> hunks = new ArrayList<>();
    int at = prefix;
    int start = -1;
    StringBuilder inserted = new StringBuilder();
    for (Diff diff : dmp.diffMain(from, to, false)) {
      String decoded = decode(diff.text, tokens);
      if (diff.operation == Operation.EQUAL) {
        if (start >= 0) {
          hunks.add(new Hunk(start, at, inserted.toString()));
          start = -1;
          inserted.setLength(0);
        }
        at += decoded.length();
        continue;
      }
      if (start < 0) {
        start = at;
      }
      if (diff.operation == Operation.DELETE) {
        at += decoded.length();
      } else {
        inserted.append(decoded);
      }
    }
    if (start >= 0) {
      hunks.add(new Hunk(start, at, inserted.toString()));
    }
    return joinRewrites(hunks, base);
  }

  /**
   * Joins two changes when the unchanged text between them is no longer than what either deletes: words that happen to
   * survive a rewritten sentence belong to the rewrite, so someone else's edit to them must collide with it. Insertions
   * delete nothing, so they are never joined.
   */
  private static List<Hunk> joinRewrites(List<Hunk> hunks, String base) {
    List<Hunk> joined = new ArrayList<>();
    for (Hunk hunk : hunks) {
      while (!joined.isEmpty()) {
        Hunk last = joined.get(joined.size() - 1);
        int gap = hunk.start - last.end;
        if (gap > last.end - last.start || gap > hunk.end - hunk.start) {
          break;
        }
        joined.remove(joined.size() - 1);
        hunk = new Hunk(last.start, hunk.end, last.text + base.substring(last.end, hunk.start) + hunk.text);
      }
      joined.add(hunk);
    }
    return joined;
  }

  /**
   * One char per token, as diff-match-patch does for lines. Tokens are words (letters, digits and combining marks) and
   * single other code points, so a change never splits a word or a surrogate pair.
   */
  private static String encode(String text, int limit, Map<String, Character> codes, List<String> tokens) {
    StringBuilder encoded = new StringBuilder();
    int start = 0;
    while (start < text.length()) {
      String token = text.substring(start, tokenEnd(text, start));
      if (!codes.containsKey(token) && codes.size() >= limit - 1) {
        // Out of codes: the rest is one token, which only makes the diff coarser.
        token = text.substring(start);
      }
      encoded.append(codes.computeIfAbsent(token, t -> {
        tokens.add(t);
        return (char) (tokens.size() - 1);
      }));
      start += token.length();
    }
    return encoded.toString();
  }

  /** Whether a token ends at {@code at}: not inside a surrogate pair, nor between two parts of a word. */
  private static boolean isTokenBoundary(String text, int at) {
    if (at == 0 || at == text.length()) {
      return true;
    }
    if (Character.isHighSurrogate(text.charAt(at - 1)) && Character.isLowSurrogate(text.charAt(at))) {
      return false;
    }
    return !isWordPart(text.codePointBefore(at)) || !isWordPart(text.codePointAt(at));
  }

  private static int tokenEnd(String text, int start) {
    int end = start + Character.charCount(text.codePointAt(start));
    if (!isWordPart(text.codePointAt(start))) {
      return end;
    }
    while (end < text.length() && isWordPart(text.codePointAt(end))) {
      end += Character.charCount(text.codePointAt(end));
    }
    return end;
  }

  private static boolean isWordPart(int codePoint) {
    int type = Character.getType(codePoint);
    return Character.isLetterOrDigit(codePoint) || type == Character.NON_SPACING_MARK
      || type == Character.COMBINING_SPACING_MARK || type == Character.ENCLOSING_MARK;
  }

  private static String decode(String encoded, List<String> tokens) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < encoded.length(); i++) {
      text.append(tokens.get(encoded.charAt(i)));
    }
    return text.toString();
  }

  private record Hunk(int start, int end, String text) {

    boolean isInsertion() {
      return start == end;
    }

    /** Overlapping or touching changes collide, except two insertions, which are kept side by side. */
    boolean collides(Hunk other) {
      if (isInsertion() && other.isInsertion()) {
        return false;
      }
      return start <= other.end && other.start <= end;
    }
  }
}

// Client side of co-editing a text field: remote edits are merged into what the user is typing, as the server's
// org.cadre.board.TextMerge merges edits into what is stored. diff-match-patch comes from its WebJar as a classic
// script (index.html), which defines window.diff_match_patch.
const Dmp = () => new globalThis.diff_match_patch();
const DIFF_DELETE = -1;
const DIFF_INSERT = 1;

/**
 * Applies the change from `ancestor` to `remote` onto `local` (the user's text, derived from `ancestor`), and maps
 * the caret through it. Answers {text, caret, ok}; ok is false when the change could not be placed. An insertion exactly at the caret goes after it, so the caret stays
 * in the word the user is typing.
 */
export function rebase(ancestor, local, remote, caret = local.length) {
  if (remote === ancestor || local === remote) return { text: local, caret, ok: true };
  let text;
  if (local === ancestor) {
    text = remote;
  } else {
    const dmp = Dmp();
    // A remote change touching what the user changed is not guessed at (a fuzzy patch could overwrite their words).
    if (overlaps(hunks(dmp, ancestor, local), hunks(dmp, ancestor, remote))) return { text: local, caret, ok: false };
    const [patched, applied] = dmp.patch_apply(dmp.patch_make(ancestor, remote), local);
    // A change that no longer fits (the user rewrote that very part) is not guessed at: the user's text stays,
    // and their pending edit comes back from the server as an edit_conflict to resolve by hand.
    if (applied.includes(false)) return { text: local, caret, ok: false };
    text = patched;
  }
  return { text, caret: mapOffset(local, text, caret), ok: true };
}

/** The spans of `before` that `after` changed, as [start, end) pairs. */
function hunks(dmp, before, after) {
  const spans = [];
  let at = 0;
  for (const [op, chunk] of dmp.diff_main(before, after)) {
    if (op === DIFF_INSERT) spans.push([at, at]);
    else if (op === DIFF_DELETE) { spans.push([at, at + chunk.length]); at += chunk.length; } else at += chunk.length;
  }
  return spans;
}

const overlaps = (mine, theirs) => mine.some(([s1, e1]) => theirs.some(([s2, e2]) => s1 <= e2 && s2 <= e1));

/** Where offset in `before` lands in `after`. */
export function mapOffset(before, after, offset) {
  if (before === after) return offset;
  const diffs = Dmp().diff_main(before, after);
  let from = 0; // position in before
  let to = 0; // position in after
  for (const [op, chunk] of diffs) {
    if (op === DIFF_INSERT) {
      if (from < offset) to += chunk.length;
      continue;
    }
    const end = from + chunk.length;
    if (offset <= end) {
      return op === DIFF_DELETE ? to : to + (offset - from);
    }
    from = end;
    if (op !== DIFF_DELETE) to += chunk.length;
  }
  return to;
}

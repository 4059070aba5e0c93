package org.cadre.culture;

import org.cadre.history.HistoryBuilder;

import static org.cadre.history.HistoryBuilder.AS_OF;

/** Scores test histories as of {@link HistoryBuilder#AS_OF} with the spec's default rules. */
final class Scoring {

  static final CultureEngine ENGINE = new CultureEngine(CultureRules.defaults());

  private Scoring() {
  }

  static CultureScore score(HistoryBuilder history) {
    return ENGINE.score(history.build(), AS_OF, null);
  }

  static RowResult row(HistoryBuilder history, String row) {
    return score(history).row(row);
  }

  static Level level(HistoryBuilder history, String row) {
    return row(history, row).level();
  }
}

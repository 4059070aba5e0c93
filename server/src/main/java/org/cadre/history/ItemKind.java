package org.cadre.history;

/** The kind of work an agenda item does. */
public enum ItemKind {
  DATA_REVIEW, STRATEGY_SHARE, SHARE_SUCCESSES_CHALLENGES, PEER_REVIEW, PLANNING, BUSINESS, OTHER
}

package org.cadre.history;

/** What a decision changed. */
public enum DecisionKind {
  IMPLICATION, GOAL_ADJUSTMENT, STRATEGY_ADJUSTMENT, AGREEMENT, POLICY, OTHER
}

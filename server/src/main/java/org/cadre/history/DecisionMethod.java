package org.cadre.history;

/** How a decision was reached; all but leader and unrecorded are structured methods. */
public enum DecisionMethod {
  CONSENSUS, CONSENT, VOTE, FIST_TO_FIVE, LEADER, UNRECORDED;

  public boolean structured() {
    return this != LEADER && this != UNRECORDED;
  }
}

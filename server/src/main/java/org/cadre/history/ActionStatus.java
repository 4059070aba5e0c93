package org.cadre.history;

/** Where an action item stands. */
public enum ActionStatus {
  OPEN, IN_PROGRESS, DONE, DROPPED
}

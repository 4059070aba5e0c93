package org.cadre.history;

/** Whether a meeting took place; only held meetings are scored. */
public enum MeetingStatus {
  SCHEDULED, HELD, CANCELLED
}

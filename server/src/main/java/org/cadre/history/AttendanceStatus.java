package org.cadre.history;

/** How a person attended a meeting; present and late count as attended. */
public enum AttendanceStatus {
  PRESENT, LATE, ABSENT, EXCUSED;

  public boolean attended() {
    return this == PRESENT || this == LATE;
  }
}

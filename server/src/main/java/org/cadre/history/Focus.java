package org.cadre.history;

/** What an agenda item is about; the share on student outcomes drives row A1. */
public enum Focus {
  STUDENT_OUTCOMES, SUPPORT, BUSINESS, OTHER
}

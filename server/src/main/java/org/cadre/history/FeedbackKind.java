package org.cadre.history;

/** One piece of feedback given in a meeting. */
public enum FeedbackKind {
  WARM, CRITICAL, PROBING_QUESTION
}

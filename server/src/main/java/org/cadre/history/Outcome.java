package org.cadre.history;

/** Whether an agenda item reached its aim. */
public enum Outcome {
  ACHIEVED, PARTIAL, NOT_ACHIEVED
}

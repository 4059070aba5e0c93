package org.cadre.history;

/** What prompted an action item. */
public enum Origin {
  ROOT_CAUSE, INCIDENT, OTHER
}

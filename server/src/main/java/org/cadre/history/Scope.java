package org.cadre.history;

/** How far an action item reaches beyond the team. */
public enum Scope {
  TEAM, ORGANIZATION, CROSS_ORGANIZATION
}

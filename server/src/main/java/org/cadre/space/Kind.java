package org.cadre.space;

/** Space kinds, outermost first. A child's kind is always further down this list than its parent's. */
public enum Kind {
  NETWORK, DISTRICT, SITE, TEAM;

  public boolean mayContain(Kind child) {
    return child.ordinal() > ordinal();
  }
}

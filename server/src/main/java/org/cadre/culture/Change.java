package org.cadre.culture;

/** How the overall score moved since the previous window (the columns of the dashboard grid). */
public enum Change {
  DECLINED_SIGNIFICANTLY, DECLINED, MAINTAINED, INCREASED, INCREASED_SIGNIFICANTLY
}

package org.cadre.culture;

/** Where a team's overall score sits, from very low to very high (the rows of the dashboard grid). */
public enum Status {
  VERY_LOW, LOW, MEDIUM, HIGH, VERY_HIGH
}

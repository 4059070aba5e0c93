package org.cadre.history;

/** The level an equity analysis looked at. */
public enum EquityLevel {
  PERSONAL, INSTITUTIONAL, SOCIETAL
}

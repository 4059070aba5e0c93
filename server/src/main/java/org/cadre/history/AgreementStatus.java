package org.cadre.history;

/** How far an agreement has come, from first discussion to retirement. */
public enum AgreementStatus {
  DISCUSSED, OUTLINED, ADOPTED, RETIRED
}

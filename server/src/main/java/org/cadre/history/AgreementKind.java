package org.cadre.history;

/** A team agreement, or a support policy whose impact the team reviews. */
public enum AgreementKind {
  AGREEMENT, POLICY
}

package org.cadre.history;

/** What a discussion protocol is for; data protocols count in row A3. */
public enum ProtocolCategory {
  DATA, INSTRUCTION, PLANNING, REFLECTION, OTHER
}

package org.cadre.space;

/**
 * Membership roles and what each grants: in the space itself, in the spaces below it, and in the spaces above it.
 * This table is the whole permission model (see ARCHITECTURE.md).
 */
public enum Role {
  LEAD(Access.MANAGE, Access.READ, Access.NAMES),
  MEMBER(Access.WRITE, Access.NAMES, Access.NAMES),
  /** Invited from another organization: sees the shared space and nothing around it. */
  PARTNER(Access.WRITE, Access.NONE, Access.NONE),
  OBSERVER(Access.READ, Access.NAMES, Access.NAMES);

  private final Access inSpace;
  private final Access inDescendants;
  private final Access inAncestors;

  Role(Access inSpace, Access inDescendants, Access inAncestors) {
    this.inSpace = inSpace;
    this.inDescendants = inDescendants;
    this.inAncestors = inAncestors;
  }

  public Access inSpace() {
    return inSpace;
  }

  public Access inDescendants() {
    return inDescendants;
  }

  public Access inAncestors() {
    return inAncestors;
  }
}

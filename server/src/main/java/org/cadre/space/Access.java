package org.cadre.space;

/** What a user may do with one space, from least to most. */
public enum Access {
  /** The space does not exist for this user: answered as 404. */
  NONE,
  /** Its name, kind and aggregate scores only. */
  NAMES,
  /** Its content and members, without changing anything. */
  READ,
  /** Work in it: create and edit content. */
  WRITE,
  /** Everything, including its settings, members, invitations and children. */
  MANAGE;

  public boolean allows(Access needed) {
    return compareTo(needed) >= 0;
  }

  public static Access max(Access a, Access b) {
    return a.compareTo(b) >= 0 ? a : b;
  }
}

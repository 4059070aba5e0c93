package org.cadre.realtime;

import java.util.UUID;

/** Event-bus addresses: the bridged ones clients use, and the internal ones that never cross the bridge. */
public final class Addresses {

  /** Inbound request/reply address of every client command. */
  public static final String COMMAND = "cadre.command";
  /** Local: a user's rights changed ({@code {"user","space"}}, or {@code {}} for "everyone"). */
  public static final String ACCESS_CHANGED = "cadre.internal.access-changed";

  public static final String SPACE_PREFIX = "space.";
  public static final String USER_PREFIX = "user.";

  private Addresses() {
  }

  public static String space(UUID id) {
    return SPACE_PREFIX + id;
  }

  public static String user(UUID id) {
    return USER_PREFIX + id;
  }
}

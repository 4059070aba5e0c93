package org.cadre.realtime;

import java.util.UUID;

/** The event-bus addresses clients use through the bridge. */
public final class Addresses {

  /** Inbound request/reply address of every client command. */
  public static final String COMMAND = "cadre.command";

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

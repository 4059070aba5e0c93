package org.cadre.realtime;

import java.util.UUID;

/** Event-bus addresses: those clients use through the bridge, and one internal to each server. */
public final class Addresses {

  /** Inbound request/reply address of every client command. */
  public static final String COMMAND = "cadre.command";

  /** The address of the server's first frame on every socket, {@code {"type":"hello",...}}; never subscribed to. */
  public static final String HELLO = "cadre.hello";

  /** Local only: a user's memberships changed (on any server); the body is the user id. */
  public static final String ACCESS_CHANGED = "cadre.internal.access-changed";

  /** Local only, never bridged: a session or token was deleted; its hex digest is the body. */
  public static final String CREDENTIAL_REVOKED = "cadre.internal.credential-revoked";
  /** Local only: revocation notices may have been lost; re-check every open connection's credential. */
  public static final String CREDENTIALS_RECHECK = "cadre.internal.credentials-recheck";

  /** Local only: every relayed event as {space, type}, for services that react to changes (culture rescoring). */
  public static final String CHANGES = "cadre.internal.changes";
  public static final String SPACE_PREFIX = "space.";
  public static final String USER_PREFIX = "user.";
  /**
   * {@code rollup.<id>}: that the culture roll-up of a site, district or network moved, for whoever may see its
   * aggregates; the messages name only that space, so they carry nothing of the teams below.
   */
  public static final String ROLLUP_PREFIX = "rollup.";

  private Addresses() {
  }

  public static String space(UUID id) {
    return SPACE_PREFIX + id;
  }

  public static String user(UUID id) {
    return USER_PREFIX + id;
  }

  public static String rollup(UUID id) {
    return ROLLUP_PREFIX + id;
  }
}

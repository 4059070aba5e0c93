package org.cadre.space;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;
import org.cadre.http.Language;

import java.time.Instant;
import java.time.ZoneId;

/**
 * Sends an invitation's link to an address (org.cadre.notify does; this package only asks). The message is queued
 * in the invitation's own transaction, so an invitation is never made without its email or the other way round.
 */
public interface InvitationMail {

  /**
   * An invitation to mail. {@code language}: the inviter's, used when the address has no account that chose one;
   * {@code zone}: the space's, in which the expiry is written.
   */
  record Invited(String email, String inviter, String space, ZoneId zone, Role role, Instant expiresAt, String token,
                 Language language) {
  }

  /** False when this server sends no email (no SMTP server is configured). */
  boolean enabled();

  Future<Void> queue(SqlClient tx, java.util.UUID invitationId, Invited invited);

  /** After the transaction committed: send what was queued now rather than at the next check. */
  void flush();
}

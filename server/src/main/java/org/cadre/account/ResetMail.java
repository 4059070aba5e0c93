package org.cadre.account;

import io.vertx.core.Future;
import org.cadre.http.Language;

import java.time.Duration;

/** Mails a password reset link (org.cadre.notify does; this package only asks). */
public interface ResetMail {

  /** False when this server sends no email: there is then no way to ask for a reset. */
  boolean enabled();

  Future<Void> send(Principal user, Language language, String token, Duration lifetime);
}

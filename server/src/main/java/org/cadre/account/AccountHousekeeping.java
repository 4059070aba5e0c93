package org.cadre.account;

import io.vertx.core.Future;
import org.cadre.job.Job;

import java.time.Duration;
import java.util.logging.Logger;

/**
 * Hourly, on one server: purges the sessions, sign-in states, login counters, API tokens and password reset links
 * that have run out.
 */
public final class AccountHousekeeping implements Job {

  private static final Logger LOG = Logger.getLogger(AccountHousekeeping.class.getName());

  /**
   * An expired API token stays listed this long at {@code GET /api/me/tokens}, with its {@code expiresAt}, so the owner
   * of a script that stopped working can see which token ran out and when; it already authenticates nothing.
   */
  static final Duration TOKEN_GRACE = Duration.ofDays(30);

  private final AccountRepository repo;

  public AccountHousekeeping(AccountRepository repo) {
    this.repo = repo;
  }

  @Override
  public String name() {
    return "account.housekeeping";
  }

  @Override
  public Duration every() {
    return Duration.ofHours(1);
  }

  @Override
  public Future<AccountRepository.Purged> run() {
    return repo.purgeExpired(Accounts.FAILURE_WINDOW, TOKEN_GRACE).onSuccess(purged -> {
      if (purged.total() > 0) {
        LOG.info("Purged " + purged.sessions() + " expired sessions, " + purged.loginCounters() + " lapsed login counters, "
          + purged.oidcStates() + " expired sign-in states, " + purged.apiTokens() + " expired API tokens and "
          + purged.passwordResets() + " expired password reset links");
      }
    });
  }
}

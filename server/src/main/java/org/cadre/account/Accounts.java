package org.cadre.account;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.cadre.http.ApiException;

import java.time.Duration;
import java.util.List;
import java.util.logging.Logger;

/** Registration, login with throttling, and sessions. Password hashing runs on worker threads. */
public final class Accounts {

  private static final Logger LOG = Logger.getLogger(Accounts.class.getName());

  public static final Duration SESSION_LIFETIME = Duration.ofDays(14);
  /** Failed logins are counted over this window, per account and per client address. */
  static final Duration FAILURE_WINDOW = Duration.ofMinutes(15);
  static final int MAX_FAILURES_PER_ACCOUNT = 10;
  static final int MAX_FAILURES_PER_ADDRESS = 50;
  public static final int MAX_ORGANIZATION = 200;

  private final Vertx vertx;
  private final AccountRepository repo;
  private final PasswordHasher hasher;

  public Accounts(Vertx vertx, AccountRepository repo, PasswordHasher hasher) {
    this.vertx = vertx;
    this.repo = repo;
    this.hasher = hasher;
  }

  public AccountRepository repository() {
    return repo;
  }

  /** A new session: the account, and the token to set as its cookie. */
  public record Session(Principal principal, String token) {
  }

  /** Creates an account (for administrators and the demo); the organization defaults to the email's domain. */
  public Future<Principal> register(String email, String password, String name, String organization, boolean admin) {
    return hash(password).compose(hash -> repo.createUser(email, name, hash, organizationOf(email, organization), admin));
  }

  /** Self-registration: the account and its first session, stored together. */
  public Future<Session> registerAndLogIn(String email, String password, String name, String organization) {
    String token = Tokens.generate("");
    return hash(password)
      .compose(hash -> repo.createUserWithSession(email, name, hash, organizationOf(email, organization),
        Tokens.digest(token), SESSION_LIFETIME))
      .map(principal -> new Session(principal, token));
  }

  static String organizationOf(String email, String given) {
    if (given != null) {
      return given;
    }
    String domain = email.substring(email.indexOf('@') + 1);
    return domain.length() <= MAX_ORGANIZATION ? domain : domain.substring(0, MAX_ORGANIZATION);
  }

  public Future<String> hash(String password) {
    return vertx.executeBlocking(() -> hasher.hash(password), false);
  }

  /**
   * Checks the password. Every attempt counts against the account and the address until it succeeds; past the
   * limits even the right password is refused for the rest of the window.
   */
  public Future<Principal> login(String email, String password, String address) {
    String accountKey = "account:" + email;
    String addressKey = "address:" + address;
    return repo.countAttempt(List.of(accountKey, addressKey), FAILURE_WINDOW)
      .compose(counts -> {
        if (counts[0] > MAX_FAILURES_PER_ACCOUNT || counts[1] > MAX_FAILURES_PER_ADDRESS) {
          return Future.failedFuture(new ApiException(429, "too_many_attempts",
            "Too many failed logins. Try again in " + FAILURE_WINDOW.toMinutes() + " minutes.", null));
        }
        return repo.credentials(email);
      })
      .compose(creds -> vertx.executeBlocking(
          () -> hasher.verify(password, creds == null ? null : creds.passwordHash()), false)
        .compose(ok -> ok
          ? repo.forgiveAttempt(accountKey, addressKey).map(creds.principal())
          : Future.failedFuture(new ApiException(401, "invalid_credentials", "The email or password is wrong.", null))));
  }

  /** Starts a session and answers its token, to be set as the session cookie. */
  public Future<String> openSession(Principal principal) {
    String token = Tokens.generate("");
    return repo.createSession(Tokens.digest(token), principal.userId(), SESSION_LIFETIME).map(token);
  }

  /** The configured administrator: created when absent, promoted when it exists. */
  public Future<Principal> ensureAdmin(String email, String password) {
    return repo.byEmail(email).compose(existing -> {
      if (existing == null) {
        LOG.info("Creating administrator " + email);
        return register(email, password, "Administrator", null, true);
      }
      return existing.admin() ? Future.succeededFuture(existing)
        : repo.setAdmin(existing.userId()).map(new Principal(existing.userId(), existing.email(), existing.name(), true));
    });
  }
}

package org.cadre.account;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.cadre.http.ApiException;
import org.cadre.http.ErrorMessage;
import org.cadre.http.Language;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.logging.Logger;

/** Registration, login with throttling, and sessions. Password hashing runs on worker threads. */
public final class Accounts {

  private static final Logger LOG = Logger.getLogger(Accounts.class.getName());

  public static final Duration SESSION_LIFETIME = Duration.ofDays(14);
  /**
   * Failed logins are counted over this window. An address past its limit is refused for every account; an account
   * is refused only to the addresses that failed on it, so guesses from elsewhere never lock its owner out.
   */
  static final Duration FAILURE_WINDOW = Duration.ofMinutes(15);
  static final int MAX_FAILURES_PER_ADDRESS = 50;
  /** Failures on one account from one address. */
  static final int MAX_FAILURES_PER_PAIR = 10;
  /** Past this many failures on an account from all addresses together, each address gets fewer tries at it. */
  static final int ACCOUNT_UNDER_ATTACK = 10;
  static final int MAX_FAILURES_PER_PAIR_UNDER_ATTACK = 3;
  /** The longest an API token may be given to live. */
  public static final Duration MAX_TOKEN_LIFETIME = Duration.ofDays(366);
  public static final int MAX_ORGANIZATION = 200;
  /** How long a password reset link works. */
  public static final Duration RESET_LIFETIME = Duration.ofMinutes(60);
  /** Reset requests over {@link #FAILURE_WINDOW}: from one address, and for one email from anywhere. */
  static final int MAX_RESETS_PER_ADDRESS = 20;
  static final int MAX_RESETS_PER_EMAIL = 3;

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
   * Checks the password, counting the attempt in the database first (so parallel guesses and several servers share
   * one count) and forgiving it when it succeeds. The address is counted first: an attempt it refuses counts against
   * no account. Then the (account, address) pair and the account: the pair is refused after
   * {@link #MAX_FAILURES_PER_PAIR} failures, or {@link #MAX_FAILURES_PER_PAIR_UNDER_ATTACK} while the account as a
   * whole has more than {@link #ACCOUNT_UNDER_ATTACK}; an address that has not failed on the account always gets to try.
   */
  public Future<Principal> login(String email, String password, String address) {
    String account = email.toLowerCase(Locale.ROOT);
    String addressKey = "address:" + address;
    String accountKey = "account:" + account;
    String pairKey = "pair:" + account + " " + address;
    return repo.countAttempt(List.of(addressKey), FAILURE_WINDOW)
      .compose(byAddress -> byAddress[0] > MAX_FAILURES_PER_ADDRESS ? Future.failedFuture(tooManyAttempts())
        : repo.countAttempt(List.of(pairKey, accountKey), FAILURE_WINDOW))
      .compose(counts -> {
        int limit = counts[1] > ACCOUNT_UNDER_ATTACK ? MAX_FAILURES_PER_PAIR_UNDER_ATTACK : MAX_FAILURES_PER_PAIR;
        return counts[0] > limit ? Future.failedFuture(tooManyAttempts()) : repo.credentials(account);
      })
      .compose(creds -> vertx.executeBlocking(
          () -> hasher.verify(password, creds == null ? null : creds.passwordHash()), false)
        .compose(ok -> ok
          ? repo.forgiveAttempt(pairKey, List.of(addressKey, accountKey)).map(creds.principal())
          : Future.failedFuture(new ApiException(401, "invalid_credentials", null, ErrorMessage.INVALID_CREDENTIALS))));
  }

  private static ApiException tooManyAttempts() {
    return new ApiException(429, "too_many_attempts", null, ErrorMessage.TOO_MANY_ATTEMPTS, FAILURE_WINDOW.toMinutes());
  }

  /**
   * Replaces the password after checking the current one (throttled like a login), and ends every other session
   * of the user, closing their live connections; {@code keepCredential} (the caller's own session, hex) stays.
   */
  public Future<Void> changePassword(Principal principal, String current, String next, String address, String keepCredential) {
    return login(principal.email(), current, address)
      .recover(err -> Future.failedFuture(err instanceof ApiException e && e.status() == 401
        ? new ApiException(403, "wrong_password", "currentPassword", ErrorMessage.WRONG_PASSWORD)
        : err))
      .compose(ok -> hash(next))
      .compose(hash -> repo.changePassword(principal.userId(), hash, keepCredential));
  }

  /**
   * Mails a reset link to the account with this email, if there is one. The caller learns nothing either way: the
   * answer comes once the request is counted, before the account is looked up. Requests are limited per address and
   * per email (counted whether or not an account has it) like logins.
   */
  public Future<Void> requestReset(String email, String address, Language language, ResetMail mail) {
    String account = email.toLowerCase(Locale.ROOT);
    return repo.countAttempt(List.of("reset-address:" + address, "reset-email:" + account), FAILURE_WINDOW)
      .compose(counts -> {
        if (counts[0] > MAX_RESETS_PER_ADDRESS || counts[1] > MAX_RESETS_PER_EMAIL) {
          return Future.failedFuture(new ApiException(429, "too_many_attempts", null, ErrorMessage.TOO_MANY_RESETS,
            FAILURE_WINDOW.toMinutes()));
        }
        repo.byEmail(account).compose(user -> {
          if (user == null) {
            return Future.succeededFuture();
          }
          String token = Tokens.generate("pwr_");
          return repo.saveReset(Tokens.digest(token), user.userId(), RESET_LIFETIME)
            .compose(v -> mail.send(user, language, token, RESET_LIFETIME));
        }).onFailure(err -> LOG.log(java.util.logging.Level.WARNING, "Could not send a password reset link", err));
        return Future.succeededFuture();
      });
  }

  /** Sets the password from a reset link, once, and signs the user out everywhere. */
  public Future<Void> resetPassword(String token, String password) {
    io.vertx.core.buffer.Buffer digest = Tokens.digest(token);
    ApiException invalid = ApiException.invalid("token", ErrorMessage.RESET_LINK_INVALID);
    return repo.resetLive(digest)
      .compose(live -> live ? hash(password) : Future.failedFuture(invalid))
      .compose(hash -> repo.resetPassword(digest, hash))
      .compose(userId -> userId == null ? Future.failedFuture(invalid) : Future.succeededFuture());
  }

  /** Starts a session and answers its token, to be set as the session cookie. */
  public Future<String> openSession(Principal principal) {
    String token = Tokens.generate("");
    return repo.createSession(Tokens.digest(token), principal.userId(), SESSION_LIFETIME).map(token);
  }

  /**
   * The configured administrator: created when absent (or claimed, like registering, when an import named that
   * email and nobody has set a password). An account someone registered with that email is theirs, so it becomes
   * an administrator only when {@code promote} says so, keeping its password; otherwise start-up goes on without
   * an administrator and logs why.
   */
  public Future<Principal> ensureAdmin(String email, String password, boolean promote) {
    return repo.credentials(email).compose(existing -> {
      if (existing == null || existing.passwordHash() == null) {
        LOG.info("Creating administrator " + email);
        return register(email, password, "Administrator", null, true);
      }
      Principal found = existing.principal();
      if (found.admin()) {
        return Future.succeededFuture(found);
      }
      if (!promote) {
        LOG.warning("Not making " + email + " an administrator: someone already registered that email; "
          + "set CADRE_ADMIN_PROMOTE=true (--admin-promote) to promote that account, keeping its password.");
        return Future.succeededFuture();
      }
      LOG.info("Promoting the existing account " + email + " to administrator; its password is kept");
      return repo.setAdmin(found.userId()).map(new Principal(found.userId(), found.email(), found.name(), true, found.language()));
    });
  }
}

package org.cadre.account;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import org.cadre.http.ApiException;
import org.cadre.http.ErrorMessage;
import org.cadre.http.Language;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/** The SQL of accounts: users, organizations, sessions, API tokens and failed-login counters. */
public final class AccountRepository {

  /** A user row with the password hash, for login. */
  public record Credentials(Principal principal, String passwordHash) {
  }

  /**
   * NOTIFY channel carrying the hex digest of a session or API token that has just been deleted, so every
   * server closes the live connections opened with it.
   */
  public static final String CREDENTIALS_CHANNEL = "cadre_credentials";
  private static final String NOTIFY_DELETED = "select pg_notify('" + CREDENTIALS_CHANNEL + "', encode(token_hash, 'hex')) from d";

  private static final String TOKEN_LIVE = "(expires_at is null or expires_at > now())";
  private static final String PRINCIPAL_COLUMNS = "u.id, u.email, u.name, u.is_admin, u.language";

  private final Pool pool;
  private final RecentPrincipals recent = new RecentPrincipals();

  public AccountRepository(Pool pool) {
    this.pool = pool;
  }

  /**
   * Creates the user and, if new, its organization. A taken email is a 409 on field {@code email}, except for a
   * person an imported team history named who has no password yet: registering claims that account and the
   * meeting records the history gave them (its memberships wait for a lead's confirmation).
   */
  private Future<Principal> createUser(SqlClient client, String email, String name, String passwordHash,
                                      String organization, boolean admin) {
    return organizationId(client, organization)
      .compose(org -> client.preparedQuery(
          "insert into users (email, name, password_hash, organization_id, is_admin) values ($1, $2, $3, $4, $5) "
            + "on conflict ((lower(email))) do update set password_hash = excluded.password_hash, name = excluded.name, "
            + "is_admin = excluded.is_admin where users.password_hash is null "
            + "returning id")
        .execute(Tuple.of(email, name, passwordHash, org, admin)))
      .map(rows -> {
        if (rows.size() == 0) {
          throw ApiException.conflict("email_taken", "email", ErrorMessage.EMAIL_TAKEN);
        }
        return new Principal(rows.iterator().next().getUUID(0), email, name, admin, null);
      })
      .recover(err -> Future.failedFuture(isUniqueViolation(err)
        ? ApiException.conflict("email_taken", "email", ErrorMessage.EMAIL_TAKEN)
        : err));
  }

  /** A person named in an imported history: an account without a password until they register. */
  public Future<UUID> pendingUser(SqlClient client, String email, String name) {
    return organizationId(client, Accounts.organizationOf(email, null))
      .compose(org -> client.preparedQuery("insert into users (email, name, organization_id) values ($1, $2, $3) "
          + "on conflict ((lower(email))) do update set email = users.email returning id")
        .execute(Tuple.of(email, name, org)))
      .map(rows -> rows.iterator().next().getUUID(0));
  }

  /** The organization with this name (case-insensitive), created if new. */
  private static Future<UUID> organizationId(SqlClient client, String name) {
    return client.preparedQuery("insert into organizations (name) values ($1) "
        + "on conflict ((lower(name))) do update set name = organizations.name returning id")
      .execute(Tuple.of(name))
      .map(rows -> rows.iterator().next().getUUID(0));
  }

  public Future<Principal> createUser(String email, String name, String passwordHash, String organization, boolean admin) {
    return pool.withTransaction(conn -> createUser(conn, email, name, passwordHash, organization, admin));
  }

  /** Creates the user and their first session in one transaction: both or neither. */
  public Future<Principal> createUserWithSession(String email, String name, String passwordHash, String organization,
                                                 Buffer sessionHash, Duration lifetime) {
    return pool.withTransaction(conn -> createUser(conn, email, name, passwordHash, organization, false)
      .compose(principal -> insertSession(conn, sessionHash, principal.userId(), lifetime).map(principal)));
  }

  public Future<Credentials> credentials(String email) {
    return pool.preparedQuery("select " + PRINCIPAL_COLUMNS + ", u.password_hash from users u where lower(u.email) = lower($1)")
      .execute(Tuple.of(email))
      .map(rows -> rows.size() == 0 ? null
        : new Credentials(principal(rows.iterator().next()), rows.iterator().next().getString("password_hash")));
  }

  public Future<Principal> byEmail(String email) {
    return pool.preparedQuery("select " + PRINCIPAL_COLUMNS + " from users u where lower(u.email) = lower($1)")
      .execute(Tuple.of(email))
      .map(rows -> rows.size() == 0 ? null : principal(rows.iterator().next()));
  }

  /** The user's chosen language; null clears it (the browser's is used again). */
  public Future<Void> setLanguage(UUID userId, Language language) {
    return pool.preparedQuery("update users set language = $2 where id = $1")
      .execute(Tuple.of(userId, language == null ? null : language.tag())).<Void>mapEmpty()
      .onSuccess(v -> recent.forgetUser(userId));
  }

  public Future<Void> setAdmin(UUID userId) {
    return pool.preparedQuery("update users set is_admin = true where id = $1").execute(Tuple.of(userId)).<Void>mapEmpty()
      .onSuccess(v -> recent.forgetUser(userId));
  }

  /** The caller's own profile, with organization. */
  public Future<JsonObject> profile(UUID userId) {
    return pool.preparedQuery(
        "select " + PRINCIPAL_COLUMNS + ", o.id as org_id, o.name as org_name, u.created_at "
          + "from users u join organizations o on o.id = u.organization_id where u.id = $1")
      .execute(Tuple.of(userId))
      .map(rows -> {
        Row row = rows.iterator().next();
        return principal(row).toJson()
          .put("organization", new JsonObject().put("id", row.getUUID("org_id").toString()).put("name", row.getString("org_name")))
          .put("createdAt", row.getOffsetDateTime("created_at").toInstant().toString());
      });
  }

  public Future<Void> createSession(Buffer tokenHash, UUID userId, Duration lifetime) {
    return insertSession(pool, tokenHash, userId, lifetime);
  }

  private static Future<Void> insertSession(SqlClient client, Buffer tokenHash, UUID userId, Duration lifetime) {
    return client.preparedQuery("insert into sessions (token_hash, user_id, expires_at) values ($1, $2, $3)")
      .execute(Tuple.of(tokenHash, userId, OffsetDateTime.now(ZoneOffset.UTC).plus(lifetime)))
      .mapEmpty();
  }

  /** Which of these credential digests (hex) are still a live session or an existing API token. */
  public Future<java.util.Set<String>> liveCredentials(List<String> hexDigests) {
    return pool.preparedQuery("select encode(token_hash, 'hex') from sessions where encode(token_hash, 'hex') = any($1) and expires_at > now() "
        + "union select encode(token_hash, 'hex') from api_tokens where encode(token_hash, 'hex') = any($1) and " + TOKEN_LIVE)
      .execute(Tuple.tuple().addArrayOfString(hexDigests.toArray(new String[0])))
      .map(rows -> {
        java.util.Set<String> live = new java.util.HashSet<>();
        rows.forEach(row -> live.add(row.getString(0)));
        return live;
      });
  }

  /** The live session's user, remembered for a few seconds ({@link RecentPrincipals}). */
  public Future<Principal> sessionPrincipal(Buffer tokenHash) {
    return recent.get(Tokens.hex(tokenHash), () -> pool.preparedQuery("select " + PRINCIPAL_COLUMNS + ", s.expires_at"
        + " from sessions s join users u on u.id = s.user_id where s.token_hash = $1 and s.expires_at > now()")
      .execute(Tuple.of(tokenHash))
      .map(AccountRepository::live));
  }

  public Future<Void> deleteSession(Buffer tokenHash) {
    return pool.preparedQuery("with d as (delete from sessions where token_hash = $1 returning token_hash) " + NOTIFY_DELETED)
      .execute(Tuple.of(tokenHash))
      .<Void>mapEmpty()
      .onSuccess(v -> recent.forget(Tokens.hex(tokenHash)));
  }

  /** A session or token deleted on another server (its notice): its user is looked up again. */
  public void forgetCredential(String hexDigest) {
    recent.forget(hexDigest);
  }

  /** The notices may have been missed (the listener reconnected): every user is looked up again. */
  public void forgetCredentials() {
    recent.forgetAll();
  }


  /** A new API token; a null {@code expiresAt} keeps it until it is deleted. */
  public Future<UUID> createToken(UUID userId, String name, Buffer tokenHash, java.time.Instant expiresAt) {
    return pool.preparedQuery("insert into api_tokens (user_id, name, token_hash, expires_at) values ($1, $2, $3, $4) returning id")
      .execute(Tuple.of(userId, name, tokenHash, expiresAt == null ? null : OffsetDateTime.ofInstant(expiresAt, ZoneOffset.UTC)))
      .map(rows -> rows.iterator().next().getUUID(0));
  }

  /** The live token's user, remembered for a few seconds; {@code last_used_at} is stamped when it is looked up. */
  public Future<Principal> tokenPrincipal(Buffer tokenHash) {
    return recent.get(Tokens.hex(tokenHash), () -> pool.preparedQuery("with t as (update api_tokens set last_used_at = now() "
        + "where token_hash = $1 and " + TOKEN_LIVE + " returning user_id, expires_at) select " + PRINCIPAL_COLUMNS
        + ", t.expires_at from t join users u on u.id = t.user_id")
      .execute(Tuple.of(tokenHash))
      .map(AccountRepository::live));
  }

  public Future<JsonArray> listTokens(UUID userId) {
    return pool.preparedQuery("select id, name, created_at, last_used_at, expires_at from api_tokens where user_id = $1 order by created_at")
      .execute(Tuple.of(userId))
      .map(rows -> {
        JsonArray out = new JsonArray();
        for (Row row : rows) {
          OffsetDateTime used = row.getOffsetDateTime("last_used_at");
          OffsetDateTime expires = row.getOffsetDateTime("expires_at");
          out.add(new JsonObject()
            .put("id", row.getUUID("id").toString())
            .put("name", row.getString("name"))
            .put("createdAt", row.getOffsetDateTime("created_at").toInstant().toString())
            .put("lastUsedAt", used == null ? null : used.toInstant().toString())
            .put("expiresAt", expires == null ? null : expires.toInstant().toString()));
        }
        return out;
      });
  }

  public Future<Boolean> deleteToken(UUID userId, UUID tokenId) {
    return pool.preparedQuery("with d as (delete from api_tokens where id = $1 and user_id = $2 returning token_hash) " + NOTIFY_DELETED)
      .execute(Tuple.of(tokenId, userId))
      .map(rows -> rows.size() > 0)
      .onSuccess(deleted -> recent.forgetUser(userId));
  }

  /**
   * Signs the user out everywhere: deletes every session and, with {@code tokens}, every API token, notifying each
   * so the live connections opened with them close. Answers how many sessions and tokens ended.
   */
  public Future<Integer> revokeAll(UUID userId, boolean tokens) {
    return pool.preparedQuery("with s as (delete from sessions where user_id = $1 returning token_hash), "
        + "t as (delete from api_tokens where user_id = $1 and $2 returning token_hash), "
        + "d as (select token_hash from s union all select token_hash from t) " + NOTIFY_DELETED)
      .execute(Tuple.of(userId, tokens))
      .map(rows -> rows.size())
      .onSuccess(ended -> recent.forgetUser(userId));
  }

  /**
   * Counts a login attempt against each key, starting a fresh window where the old one has lapsed, and answers
   * the counts in the keys' order. Counting before the password is checked means parallel guesses cannot all slip
   * under the limit.
   */
  public Future<int[]> countAttempt(List<String> keys, Duration window) {
    return pool.preparedQuery("insert into login_failures (key, failures, window_start) select k, 1, now() from unnest($1::text[]) k "
        + "on conflict (key) do update set "
        + "failures = case when login_failures.window_start > $2 then login_failures.failures + 1 else 1 end, "
        + "window_start = case when login_failures.window_start > $2 then login_failures.window_start else now() end "
        + "returning key, failures")
      .execute(Tuple.tuple().addArrayOfString(keys.toArray(new String[0])).addOffsetDateTime(OffsetDateTime.now(ZoneOffset.UTC).minus(window)))
      .map(rows -> {
        int[] counts = new int[keys.size()];
        for (Row row : rows) {
          counts[keys.indexOf(row.getString("key"))] = row.getInteger("failures");
        }
        return counts;
      });
  }

  /** What one purge removed, per table. */
  public record Purged(int sessions, int loginCounters, int oidcStates, int apiTokens, int passwordResets) {
    public int total() {
      return sessions + loginCounters + oidcStates + apiTokens + passwordResets;
    }
  }

  /**
   * Deletes in one statement what can no longer be used: expired sessions and sign-in states, login counters whose
   * window has lapsed (the next attempt would start them afresh anyway) and API tokens expired longer ago than
   * {@code tokenGrace}. None is announced on {@link #CREDENTIALS_CHANNEL}: an expired credential already opens nothing.
   */
  public Future<Purged> purgeExpired(Duration failureWindow, Duration tokenGrace) {
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    return pool.preparedQuery("with s as (delete from sessions where expires_at <= $1 returning 1), "
        + "f as (delete from login_failures where window_start <= $2 returning 1), "
        + "o as (delete from oidc_states where expires_at <= $1 returning 1), "
        + "t as (delete from api_tokens where expires_at <= $3 returning 1), "
        + "r as (delete from password_resets where expires_at <= $1 returning 1) "
        + "select (select count(*) from s), (select count(*) from f), (select count(*) from o), (select count(*) from t), "
        + "(select count(*) from r)")
      .execute(Tuple.of(now, now.minus(failureWindow), now.minus(tokenGrace)))
      .map(rows -> {
        Row row = rows.iterator().next();
        return new Purged(row.getInteger(0), row.getInteger(1), row.getInteger(2), row.getInteger(3), row.getInteger(4));
      });
  }

  /** A successful login: the pair starts afresh, and each other key gets this attempt back. */
  public Future<Void> forgiveAttempt(String pairKey, List<String> keys) {
    return pool.preparedQuery("with a as (delete from login_failures where key = $1) "
        + "update login_failures set failures = greatest(failures - 1, 0) where key = any($2)")
      .execute(Tuple.of(pairKey).addArrayOfString(keys.toArray(new String[0])))
      .mapEmpty();
  }

  /**
   * Sets the password and, in the same statement, deletes the user's sessions other than {@code keepHex},
   * notifying each so the live connections opened with them close.
   */
  public Future<Void> changePassword(UUID userId, String passwordHash, String keepHex) {
    return pool.preparedQuery("with p as (update users set password_hash = $2 where id = $1), "
        + "d as (delete from sessions where user_id = $1 and encode(token_hash, 'hex') is distinct from $3 returning token_hash) "
        + NOTIFY_DELETED)
      .execute(Tuple.of(userId, passwordHash, keepHex))
      .<Void>mapEmpty()
      .onSuccess(v -> recent.forgetUser(userId));
  }

  /** A new reset link for the user; earlier links of theirs that lapsed are purged. */
  public Future<Void> saveReset(Buffer tokenHash, UUID userId, Duration lifetime) {
    return pool.preparedQuery("with p as (delete from password_resets where user_id = $2 and expires_at < now()) "
        + "insert into password_resets (token_hash, user_id, expires_at) values ($1, $2, $3)")
      .execute(Tuple.of(tokenHash, userId, OffsetDateTime.now(ZoneOffset.UTC).plus(lifetime)))
      .mapEmpty();
  }

  /** Whether a reset link is live (checked before the new password is hashed, so a bad link costs no hashing). */
  public Future<Boolean> resetLive(Buffer tokenHash) {
    return pool.preparedQuery("select 1 from password_resets where token_hash = $1 and expires_at > now()")
      .execute(Tuple.of(tokenHash)).map(rows -> rows.size() > 0);
  }

  /**
   * Redeems a reset link once: in one statement it deletes the link (and the user's other links), sets the password
   * and deletes every session of the user, notifying each so their live connections close. Answers the user, or
   * null when the link is unknown, used or expired.
   */
  public Future<UUID> resetPassword(Buffer tokenHash, String passwordHash) {
    return pool.preparedQuery("with r as (delete from password_resets where token_hash = $1 and expires_at > now() returning user_id), "
        + "o as (delete from password_resets where user_id = (select user_id from r) and token_hash <> $1), "
        + "p as (update users set password_hash = $2 where id = (select user_id from r) returning id), "
        + "d as (delete from sessions where user_id = (select id from p) returning token_hash), "
        + "n as (" + NOTIFY_DELETED + ") select (select id from p) as user_id, (select count(*) from n) as ended")
      .execute(Tuple.of(tokenHash, passwordHash))
      .map(rows -> rows.iterator().next().getUUID("user_id"))
      .onSuccess(userId -> {
        if (userId != null) {
          recent.forgetUser(userId);
        }
      });
  }

  private static RecentPrincipals.Live live(io.vertx.sqlclient.RowSet<Row> rows) {
    if (rows.size() == 0) {
      return null;
    }
    Row row = rows.iterator().next();
    return new RecentPrincipals.Live(principal(row), row.getOffsetDateTime("expires_at"));
  }

  /** A started OIDC sign-in, as the callback redeems it. */
  public record OidcState(String provider, String nonce, String codeVerifier, String next) {
  }

  /** Keeps a started sign-in until it expires; lapsed ones are purged as new ones arrive. */
  public Future<Void> saveOidcState(Buffer stateHash, OidcState state, Duration lifetime) {
    return pool.preparedQuery("with p as (delete from oidc_states where expires_at < now()) "
        + "insert into oidc_states (state_hash, provider, nonce, code_verifier, next_path, expires_at) values ($1, $2, $3, $4, $5, $6)")
      .execute(Tuple.of(stateHash, state.provider(), state.nonce(), state.codeVerifier(), state.next(),
        OffsetDateTime.now(ZoneOffset.UTC).plus(lifetime)))
      .mapEmpty();
  }

  /** Redeems a started sign-in once: deleted as it is read, so a replayed state finds nothing; null if unknown or expired. */
  public Future<OidcState> takeOidcState(Buffer stateHash) {
    return pool.preparedQuery("delete from oidc_states where state_hash = $1 returning provider, nonce, code_verifier, next_path, expires_at > now() as live")
      .execute(Tuple.of(stateHash))
      .map(rows -> {
        if (rows.size() == 0 || !rows.iterator().next().getBoolean("live")) {
          return null;
        }
        Row row = rows.iterator().next();
        return new OidcState(row.getString("provider"), row.getString("nonce"), row.getString("code_verifier"), row.getString("next_path"));
      });
  }

  /**
   * The user a provider's verified identity signs in as, with a new session, in one transaction: the one linked to
   * (provider, subject); else the account with that email, now linked; else a new account (no password). The email
   * counts as proved, so it is marked verified.
   */
  public Future<Principal> signInWithIdentity(String provider, String subject, String email, String name,
                                              Buffer sessionHash, Duration lifetime) {
    return pool.withTransaction(conn -> conn.preparedQuery("select " + PRINCIPAL_COLUMNS
          + " from user_identities i join users u on u.id = i.user_id where i.provider = $1 and i.subject = $2")
        .execute(Tuple.of(provider, subject))
        .compose(linked -> linked.size() > 0 ? Future.succeededFuture(principal(linked.iterator().next()))
          : organizationId(conn, Accounts.organizationOf(email, null))
            .compose(org -> conn.preparedQuery("insert into users (email, name, organization_id) values ($1, $2, $3) "
                + "on conflict ((lower(email))) do update set email = users.email returning " + PRINCIPAL_COLUMNS.replace("u.", ""))
              .execute(Tuple.of(email, name, org)))
            .map(rows -> principal(rows.iterator().next()))
            .compose(user -> conn.preparedQuery("insert into user_identities (provider, subject, user_id, email) values ($1, $2, $3, $4)")
              .execute(Tuple.of(provider, subject, user.userId(), email)).map(user)))
        .compose(user -> conn.preparedQuery("update users set email_verified_at = coalesce(email_verified_at, now()) where id = $1")
          .execute(Tuple.of(user.userId())).map(user))
        .compose(user -> insertSession(conn, sessionHash, user.userId(), lifetime).map(user)));
  }

  static Principal principal(Row row) {
    return new Principal(row.getUUID("id"), row.getString("email"), row.getString("name"), row.getBoolean("is_admin"),
      Language.ofTag(row.getString("language")));
  }

  public static boolean isUniqueViolation(Throwable err) {
    return err instanceof PgException pg && "23505".equals(pg.getSqlState());
  }
}

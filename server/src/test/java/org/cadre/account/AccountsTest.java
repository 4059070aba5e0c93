package org.cadre.account;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.cadre.test.ApiClient;
import org.cadre.test.TestDatabases;
import org.cadre.test.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(VertxExtension.class)
class AccountsTest {

  private static TestServer server;

  @BeforeAll
  static void start(Vertx vertx) {
    server = TestServer.start(vertx, TestDatabases.fresh());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static JsonObject credentials(String email, String password) {
    return new JsonObject().put("email", email).put("password", password);
  }

  @Test
  void registeringCreatesTheAccountInItsOrganizationAndLogsIn() {
    ApiClient ana = server.anonymous();
    ApiClient.Response registered = ana.call("POST", "/api/auth/register",
      new JsonObject().put("email", "Ana@School.test").put("password", "a long password").put("name", "Ana"));
    assertEquals(201, registered.status());
    assertTrue(registered.raw().getHeader("content-type").startsWith("application/json"));
    assertTrue(registered.json().getString("id").length() == 36);
    String cookie = registered.raw().cookies().get(0);
    assertTrue(cookie.toLowerCase().contains("httponly"), cookie);
    assertTrue(cookie.contains("SameSite=Lax"), cookie);
    assertFalse(cookie.contains("Secure"), "no Secure flag over plain HTTP: " + cookie);

    JsonObject me = ana.expect(200, "GET", "/api/me", null);
    assertEquals("ana@school.test", me.getString("email"));
    assertEquals("school.test", me.getJsonObject("organization").getString("name"));
    assertFalse(me.getBoolean("admin"));
  }

  @Test
  void theChosenLanguageIsRememberedForTheUserAndOnlyEnglishSpanishOrNoneIsAccepted() {
    ApiClient ana = server.register("language@school.test", "Lengua");
    assertNull(profile(ana).getValue("language"));
    assertEquals("es", ana.expect(200, "PATCH", "/api/me", new JsonObject().put("language", "es")).getString("language"));
    assertEquals("es", profile(ana).getString("language"));
    ApiClient elsewhere = server.anonymous().login("language@school.test", "password-language@school.test");
    assertEquals("es", profile(elsewhere).getString("language"));

    for (JsonObject bad : new JsonObject[] {new JsonObject().put("language", "fr"), new JsonObject().put("language", 1),
      new JsonObject(), new JsonObject().put("language", "en").put("name", "Other")}) {
      ApiClient.Response refused = ana.call("PATCH", "/api/me", bad);
      assertEquals(400, refused.status(), bad.encode());
      assertEquals(bad.containsKey("name") ? "name" : "language", refused.error().getString("field"), bad.encode());
    }
    assertEquals("es", profile(ana).getString("language"));
    ana.expect(200, "PATCH", "/api/me", new JsonObject().putNull("language"));
    assertNull(profile(ana).getValue("language"));
  }

  private static JsonObject profile(ApiClient client) {
    return client.expect(200, "GET", "/api/me", null);
  }

  @Test
  void passwordsAreStoredAsArgon2idHashes() {
    server.register("hash@school.test", "Hash");
    assertEquals(1, TestDatabases.count(server.databaseUrl(),
      "select count(*) from users where email = 'hash@school.test' and password_hash like '$argon2id$v=19$m=19456,t=2,p=1$%'"));
  }

  @Test
  void aTakenEmailIsAConflictWhateverItsCase() {
    server.register("taken@school.test", "First");
    ApiClient.Response again = server.anonymous().call("POST", "/api/auth/register",
      new JsonObject().put("email", "TAKEN@school.test").put("password", "another password").put("name", "Second"));
    assertEquals(409, again.status());
    assertEquals("email", again.error().getString("field"));
  }

  @Test
  void loginAndLogoutOpenAndCloseTheSession() {
    server.register("login@school.test", "Login");
    ApiClient client = server.anonymous();
    assertEquals(401, client.get("/api/me").status());
    client.login("login@school.test", "password-login@school.test");
    assertEquals(200, client.get("/api/me").status());
    String session = client.session();
    String stored = "select count(*) from sessions where token_hash = sha256(convert_to('" + session + "', 'UTF8'))";
    assertEquals(1, TestDatabases.count(server.databaseUrl(), stored), "only the session's digest is stored");
    client.expect(204, "POST", "/api/auth/logout", null);
    assertEquals(401, client.get("/api/me").status());
    assertEquals(0, TestDatabases.count(server.databaseUrl(), stored));
  }

  @Test
  void aCookieSetBehindATlsProxyIsSecure() {
    server.register("tls@school.test", "Tls");
    var response = server.anonymous().vertxRequest("POST", "/api/auth/login", credentials("tls@school.test", "password-tls@school.test"),
      "X-Forwarded-Proto", "https");
    assertTrue(response.cookies().get(0).contains("Secure"), response.cookies().toString());
  }

  @Test
  void wrongPasswordsAndUnknownAccountsGetTheSameAnswer() {
    server.register("wrong@school.test", "Wrong");
    ApiClient.Response wrong = server.anonymous().call("POST", "/api/auth/login", credentials("wrong@school.test", "not it"));
    ApiClient.Response unknown = server.anonymous().call("POST", "/api/auth/login", credentials("nobody@school.test", "not it"));
    assertEquals(401, wrong.status());
    assertEquals(401, unknown.status());
    assertEquals(wrong.error(), unknown.error());
  }

  private static long failures(String key) {
    return TestDatabases.count(server.databaseUrl(), "select coalesce(sum(failures), 0) from login_failures where key = '" + key + "'");
  }

  private static void seed(String key, int failures) {
    TestDatabases.execute(server.databaseUrl(), "insert into login_failures (key, failures, window_start) values ('" + key + "', "
      + failures + ", now()) on conflict (key) do update set failures = excluded.failures, window_start = now()");
  }

  @Test
  void repeatedFailuresFromOneAddressLockThatAddressOutOfTheAccountEvenForTheRightPassword() {
    server.register("locked@school.test", "Locked");
    IntStream.range(0, Accounts.MAX_FAILURES_PER_PAIR).forEach(i -> assertEquals(401,
      server.anonymous().call("POST", "/api/auth/login", credentials("locked@school.test", "guess " + i)).status()));
    ApiClient.Response right = server.anonymous().call("POST", "/api/auth/login",
      credentials("locked@school.test", "password-locked@school.test"));
    assertEquals(429, right.status());
    assertEquals("too_many_attempts", right.error().getString("code"));
    TestDatabases.execute(server.databaseUrl(), "update login_failures set failures = greatest(failures - 11, 0) where key = 'address:127.0.0.1'");
  }

  @Test
  void theRightPasswordFromAnAddressThatHasNotFailedIsNeverLockedOut() {
    server.register("besieged@school.test", "Besieged");
    seed("account:besieged@school.test", 5000);
    seed("pair:besieged@school.test 10.9.8.7", 5000);
    assertEquals(200, server.anonymous().call("POST", "/api/auth/login",
      credentials("besieged@school.test", "password-besieged@school.test")).status(),
      "failures from other addresses never lock the owner out");
  }

  @Test
  void anAccountUnderAttackGivesEachAddressFewerTries() {
    server.register("attacked@school.test", "Attacked");
    seed("account:attacked@school.test", Accounts.ACCOUNT_UNDER_ATTACK + 1);
    seed("pair:attacked@school.test 127.0.0.1", Accounts.MAX_FAILURES_PER_PAIR_UNDER_ATTACK);
    assertEquals(429, server.anonymous().call("POST", "/api/auth/login",
      credentials("attacked@school.test", "password-attacked@school.test")).status());
    TestDatabases.execute(server.databaseUrl(), "update login_failures set failures = greatest(failures - 1, 0) where key = 'address:127.0.0.1'");
  }

  @Test
  void manyFailuresFromOneAddressLockThatAddressForEveryAccountWithoutCountingAgainstThem() {
    server.register("victim@school.test", "Victim");
    seed("address:127.0.0.1", Accounts.MAX_FAILURES_PER_ADDRESS);
    for (int i = 0; i < 3; i++) {
      ApiClient.Response right = server.anonymous().call("POST", "/api/auth/login",
        credentials("victim@school.test", "password-victim@school.test"));
      assertEquals(429, right.status());
    }
    assertEquals(0, TestDatabases.count(server.databaseUrl(), "select count(*) from login_failures where key like '%victim@school.test%'"),
      "attempts the address limit refuses count against no account");
    TestDatabases.execute(server.databaseUrl(), "delete from login_failures where key = 'address:127.0.0.1'");
  }

  @Test
  void aPasswordChangeNeedsTheCurrentPasswordAndCountsAsALoginAttempt() {
    ApiClient user = server.register("changer@school.test", "Changer");
    ApiClient.Response wrong = user.call("POST", "/api/me/password",
      new JsonObject().put("currentPassword", "not my password").put("newPassword", "a new long password"));
    assertEquals(403, wrong.status());
    assertEquals("wrong_password", wrong.error().getString("code"));
    assertEquals("currentPassword", wrong.error().getString("field"));
    assertEquals(1, failures("pair:changer@school.test 127.0.0.1"));
    assertEquals(400, user.call("POST", "/api/me/password",
      new JsonObject().put("currentPassword", "password-changer@school.test").put("newPassword", "short")).status());
    user.expect(204, "POST", "/api/me/password",
      new JsonObject().put("currentPassword", "password-changer@school.test").put("newPassword", "a new long password"));
    server.anonymous().login("changer@school.test", "a new long password");
    assertEquals(401, server.anonymous().call("POST", "/api/me/password",
      new JsonObject().put("currentPassword", "x").put("newPassword", "a new long password")).status());
  }

  @Test
  void aTokenMayCarryAnExpiryWithinABoundAndIsListedWithIt() {
    ApiClient owner = server.register("expiring@school.test", "Expiring");
    java.time.Instant in30days = java.time.Instant.now().plus(java.time.Duration.ofDays(30)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    JsonObject created = owner.expect(201, "POST", "/api/me/tokens", new JsonObject().put("name", "ci").put("expiresAt", in30days.toString()));
    assertEquals(in30days.toString(), created.getString("expiresAt"));
    JsonObject listed = owner.expect(200, "GET", "/api/me/tokens", null).getJsonArray("tokens").getJsonObject(0);
    assertEquals(in30days.toString(), listed.getString("expiresAt"));
    assertEquals(200, owner.withToken(created.getString("token")).get("/api/me").status());

    for (String bad : new String[] {java.time.Instant.now().minusSeconds(60).toString(),
      java.time.Instant.now().plus(Accounts.MAX_TOKEN_LIFETIME).plus(java.time.Duration.ofDays(1)).toString(), "soon"}) {
      ApiClient.Response refused = owner.call("POST", "/api/me/tokens", new JsonObject().put("expiresAt", bad));
      assertEquals(400, refused.status(), bad);
      assertEquals("expiresAt", refused.error().getString("field"));
    }
    // Time passing, for a token not used yet: a used one is also refused once its expiry passes, which the server
    // remembers with it (RecentPrincipalsTest).
    JsonObject unused = owner.expect(201, "POST", "/api/me/tokens", new JsonObject().put("name", "later").put("expiresAt", in30days.toString()));
    TestDatabases.execute(server.databaseUrl(), "update api_tokens set expires_at = now() - interval '1 second' where id = '"
      + unused.getString("id") + "'");
    ApiClient.Response expired = owner.withToken(unused.getString("token")).get("/api/me");
    assertEquals(401, expired.status());
    assertEquals("invalid_token", expired.error().getString("code"));
  }

  @Test
  void apiTokensAuthenticateUntilDeletedAndAreStoredHashed() {
    ApiClient owner = server.register("tokens@school.test", "Tokens");
    JsonObject created = owner.expect(201, "POST", "/api/me/tokens", new JsonObject().put("name", "script"));
    String token = created.getString("token");
    assertTrue(token.startsWith("cadre_pat_"));
    ApiClient script = owner.withToken(token);
    assertEquals("tokens@school.test", script.expect(200, "GET", "/api/me", null).getString("email"));

    JsonObject listed = owner.expect(200, "GET", "/api/me/tokens", null);
    assertEquals(1, listed.getJsonArray("tokens").size());
    assertFalse(listed.encode().contains(token), "the secret is shown once only");
    assertEquals(1, TestDatabases.count(server.databaseUrl(),
      "select count(*) from api_tokens where token_hash = sha256(convert_to('" + token + "', 'UTF8'))"));

    owner.expect(204, "DELETE", "/api/me/tokens/" + created.getString("id"), null);
    ApiClient.Response after = script.get("/api/me");
    assertEquals(401, after.status());
    assertEquals("invalid_token", after.error().getString("code"));
  }

  @Test
  void signingOutEverywhereEndsEverySessionAndOnRequestTheTokensButNoOneElses() {
    ApiClient here = server.register("everywhere@school.test", "Everywhere");
    ApiClient there = server.anonymous().login("everywhere@school.test", "password-everywhere@school.test");
    ApiClient bystander = server.register("bystander@school.test", "Bystander");
    String token = here.expect(201, "POST", "/api/me/tokens", null).getString("token");

    assertEquals(2, here.expect(200, "POST", "/api/me/sessions/revoke-all", null).getInteger("ended"));
    assertEquals(401, here.get("/api/me").status());
    assertEquals(401, there.get("/api/me").status());
    assertEquals(200, bystander.get("/api/me").status());
    ApiClient script = here.withToken(token);
    assertEquals(200, script.get("/api/me").status(), "tokens stay unless asked for");

    ApiClient again = server.anonymous().login("everywhere@school.test", "password-everywhere@school.test");
    assertEquals(2, again.expect(200, "POST", "/api/me/sessions/revoke-all", new JsonObject().put("tokens", true)).getInteger("ended"));
    assertEquals(401, script.get("/api/me").status());
    assertEquals(400, bystander.call("POST", "/api/me/sessions/revoke-all", new JsonObject().put("tokens", "yes")).status());
  }

  @Test
  void someoneElsesTokenCannotBeDeleted() {
    ApiClient owner = server.register("mine@school.test", "Mine");
    ApiClient other = server.register("theirs@school.test", "Theirs");
    String id = owner.expect(201, "POST", "/api/me/tokens", null).getString("id");
    assertEquals(404, other.call("DELETE", "/api/me/tokens/" + id, null).status());
  }
}

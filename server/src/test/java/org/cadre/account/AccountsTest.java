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

  @Test
  void repeatedFailedLoginsLockTheAccountEvenForTheRightPassword() {
    server.register("locked@school.test", "Locked");
    IntStream.range(0, Accounts.MAX_FAILURES_PER_ACCOUNT).forEach(i -> assertEquals(401,
      server.anonymous().call("POST", "/api/auth/login", credentials("locked@school.test", "guess " + i)).status()));
    ApiClient.Response right = server.anonymous().call("POST", "/api/auth/login",
      credentials("locked@school.test", "password-locked@school.test"));
    assertEquals(429, right.status());
    assertEquals("too_many_attempts", right.error().getString("code"));
  }

  @Test
  void manyFailuresFromOneAddressLockThatAddressForEveryAccount() {
    server.register("victim@school.test", "Victim");
    TestDatabases.execute(server.databaseUrl(), "insert into login_failures (key, failures, window_start) values "
      + "('address:127.0.0.1', " + Accounts.MAX_FAILURES_PER_ADDRESS + ", now()) "
      + "on conflict (key) do update set failures = excluded.failures, window_start = now()");
    ApiClient.Response right = server.anonymous().call("POST", "/api/auth/login",
      credentials("victim@school.test", "password-victim@school.test"));
    assertEquals(429, right.status());
    TestDatabases.execute(server.databaseUrl(), "delete from login_failures where key = 'address:127.0.0.1'");
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
  void someoneElsesTokenCannotBeDeleted() {
    ApiClient owner = server.register("mine@school.test", "Mine");
    ApiClient other = server.register("theirs@school.test", "Theirs");
    String id = owner.expect(201, "POST", "/api/me/tokens", null).getString("id");
    assertEquals(404, other.call("DELETE", "/api/me/tokens/" + id, null).status());
  }
}

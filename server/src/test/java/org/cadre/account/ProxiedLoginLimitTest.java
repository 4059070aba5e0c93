package org.cadre.account;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.cadre.http.TrustedProxies;
import org.cadre.test.TestDatabases;
import org.cadre.test.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Behind a trusted proxy each client has its own login limit; anyone else's X-Forwarded-For is ignored. */
@ExtendWith(VertxExtension.class)
class ProxiedLoginLimitTest {

  private static TestServer proxied;
  private static TestServer direct;

  @BeforeAll
  static void start(Vertx vertx) {
    String database = TestDatabases.fresh();
    proxied = TestServer.start(vertx, database, TrustedProxies.parse("10.0.0.0/8, 127.0.0.1"), -1);
    direct = TestServer.start(vertx, database);
  }

  @AfterAll
  static void stop() {
    direct.close();
    proxied.close();
  }

  private static int login(TestServer server, String email, String password, String forwardedFor) {
    return server.anonymous().vertxRequest("POST", "/api/auth/login",
      new JsonObject().put("email", email).put("password", password), "X-Forwarded-For", forwardedFor).statusCode();
  }

  @Test
  void twoClientsBehindTheProxyHaveSeparateLimits() {
    String email = "shared@school.test";
    proxied.register(email, "Shared");
    // The client wrote the left-most entry itself; the right-most one not a proxy is the one the proxy saw.
    IntStream.range(0, Accounts.MAX_FAILURES_PER_PAIR).forEach(i ->
      assertEquals(401, login(proxied, email, "guess " + i, "1.2.3.4, 203.0.113.5, 10.1.1.1")));
    assertEquals(429, login(proxied, email, "password-" + email, "203.0.113.5"), "that client is locked out");
    assertEquals(200, login(proxied, email, "password-" + email, "203.0.113.6"), "another client is not");
    assertEquals(1, TestDatabases.count(proxied.databaseUrl(),
      "select count(*) from login_failures where key = 'pair:" + email + " 203.0.113.5'"));
  }

  @Test
  void anUntrustedPeerCannotDodgeItsLimitByForgingTheHeader() {
    String email = "forger@school.test";
    direct.register(email, "Forger");
    IntStream.range(0, Accounts.MAX_FAILURES_PER_PAIR).forEach(i ->
      assertEquals(401, login(direct, email, "guess " + i, "198.51.100." + i)));
    assertEquals(429, login(direct, email, "password-" + email, "198.51.100.99"),
      "the forged addresses were ignored: every try counted against the TCP peer");
    assertEquals(0, TestDatabases.count(direct.databaseUrl(),
      "select count(*) from login_failures where key like '%198.51.100.%'"));
    TestDatabases.execute(direct.databaseUrl(),
      "update login_failures set failures = greatest(failures - 11, 0) where key = 'address:127.0.0.1'");
  }
}

package org.cadre.ops;

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

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One JSON line per request, with who and how long, and nothing that would let a reader of the log sign in. */
@ExtendWith(VertxExtension.class)
class AccessLogTest {

  private static AccessLogLines accessLog;
  private static TestServer server;

  @BeforeAll
  static void start(Vertx vertx) {
    server = TestServer.start(vertx, TestDatabases.fresh());
    accessLog = AccessLogLines.start();
  }

  @AfterAll
  static void stop() {
    accessLog.stop();
    server.close();
  }

  private static List<JsonObject> linesFor(String path) {
    return accessLog.forPath(path);
  }

  @Test
  void aSignedInRequestIsOneLineWithItsFieldsAndNoSecret() throws Exception {
    ApiClient admin = server.admin();
    String session = admin.session();
    admin.get("/api/me?token=query-secret-1");
    Thread.sleep(100);
    List<JsonObject> logged = linesFor("/api/me");
    assertEquals(1, logged.size(), accessLog.all().toString());
    JsonObject line = logged.get(0);
    assertEquals("GET", line.getString("method"));
    assertEquals(200, line.getInteger("status"));
    assertTrue(line.getLong("ms") >= 0);
    assertTrue(line.getLong("bytes") > 0);
    assertEquals("127.0.0.1", line.getString("client"));
    assertEquals(admin.userId(), line.getString("user"));
    String all = String.join("\n", accessLog.all());
    assertFalse(all.contains("query-secret-1"), "no query string");
    assertFalse(all.contains(session), "no session cookie");
    assertFalse(all.contains(TestServer.ADMIN_PASSWORD), "no password from the login's body");
  }

  @Test
  void credentialsInPathsAreMasked() throws Exception {
    server.anonymous().call("POST", "/api/invitations/invitation-secret-2/accept", new JsonObject());
    server.anonymous().get("/api/calendar/feed-secret-3.ics");
    Thread.sleep(100);
    String all = String.join("\n", accessLog.all());
    assertFalse(all.contains("invitation-secret-2"));
    assertFalse(all.contains("feed-secret-3"));
    assertEquals(1, linesFor("/api/invitations/***/accept").size(), all);
    assertEquals(1, linesFor("/api/calendar/***.ics").size(), all);
  }

  @Test
  void aHealthProbeOrScrapeThatSucceedsIsNotLoggedButAnyOtherRequestIs() throws Exception {
    ApiClient anonymous = server.anonymous();
    assertEquals(200, anonymous.get("/health/live").status());
    assertEquals(200, anonymous.get("/metrics").status());
    assertTrue(anonymous.call("POST", "/health/live", new JsonObject()).status() >= 400);
    Thread.sleep(100);
    assertEquals(List.of("POST"), linesFor("/health/live").stream().map(line -> line.getString("method")).toList(),
      "only the request that failed");
    assertEquals(List.of(), linesFor("/metrics"));
  }
}

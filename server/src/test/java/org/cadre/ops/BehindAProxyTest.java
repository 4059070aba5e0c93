package org.cadre.ops;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.junit5.VertxExtension;
import org.cadre.http.TrustedProxies;
import org.cadre.test.ApiClient;
import org.cadre.test.BusClient;
import org.cadre.test.SpaceTree;
import org.cadre.test.TestDatabases;
import org.cadre.test.TestProxy;
import org.cadre.test.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * docker/compose.yaml without Docker: two servers on one database, each with its own Vert.x so that only PostgreSQL
 * joins them, behind a real reverse proxy that forwards the client's address, passes WebSocket upgrades and keeps a
 * SockJS session on one server. The proxy connects from 127.0.0.2 and the clients from 127.0.0.1, so a server can
 * tell them apart on loopback.
 */
@ExtendWith(VertxExtension.class)
class BehindAProxyTest {

  private static final String PROXY_ADDRESS = "127.0.0.2";
  private static final String CLIENT_ADDRESS = "127.0.0.1";

  private static AccessLogLines accessLog;

  private static Vertx otherVertx;
  private static TestServer first;
  private static TestServer second;
  private static TestServer untrusting;
  private static TestProxy proxy;
  private static TestProxy proxyToUntrusting;
  private static SpaceTree tree;

  @BeforeAll
  static void start(Vertx vertx) {
    String database = TestDatabases.fresh();
    otherVertx = Vertx.vertx();
    first = TestServer.start(vertx, database, TrustedProxies.parse(PROXY_ADDRESS), -1);
    second = TestServer.start(otherVertx, database, TrustedProxies.parse(PROXY_ADDRESS), -1);
    untrusting = TestServer.start(vertx, database);
    proxy = TestProxy.start(vertx, PROXY_ADDRESS, List.of(first.port(), second.port()));
    proxyToUntrusting = TestProxy.start(vertx, PROXY_ADDRESS, List.of(untrusting.port()));
    tree = SpaceTree.build(first, "proxy");
    accessLog = AccessLogLines.start();
  }

  @AfterAll
  static void stop() {
    accessLog.stop();
    proxyToUntrusting.close();
    proxy.close();
    untrusting.close();
    second.close();
    first.close();
    otherVertx.close().await();
  }

  private static ApiClient throughProxy(Vertx vertx) {
    return ApiClient.at(vertx, proxy.port()).login(TestServer.ADMIN_EMAIL, TestServer.ADMIN_PASSWORD);
  }

  /** A failed login through the proxy, with a forwarded address the client made up; answers the status. */
  private static int failedLogin(Vertx vertx, TestProxy via, String email) {
    return ApiClient.at(vertx, via.port()).vertxRequest("POST", "/api/auth/login",
      new JsonObject().put("email", email).put("password", "not the password"), "X-Forwarded-For", "198.51.100.7")
      .statusCode();
  }

  private static long failures(String key) {
    return TestDatabases.count(first.databaseUrl(), "select count(*) from login_failures where key = '" + key + "'");
  }

  /** The client the access log wrote for the one request to this path. */
  private static String loggedClient(String path) {
    List<JsonObject> lines = accessLog.forPath(path);
    assertEquals(1, lines.size(), () -> "access log lines for " + path + ": " + lines);
    return lines.get(0).getString("client");
  }

  @Test
  void theClientsAddressIsForwardedOnlyWhenTheProxyIsTrusted(Vertx vertx) {
    String email = "forwarded@district.test";
    first.register(email, "Forwarded");
    assertEquals(401, failedLogin(vertx, proxy, email));
    assertEquals(401, failedLogin(vertx, proxyToUntrusting, email));
    assertEquals(1, failures("pair:" + email + " " + CLIENT_ADDRESS),
      "behind the trusted proxy the failure counts against the client the proxy saw, not the address it made up");
    assertEquals(1, failures("pair:" + email + " " + PROXY_ADDRESS),
      "a server that does not trust the proxy counts it against the proxy itself");
    assertEquals(0, failures("pair:" + email + " 198.51.100.7"));

    String trustedPath = "/api/nothing-here-" + UUID.randomUUID();
    String untrustedPath = "/api/nothing-here-" + UUID.randomUUID();
    ApiClient.at(vertx, proxy.port()).vertxRequest("POST", trustedPath, new JsonObject(), "X-Forwarded-For", "198.51.100.7");
    ApiClient.at(vertx, proxyToUntrusting.port()).vertxRequest("POST", untrustedPath, new JsonObject(), "X-Forwarded-For", "198.51.100.7");
    assertEquals(CLIENT_ADDRESS, loggedClient(trustedPath));
    assertEquals(PROXY_ADDRESS, loggedClient(untrustedPath));
  }

  @Test
  void aChangeThroughTheProxyReachesASubscriberOnTheOtherServer(Vertx vertx) {
    ApiClient admin = throughProxy(vertx);
    try (BusClient bus = BusClient.connect(vertx, proxy.port(), tree.member)) {
      bus.subscribe("space." + tree.site);
      int subscriberOn = lastRoute(r -> r.uri().equals("/eventbus/websocket")).server();
      int otherServer = subscriberOn == first.port() ? second.port() : first.port();

      // Round-robin: of two changes in a row, one is made on the server the subscriber is not connected to.
      List<String> names = List.of("Renamed through the proxy, once", "Renamed through the proxy, twice");
      Set<Integer> madeOn = names.stream().map(name -> {
        admin.expect(200, "PATCH", "/api/spaces/" + tree.site, new JsonObject().put("name", name));
        return lastRoute(r -> r.method().equals("PATCH")).server();
      }).collect(Collectors.toSet());
      assertTrue(madeOn.contains(otherServer), () -> "the changes were all made on the subscriber's server " + madeOn);

      // Other notices (metrics.changed, after the fixture's changes) may come on the address too: only renames count.
      for (String name : names) {
        JsonObject event = bus.take(f -> "rec".equals(f.getString("type"))
          && ("space." + tree.site).equals(f.getString("address"))
          && "space.updated".equals(f.getJsonObject("body").getString("type"))).getJsonObject("body");
        assertEquals(name, event.getJsonObject("payload").getString("name"));
      }
    }
  }

  @Test
  void aSockJsSessionStaysOnOneServer(Vertx vertx) {
    ApiClient admin = throughProxy(vertx);
    WebClient web = WebClient.create(vertx, new WebClientOptions().setDefaultHost("localhost").setDefaultPort(proxy.port()));
    // Ids whose hashes differ by one, so the proxy puts them on different servers.
    List<String> sessions = List.of("session0", "session1");
    for (String session : sessions) {
      SockJs sockJs = new SockJs(web, "/eventbus/123/" + session + "/", tree.member.session());
      assertEquals("o", sockJs.post("xhr", null).bodyAsString().trim(), "the session opens");
      sockJs.await(f -> "cadre.hello".equals(f.getString("address")));
      assertEquals(204, sockJs.post("xhr_send", new JsonArray()
        .add(new JsonObject().put("type", "register").put("address", "space." + tree.site).encode()).encode()).statusCode());
      sockJs.await(f -> "space.".concat(tree.site).equals(f.getString("address"))
        && "subscribed".equals(f.getJsonObject("body").getString("type")));

      String name = "Renamed while " + session + " listened";
      admin.expect(200, "PATCH", "/api/spaces/" + tree.site, new JsonObject().put("name", name));
      JsonObject event = sockJs.await(f -> "space.".concat(tree.site).equals(f.getString("address"))
        && "space.updated".equals(f.getJsonObject("body").getString("type"))).getJsonObject("body");
      assertEquals(name, event.getJsonObject("payload").getString("name"));

      Set<Integer> servedBy = proxy.routes().stream().filter(r -> r.uri().contains("/" + session + "/"))
        .map(TestProxy.Route::server).collect(Collectors.toSet());
      assertEquals(1, servedBy.size(), () -> session + " was served by " + servedBy);
      int other = servedBy.contains(first.port()) ? second.port() : first.port();
      assertEquals(404, web.request(HttpMethod.POST, other, "localhost", "/eventbus/123/" + session + "/xhr_send")
        .putHeader("Cookie", "cadre_session=" + tree.member.session())
        .sendBuffer(Buffer.buffer("[\"{\\\"type\\\":\\\"ping\\\"}\"]")).await().statusCode(),
        "the other server does not know the session: without stickiness its sends would be lost");
    }
    assertNotEquals(servedBy(sessions.get(0)), servedBy(sessions.get(1)), "sessions are spread over both servers");
  }

  private static int servedBy(String session) {
    return lastRoute(r -> r.uri().contains("/" + session + "/")).server();
  }

  private static TestProxy.Route lastRoute(Predicate<TestProxy.Route> match) {
    List<TestProxy.Route> routes = proxy.routes().stream().filter(match).toList();
    if (routes.isEmpty()) {
      fail("no such request went through the proxy: " + proxy.routes());
    }
    return routes.get(routes.size() - 1);
  }

  /** One SockJS session over XHR polling, the fallback a browser uses when WebSockets do not get through. */
  private record SockJs(WebClient web, String base, String cookie) {

    HttpResponse<Buffer> post(String transport, String body) {
      var request = web.request(HttpMethod.POST, base + transport).putHeader("Cookie", "cadre_session=" + cookie);
      return (body == null ? request.send() : request.sendBuffer(Buffer.buffer(body))).await();
    }

    /** Polls until a bridge frame matches; a poll answers {@code a[...]}, an array of frames each encoded as a string. */
    JsonObject await(Predicate<JsonObject> match) {
      List<JsonObject> seen = new ArrayList<>();
      for (int poll = 0; poll < 5; poll++) {
        String text = post("xhr", null).bodyAsString().trim();
        if (text.startsWith("a")) {
          for (Object frame : new JsonArray(text.substring(1))) {
            JsonObject parsed = new JsonObject((String) frame);
            if ("err".equals(parsed.getString("type"))) {
              fail("the bridge refused: " + parsed);
            }
            if (match.test(parsed)) {
              return parsed;
            }
            seen.add(parsed);
          }
        }
      }
      return fail("no matching frame in five polls of " + base + "; seen: " + seen);
    }
  }
}

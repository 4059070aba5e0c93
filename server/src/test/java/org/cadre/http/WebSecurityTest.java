package org.cadre.http;

import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.UpgradeRejectedException;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.junit5.VertxExtension;
import org.cadre.test.ApiClient;
import org.cadre.test.SpaceTree;
import org.cadre.test.TeamFixture;
import org.cadre.test.TestDatabases;
import org.cadre.test.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Other sites cannot act with a user's cookie, the pages limit what runs, and links are only web or mail links. */
@ExtendWith(VertxExtension.class)
class WebSecurityTest {

  private static final String EVIL = "https://evil.example";
  private static final String PROXIED = "https://cadre.district.org";

  private static TestServer server;
  private static TestServer proxied;
  private static SpaceTree tree;
  private static TeamFixture team;
  private static WebClient web;
  private static String own;

  @BeforeAll
  static void start(Vertx vertx) {
    String database = TestDatabases.fresh();
    server = TestServer.start(vertx, database);
    proxied = TestServer.start(vertx, database, List.of(PROXIED));
    tree = SpaceTree.build(server, "sec");
    team = TeamFixture.create(server, tree.site, "sec");
    // A connection per request: SockJS's polling transports may close theirs after answering.
    web = WebClient.create(vertx, new WebClientOptions().setKeepAlive(false));
    own = "http://localhost:" + server.port();
  }

  @AfterAll
  static void stop() {
    proxied.close();
    server.close();
  }

  private static HttpResponse<Buffer> raw(int port, String method, String path, String body, Map<String, String> headers) {
    HttpRequest<Buffer> request = web.request(HttpMethod.valueOf(method), port, "localhost", path);
    headers.forEach(request::putHeader);
    return (body == null ? request.send() : request.sendBuffer(Buffer.buffer(body))).await();
  }

  private static HttpResponse<Buffer> raw(String method, String path, String body, Map<String, String> headers) {
    return raw(server.port(), method, path, body, headers);
  }

  private static Map<String, String> as(ApiClient client, String... more) {
    Map<String, String> headers = new java.util.HashMap<>(Map.of("Cookie", "cadre_session=" + client.session()));
    for (int i = 0; i < more.length; i += 2) {
      headers.put(more[i], more[i + 1]);
    }
    return headers;
  }

  private static void assertError(int status, String code, HttpResponse<Buffer> response) {
    assertEquals(status, response.statusCode(), response::bodyAsString);
    assertTrue(response.getHeader("content-type").startsWith("application/json"), response::bodyAsString);
    assertEquals(code, response.bodyAsJsonObject().getJsonObject("error").getString("code"), response::bodyAsString);
  }

  private static long count(String table) {
    return TestDatabases.count(server.databaseUrl(), "select count(*) from " + table);
  }

  @Test
  void stateChangingCallsWithFormTextOrMultipartBodiesAreRefusedWith415() {
    long users = count("users");
    long spaces = count("spaces");
    String account = new JsonObject().put("email", "form@sec.test").put("password", "long enough pw").put("name", "F").encode();
    assertError(415, "unsupported_media_type", raw("POST", "/api/auth/register", "email=form%40sec.test&password=long+enough+pw&name=F",
      Map.of("Content-Type", "application/x-www-form-urlencoded")));
    assertError(415, "unsupported_media_type", raw("POST", "/api/auth/register", account, Map.of("Content-Type", "text/plain")));
    assertError(415, "unsupported_media_type", raw("POST", "/api/auth/register", account, Map.of()));
    assertError(415, "unsupported_media_type", raw("POST", "/api/auth/register",
      "--XX\r\nContent-Disposition: form-data; name=\"email\"\r\n\r\nform@sec.test\r\n--XX--\r\n",
      Map.of("Content-Type", "multipart/form-data; boundary=XX")));
    assertError(415, "unsupported_media_type", raw("POST", "/api/spaces",
      new JsonObject().put("name", "Plain").put("kind", "network").encode(), as(tree.admin, "Content-Type", "text/plain")));
    assertError(415, "unsupported_media_type", raw("PATCH", "/api/spaces/" + tree.site, "{\"name\":\"Renamed\"}",
      as(tree.lead, "Content-Type", "text/plain;charset=utf-8")));
    assertEquals(users, count("users"));
    assertEquals(spaces, count("spaces"));

    // JSON with parameters passes, and so do calls without a body.
    assertEquals(201, raw("POST", "/api/spaces", new JsonObject().put("name", "Json net").put("kind", "network").encode(),
      as(tree.admin, "Content-Type", "Application/JSON; charset=utf-8")).statusCode());
    ApiClient leaving = server.register("leaving@sec.test", "Leaving");
    int loggedOut = raw("POST", "/api/auth/logout", null, as(leaving)).statusCode();
    assertTrue(loggedOut >= 200 && loggedOut < 300, "logout answered " + loggedOut);
  }

  @Test
  void stateChangingCallsFromAnotherOriginAreRefusedWith403() {
    long spaces = count("spaces");
    String body = new JsonObject().put("name", "Evil net").put("kind", "network").encode();
    assertError(403, "forbidden_origin", raw("POST", "/api/spaces", body, as(tree.admin, "Content-Type", "application/json", "Origin", EVIL)));
    assertError(403, "forbidden_origin", raw("POST", "/api/spaces", body, as(tree.admin, "Content-Type", "application/json", "Origin", "null")));
    assertError(403, "forbidden_origin", raw("POST", "/api/spaces", body,
      as(tree.admin, "Content-Type", "application/json", "Referer", EVIL + "/page.html")));
    assertError(403, "forbidden_origin", raw("DELETE", "/api/spaces/" + tree.site + "/members/" + tree.member.userId(), null,
      as(tree.lead, "Origin", "http://localhost:" + (server.port() + 1))));
    assertError(403, "forbidden_origin", raw(proxied.port(), "POST", "/api/spaces", body,
      as(tree.admin, "Content-Type", "application/json", "Origin", EVIL)));
    assertEquals(spaces, count("spaces"));

    assertEquals(201, raw("POST", "/api/spaces", body, as(tree.admin, "Content-Type", "application/json", "Origin", own)).statusCode());
    assertEquals(201, raw("POST", "/api/spaces", body, as(tree.admin, "Content-Type", "application/json", "Referer", own + "/")).statusCode());
    assertEquals(201, raw(proxied.port(), "POST", "/api/spaces", body,
      as(tree.admin, "Content-Type", "application/json", "Origin", PROXIED)).statusCode());
    // Reads answer whoever asks: the browser keeps their answers from the other site.
    assertEquals(200, raw("GET", "/api/me", null, as(tree.admin, "Origin", EVIL)).statusCode());
  }

  @Test
  void theEventBusWebSocketRefusesAnotherOrigin(Vertx vertx) {
    WebSocketConnectOptions foreign = new WebSocketConnectOptions().setHost("localhost").setPort(server.port())
      .setURI("/eventbus/websocket").addHeader("Cookie", "cadre_session=" + tree.member.session()).addHeader("Origin", EVIL);
    Throwable refused = assertThrows(Throwable.class, () -> vertx.createWebSocketClient().connect(foreign).await());
    assertInstanceOf(UpgradeRejectedException.class, refused);
    assertEquals(403, ((UpgradeRejectedException) refused).getStatus());

    WebSocketConnectOptions sameSite = new WebSocketConnectOptions(foreign).setHeaders(MultiMap.caseInsensitiveMultiMap()
      .add("Cookie", "cadre_session=" + tree.member.session()).add("Origin", own));
    vertx.createWebSocketClient().connect(sameSite).await().close().await();
  }

  @Test
  void everySockJsTransportRefusesAnotherOrigin() {
    for (String[] call : new String[][] {{"GET", "/eventbus/info"}, {"OPTIONS", "/eventbus/info"}, {"POST", "/eventbus/123/abcdefgh/xhr"},
      {"POST", "/eventbus/123/abcdefgh/xhr_send"}, {"POST", "/eventbus/123/abcdefgh/xhr_streaming"},
      {"GET", "/eventbus/123/abcdefgh/eventsource"}, {"GET", "/eventbus/123/abcdefgh/htmlfile?c=cb"},
      {"GET", "/eventbus/123/abcdefgh/jsonp?c=cb"}, {"GET", "/eventbus/123/abcdefgh/websocket"}}) {
      HttpResponse<Buffer> response = raw(call[0], call[1], call[0].equals("POST") ? "[]" : null, as(tree.member, "Origin", EVIL));
      assertEquals(403, response.statusCode(), () -> String.join(" ", call) + ": " + response.bodyAsString());
      assertNull(response.getHeader("Access-Control-Allow-Origin"), String.join(" ", call));
    }
    HttpResponse<Buffer> info = raw("GET", "/eventbus/info", null, as(tree.member, "Origin", own));
    assertEquals(200, info.statusCode());
    assertEquals(own, info.getHeader("Access-Control-Allow-Origin"));
  }

  @Test
  void sockJsNeverEchoesTheSessionCookie() {
    for (String[] call : new String[][] {{"OPTIONS", "/eventbus/info"}, {"GET", "/eventbus/info"}, {"POST", "/eventbus/123/cookie01/xhr"},
      {"POST", "/eventbus/123/cookie01/xhr_send"}}) {
      HttpResponse<Buffer> response = raw(call[0], call[1], call[0].equals("POST") ? "[\"{\\\"type\\\":\\\"ping\\\"}\"]" : null,
        as(tree.member, "Origin", own));
      assertTrue(response.statusCode() < 300, () -> String.join(" ", call) + " answered " + response.statusCode());
      assertEquals(List.of(), response.cookies(), String.join(" ", call));
    }
  }

  @Test
  void malformedSockJsSendsAreAnswered400NotAServerError() {
    assertEquals(200, raw("POST", "/eventbus/123/sendtest/xhr", null, as(tree.member)).statusCode());
    for (String body : new String[] {"", "not json", "{\"type\":\"ping\"}", "[1, 2]", "[\"not a frame\"", "[null]"}) {
      assertError(400, "invalid", raw("POST", "/eventbus/123/sendtest/xhr_send", body, as(tree.member)));
    }
    assertEquals(204, raw("POST", "/eventbus/123/sendtest/xhr_send", "[\"not json inside\"]", as(tree.member)).statusCode());
    assertEquals(204, raw("POST", "/eventbus/123/sendtest/xhr_send", "[\"{\\\"type\\\":\\\"ping\\\"}\"]", as(tree.member)).statusCode());
  }

  @Test
  void everyResponseCarriesTheSecurityHeaders() {
    for (String path : new String[] {"/", "/index.html", "/app.js", "/api/me", "/api/nothing-here", "/nothing-here", "/eventbus/info",
      "/api/spaces/%zz", "/%E0%A4%A"}) {
      HttpResponse<Buffer> response = raw("GET", path, null, Map.of());
      WebSecurity expected = WebSecurity.forWebClient(List.of());
      assertEquals(expected.contentSecurityPolicy(), response.getHeader("Content-Security-Policy"), path);
      assertEquals("nosniff", response.getHeader("X-Content-Type-Options"), path);
      assertEquals("same-origin", response.getHeader("Referrer-Policy"), path);
      assertEquals("DENY", response.getHeader("X-Frame-Options"), path);
    }
  }

  @Test
  void theContentSecurityPolicyAllowsOnlyTheInlineScriptsOfThePage() throws Exception {
    String importMap = "\n  { \"imports\": { \"lit\": \"/webjars/lit/index.js\" } }\n  ";
    String html = "<!doctype html><html><head><script type=\"importmap\">" + importMap + "</script>"
      + "<script type=\"module\" src=\"/app.js\"></script></head><body></body></html>";
    String hash = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
      .digest(importMap.getBytes(StandardCharsets.UTF_8)));
    String csp = new WebSecurity(html, List.of()).contentSecurityPolicy();
    assertTrue(csp.contains("script-src 'self' 'sha256-" + hash + "';"), csp);
    for (String directive : new String[] {"default-src 'self'", "style-src 'self'", "img-src 'self' data:", "connect-src 'self'",
      "object-src 'none'", "base-uri 'none'", "form-action 'self'", "frame-ancestors 'none'"}) {
      assertTrue(csp.contains(directive), directive);
    }
    assertEquals(List.of(), WebSecurity.inlineScriptHashes("<script src=\"/a.js\"></script>"));
    assertEquals(2, WebSecurity.inlineScriptHashes(html + "<SCRIPT>alert(1)</SCRIPT >").size());
  }

  @Test
  void theServedPolicyHashesTheServedPage() throws Exception {
    String page = raw("GET", "/index.html", null, Map.of()).bodyAsString();
    String csp = raw("GET", "/", null, Map.of()).getHeader("Content-Security-Policy");
    for (String hash : WebSecurity.inlineScriptHashes(page)) {
      assertTrue(csp.contains("'" + hash + "'"), csp);
    }
    assertEquals(WebSecurity.inlineScriptHashes(page).size(), csp.split("'sha256-", -1).length - 1, csp);
  }

  @Test
  void aBadPercentEscapeInThePathIsTheJsonError() {
    assertError(400, "invalid", raw("GET", "/api/spaces/%zz", null, as(tree.member)));
    assertError(400, "invalid", raw("GET", "/api/spaces/" + tree.site + "/events?after=%zz", null, as(tree.member)));
  }

  @Test
  void queryParametersOutOfRangeAreRefusedNamingTheParameter() {
    String culture = "/api/spaces/" + team.id + "/culture";
    for (String[] bad : new String[][] {{"asOf", "-1000000000-01-01T00:00:00Z"}, {"asOf", "+1000000000-01-01T00:00:00Z"},
      {"asOf", "0999-12-31T23:59:59Z"}, {"asOf", "soon"}, {"windowDays", "99999999999"}, {"windowDays", "-1"}}) {
      for (String path : new String[] {culture, culture + "/rollup"}) {
        String url = (path.endsWith("rollup") ? "/api/spaces/" + tree.site + "/culture/rollup" : path) + "?" + bad[0] + "=" + bad[1];
        HttpResponse<Buffer> response = raw("GET", url.replace("+", "%2B"), null, as(tree.admin));
        assertError(400, "invalid", response);
        assertEquals(bad[0], response.bodyAsJsonObject().getJsonObject("error").getString("field"), url);
      }
    }
    assertEquals("after", tree.member.call("GET", "/api/spaces/" + tree.site + "/events?after=-1", null).error().getString("field"));
  }

  @Test
  void storedLinksMustBeWebOrMailLinks() {
    String meeting = team.run(team.lead, "POST", "/meetings", new JsonObject().put("title", "Links")
        .put("startsAt", Instant.now().plus(1, ChronoUnit.DAYS).toString()))
      .getJsonObject("payload").getJsonArray("meetings").getJsonObject(0).getString("id");
    String agenda = team.path("/meetings/" + meeting + "/agenda");
    long items = count("agenda_items");
    for (String link : new String[] {"javascript:alert(1)", "JavaScript:alert(1)", "data:text/html,<script>alert(1)</script>",
      "vbscript:x", "/relative", "www.example.org", "http:/one-slash", "https://exa mple.org", "https://example.org/\u2028x"}) {
      ApiClient.Response response = team.lead.call("POST", agenda, new JsonObject().put("title", "Data")
        .put("dataArtifacts", new JsonArray().add(new JsonObject().put("type", "assessment").put("title", "Scores").put("link", link))));
      assertEquals(400, response.status(), link);
      assertEquals("dataArtifacts[0].link", response.error().getString("field"), link);
    }
    assertEquals(items, count("agenda_items"));
    for (String link : new String[] {"https://drive.example.org/a?b=c#d", "HTTP://example.org", "mailto:data@district.test"}) {
      team.run(team.lead, "POST", "/meetings/" + meeting + "/agenda", new JsonObject().put("title", "Data")
        .put("dataArtifacts", new JsonArray().add(new JsonObject().put("type", "assessment").put("title", "Scores").put("link", link))));
    }
  }

  @Test
  void anImportedHistoryWithAScriptLinkIsRefusedNamingTheField() throws Exception {
    JsonObject doc = new JsonObject(Files.readString(Path.of("src/test/resources/history/example.json")));
    doc.getJsonArray("meetings").getJsonObject(0).getJsonArray("agenda").getJsonObject(0).getJsonArray("dataArtifacts")
      .getJsonObject(0).put("link", "javascript:fetch('/api/me')");
    long spaces = count("spaces");
    ApiClient.Response response = tree.admin.call("POST", "/api/spaces/" + tree.site + "/import", doc);
    assertEquals(400, response.status(), String.valueOf(response.json()));
    assertEquals("$.meetings[0].agenda[0].dataArtifacts[0].link", response.error().getString("field"));
    assertEquals(spaces, count("spaces"));
  }
}

package org.cadre.ops;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import org.cadre.http.TrustedProxies;
import org.cadre.Main;
import org.cadre.test.TeamFixture;
import org.cadre.test.TestDatabases;
import org.cadre.test.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a scraper and a load balancer see, over real requests. */
@ExtendWith(VertxExtension.class)
class OperationsTest {

  private static final Pattern COMMANDS_RUN = Pattern.compile("(?m)^cadre_commands_seconds_count\\{[^}]*} ([0-9.E]+)$");

  private static TestServer server;
  private static TestServer separate;
  private static int metricsPort;
  private static WebClient web;

  @BeforeAll
  static void start(Vertx vertx) throws Exception {
    String database = TestDatabases.fresh();
    server = TestServer.start(vertx, database);
    metricsPort = TestServer.freePort();
    separate = TestServer.start(vertx, database, TrustedProxies.none(), metricsPort);
    web = WebClient.create(vertx);
  }

  @AfterAll
  static void stop() {
    separate.close();
    server.close();
  }

  private static HttpResponse<Buffer> get(int port, String path) {
    return web.get(port, "localhost", path).send().await();
  }

  private static double commandsRun(String scrape) {
    Matcher m = COMMANDS_RUN.matcher(scrape);
    double total = 0;
    while (m.find()) {
      total += Double.parseDouble(m.group(1));
    }
    return total;
  }

  @Test
  void metricsAreInPrometheusTextAndCountCommands() {
    HttpResponse<Buffer> before = get(server.port(), "/metrics");
    assertEquals(200, before.statusCode());
    assertTrue(before.getHeader("Content-Type").startsWith("text/plain"));
    String network = server.admin().expect(201, "POST", "/api/spaces",
      new JsonObject().put("name", "Ops network").put("kind", "network")).getString("id");
    TeamFixture team = TeamFixture.create(server, network, "ops");
    team.run(team.lead, "POST", "/goals", new JsonObject().put("title", "Measured goal"));
    String after = get(server.port(), "/metrics").bodyAsString();
    assertTrue(commandsRun(after) >= commandsRun(before.bodyAsString()) + 1, after);
    assertTrue(after.contains("type=\"goal.create\""), "commands are counted by type");
    assertTrue(after.contains("cadre_bridge_sockets "), "open bridge connections are a gauge");
    assertTrue(after.contains("cadre_events_relayed_total"), "relayed events are counted");
  }

  @Test
  void withVertxMetricsOnAsMainStartsItTheScrapeHasHttpAndPoolMeters() {
    PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    Vertx measured = Vertx.builder()
      .with(new VertxOptions().setMetricsOptions(Main.vertxMetrics()))
      .withMetrics(new MicrometerMetricsFactory(meters))
      .build();
    try (TestServer withMetrics = TestServer.start(measured, server.databaseUrl(), meters)) {
      withMetrics.admin().me();
      String scrape = WebClient.create(measured).get(withMetrics.port(), "localhost", "/metrics").send().await().bodyAsString();
      assertTrue(scrape.contains("vertx_http_server_requests_total"), "HTTP requests");
      assertTrue(scrape.contains("vertx_pool_in_use"), "database pool usage");
      assertTrue(scrape.contains("pool_name=\"cadre-scoring\""), "the rescoring pool apart from the requests' pool");
      assertTrue(scrape.contains("pool_name=\"cadre-http-1\""), "each HTTP verticle's own pool");
      assertFalse(scrape.contains("vertx_eventbus_"), "no meter per bus delivery");
    } finally {
      measured.close().await();
    }
  }

  @Test
  void onlyExactlySlashMetricsIsTheScrapeTheClientsFilesUnderItStillServe() {
    HttpResponse<Buffer> page = get(server.port(), "/metrics/metrics-page.js");
    assertEquals(200, page.statusCode());
    assertTrue(page.getHeader("Content-Type").contains("javascript"), page.getHeader("Content-Type"));
    assertFalse(page.bodyAsString().contains("# HELP"));
  }

  @Test
  void aSeparateMetricsPortServesTheScrapeAndThePublicPortDoesNot() {
    HttpResponse<Buffer> scrape = get(metricsPort, "/metrics");
    assertEquals(200, scrape.statusCode());
    assertTrue(scrape.bodyAsString().contains("# HELP"));
    assertFalse(get(separate.port(), "/metrics").bodyAsString().contains("# HELP"),
      "the public port answers the client's page instead");
  }

  @Test
  void liveAndReadyAreUpWithTheirChecksNamed() {
    HttpResponse<Buffer> live = get(server.port(), "/health/live");
    assertEquals(200, live.statusCode());
    HttpResponse<Buffer> ready = get(server.port(), "/health/ready");
    assertEquals(200, ready.statusCode(), ready.bodyAsString());
    Map<String, String> checks = checks(ready.bodyAsJsonObject());
    assertEquals(Map.of("database", "UP", "migrations", "UP", "relay", "UP"), checks);
  }

  @Test
  void readyIsDownNamingTheRelayWhenItIsNotListening(Vertx vertx) throws Exception {
    try (TestServer alone = TestServer.start(vertx, TestDatabases.fresh())) {
      TestDatabases.execute(alone.databaseUrl(),
        "select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and query ilike 'listen%'");
      HttpResponse<Buffer> ready = null;
      for (int i = 0; i < 40 && (ready == null || ready.statusCode() == 200); i++) {
        Thread.sleep(25);
        ready = get(alone.port(), "/health/ready");
      }
      assertEquals(503, ready.statusCode(), ready.bodyAsString());
      assertEquals("DOWN", checks(ready.bodyAsJsonObject()).get("relay"));
      assertEquals("UP", checks(ready.bodyAsJsonObject()).get("database"));
    }
  }

  @Test
  void readyIsDownNamingTheDatabaseWhenItCannotBeReached(Vertx vertx) throws Exception {
    int closed = TestServer.freePort();
    Pool unreachable = PgBuilder.pool().connectingTo(new PgConnectOptions().setHost("localhost").setPort(closed)
      .setDatabase("cadre").setUser("cadre").setPassword("none")).using(vertx).build();
    Operations operations = new Operations(vertx, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), unreachable,
      () -> true);
    Router router = Router.router(vertx);
    operations.mount(router, true);
    HttpServer http = vertx.createHttpServer().requestHandler(router).listen(0).await();
    try {
      HttpResponse<Buffer> ready = get(http.actualPort(), "/health/ready");
      assertEquals(503, ready.statusCode());
      Map<String, String> checks = checks(ready.bodyAsJsonObject());
      assertEquals("DOWN", checks.get("database"));
      assertEquals("UP", checks.get("relay"));
      assertEquals(200, get(http.actualPort(), "/health/live").statusCode(), "the process itself is still up");
    } finally {
      http.close().await();
      unreachable.close().await();
    }
  }

  private static Map<String, String> checks(JsonObject health) {
    JsonArray checks = health.getJsonArray("checks");
    return checks.stream().map(JsonObject.class::cast)
      .collect(Collectors.toMap(c -> c.getString("id"), c -> c.getString("status")));
  }
}

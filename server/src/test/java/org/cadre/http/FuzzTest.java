package org.cadre.http;

import java.util.concurrent.atomic.AtomicInteger;
import org.cadre.ops.Operations;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.junit5.VertxExtension;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import org.cadre.HttpVerticle;
import org.cadre.account.AccountRepository;
import org.cadre.account.OidcRoutes;
import org.cadre.account.OidcSignIn;
import org.cadre.account.Accounts;
import org.cadre.account.PasswordHasher;
import org.cadre.culture.CultureEngine;
import org.cadre.culture.CultureRules;
import org.cadre.space.AccessVersions;
import org.cadre.test.ApiClient;
import org.cadre.test.BusClient;
import org.cadre.test.TeamFixture;
import org.cadre.test.TestDatabases;
import org.cadre.test.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Thousands of malformed requests across every route the router serves and every bus command type: none may answer
 * a 5xx, and none that is refused may store anything. The seed is fixed, so a failure reproduces; it prints the
 * request that caused it.
 */
@ExtendWith(VertxExtension.class)
class FuzzTest {

  private static final long SEED = 20260308L;
  private static final int REST_REQUESTS = 2400;
  private static final int BUS_COMMANDS = 480;
  /** The bus lets a connection send a burst of 40 commands; a fresh connection for each burst keeps 429s rare. */
  private static final int COMMANDS_PER_CONNECTION = 35;
  /** Fields that some route or command reads; the fuzzer sends them with values of every wrong kind. */
  private static final List<String> FIELDS = List.of("name", "kind", "description", "title", "text", "email", "password",
    "organization", "role", "userId", "ownerId", "startsAt", "endsAt", "localStart", "repeat", "frequency", "interval",
    "count", "dueDate", "status", "afterId", "meetingId", "itemId", "goalId", "field", "leaving", "minutes", "focus",
    "dataArtifacts", "tags", "notes", "note", "row", "level", "method", "receiverId", "protocol", "category", "stepsTotal",
    "timeZone", "cadenceDays", "base", "expiresAt", "maxUses", "afterSeq", "type", "disparityCheck", "location", "outcome",
    "impactReport", "presenterId", "facilitatorId", "format", "members", "meetings", "late", "link", "spaceId");
  /**
   * Row counts of the data tables and the sum of every space's seq (which each change increments). Not counted:
   * login_failures (a refused login is counted on purpose) and culture_snapshots (written by the watcher in the
   * background).
   */
  private static final String FINGERPRINT = "select concat_ws(',', "
    + String.join(", ", List.of("users", "organizations", "sessions", "api_tokens", "spaces", "memberships", "invitations",
      "events", "norms", "goals", "goal_revisions", "agreements", "agreement_reviews", "action_items", "meetings",
      "agenda_items", "attendance", "decisions", "feedback", "protocol_runs", "equity_analyses", "ratings")
      .stream().map(t -> "'" + t + "=' || (select count(*) from " + t + ")").toList())
    + ", 'seq=' || (select coalesce(sum(seq), 0) from spaces))";
  private static final Pattern PARAM = Pattern.compile(":([A-Za-z]+)");

  private static TestServer server;
  private static TeamFixture team;
  private static TeamFixture otherTeam;
  private static List<Route> routes;
  private static Set<String> commandTypes;
  private static List<String> ids;
  private static WebClient web;
  /** One connection for the thousands of fingerprints: opening one each time would take most of the run. */
  private static java.sql.Connection jdbc;

  @BeforeAll
  static void start(Vertx vertx) throws java.sql.SQLException {
    String database = TestDatabases.fresh();
    jdbc = TestDatabases.jdbc(database);
    server = TestServer.start(vertx, database);
    ApiClient admin = server.admin();
    String network = admin.expect(201, "POST", "/api/spaces", new JsonObject().put("name", "Fuzz").put("kind", "network")).getString("id");
    team = TeamFixture.create(server, network, "fuzz");
    otherTeam = TeamFixture.create(server, network, "fuzz-other");
    String meeting = team.run(team.lead, "POST", "/meetings", new JsonObject().put("title", "Fuzzed")
      .put("startsAt", Instant.now().minus(5, ChronoUnit.MINUTES).toString()))
      .getJsonObject("payload").getJsonArray("meetings").getJsonObject(0).getString("id");
    ids = new ArrayList<>(List.of(network, team.id, otherTeam.id, meeting, team.member.userId(), otherTeam.member.userId(),
      created("/meetings/" + meeting + "/agenda", new JsonObject().put("title", "Item")),
      created("/norms", new JsonObject().put("text", "Norm")), created("/goals", new JsonObject().put("title", "Goal")),
      created("/action-items", new JsonObject().put("title", "Act")),
      created("/agreements", new JsonObject().put("title", "Agree").put("kind", "agreement"))));
    routes = enumerateRoutes(vertx, database);
    commandTypes = deployed.commandTypes();
    web = WebClient.create(vertx, new WebClientOptions().setKeepAlive(false).setDefaultHost("localhost").setDefaultPort(server.port()));
  }

  private static HttpVerticle deployed;

  /** Reads the routes off a verticle built exactly as the server builds its own, so new routes are fuzzed too. */
  private static List<Route> enumerateRoutes(Vertx vertx, String database) {
    Pool pool = PgBuilder.pool().connectingTo(PgConnectOptions.fromUri(database)).using(vertx).build();
    PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    AccountRepository accounts = new AccountRepository(pool);
    deployed = new HttpVerticle(pool, new Accounts(vertx, accounts, new PasswordHasher()), new AccessVersions(),
      new CultureEngine(CultureRules.defaults()), 0, WebSecurity.forWebClient(List.of()),
      new HttpVerticle.Operated(new Operations(vertx, meters, pool, () -> true), false, meters, new AtomicInteger(),
        TrustedProxies.none()),
      new OidcRoutes(OidcSignIn.discover(vertx, List.of(), accounts).await(), List.of(), null, user -> io.vertx.core.Future.succeededFuture()),
      new org.cadre.notify.Mailer(vertx, pool, null, null, meters));
    String id = vertx.deployVerticle(deployed).await();
    List<Route> found = deployed.routes().stream().filter(r -> r.getPath() != null).toList();
    vertx.undeploy(id).await();
    pool.close().await();
    return found;
  }

  private static String created(String path, JsonObject body) {
    return team.run(team.lead, "POST", path, body).getJsonObject("payload").getString("id");
  }

  @AfterAll
  static void stop() throws java.sql.SQLException {
    jdbc.close();
    server.close();
  }

  private static String fingerprint() {
    try (var st = jdbc.createStatement(); var rs = st.executeQuery(FINGERPRINT)) {
      rs.next();
      return rs.getString(1);
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static <T> T pick(Random random, List<T> options) {
    return options.get(random.nextInt(options.size()));
  }

  /** A value of some kind, usually wrong for whatever field it lands in. */
  private static Object value(Random random) {
    return switch (random.nextInt(22)) {
      case 0 -> "";
      case 1 -> "x".repeat(1 + random.nextInt(5000));
      case 2 -> random.nextLong();
      case 3 -> -1 - random.nextInt(1000);
      case 4 -> random.nextDouble() * 1e12;
      case 5 -> random.nextBoolean();
      case 6 -> new JsonArray().add(value(random)).add(pick(random, ids));
      case 7 -> new JsonObject().put(pick(random, FIELDS), pick(random, ids));
      case 8 -> "ctrl\u0000\u0007\u001b" + random.nextInt();
      case 9 -> "not-a-uuid";
      case 10 -> UUID.randomUUID().toString();
      case 11 -> pick(random, ids);
      case 12 -> pick(random, List.of("-1000000000-01-01T00:00:00Z", "+999999999-12-31T23:59:59Z", "2026-13-45", "2026-03-02T15:30:00Z",
        "0000-00-00", "2026-03-02"));
      case 13 -> pick(random, List.of("network", "district", "site", "team", "lead", "member", "partner", "observer", "weekly",
        "done", "in-progress", "assessment", "javascript:alert(1)", "https://example.org", "B1", "warm", "vote"));
      case 14 -> Long.MAX_VALUE;
      case 15 -> "\uD83D\uDE00\u202E\uFEFF";
      case 16 -> new JsonArray().add(new JsonObject().put("type", value(random)).put("title", value(random)).put("link", value(random)));
      case 17 -> "%zz%";
      case 18 -> 1e308;
      case 19 -> 0;
      case 20 -> new JsonObject().put("frequency", value(random)).put("interval", value(random)).put("count", value(random));
      default -> null;
    };
  }

  private static JsonObject body(Random random) {
    JsonObject body = new JsonObject();
    for (int i = random.nextInt(6); i >= 0; i--) {
      body.put(pick(random, FIELDS), value(random));
    }
    return body;
  }

  private static String pathValue(Random random) {
    return random.nextInt(3) > 0 ? pick(random, ids) : pick(random, List.of("nope", "%zz", "%", "%E0%A4%A", "..", "-1", "0", "null",
      "%00", "%F0%9F%98%80", "x".repeat(1000), UUID.randomUUID().toString(), "00000000-0000-0000-0000-00000000000g", "%2F..%2F"));
  }

  /** Within Netty's 4 KiB request line: beyond it Netty answers 414 itself, before any of Cadre's code runs. */
  private static String query(Random random) {
    return switch (random.nextInt(8)) {
      case 0 -> "?asOf=" + pick(random, List.of("-1000000000-01-01T00:00:00Z", "%2B1000000000-01-01T00:00:00Z", "soon", "%zz", ""));
      case 1 -> "?windowDays=" + pick(random, List.of("0", "-5", "99999999999999", "1.5", "x", "%"));
      case 2 -> "?after=" + pick(random, List.of("-1", "9223372036854775808", "abc", "%zz", "1e3"));
      case 3 -> "?" + "a=" + "b".repeat(2000);
      case 4 -> "?%%%=%";
      default -> "";
    };
  }

  private record Sent(String method, String path, String contentType, String body, String caller) {
    @Override
    public String toString() {
      return method + " " + (path.length() > 300 ? path.substring(0, 300) + "..." : path) + " as " + caller + " [" + contentType + "] " + (body == null ? "(no body)"
        : body.length() > 400 ? body.substring(0, 400) + "..." : body);
    }
  }

  /** Whatever may be sent as a body, with the content type it claims. */
  private static String[] payload(Random random) {
    return switch (random.nextInt(12)) {
      case 0 -> new String[] {"text/plain", body(random).encode()};
      case 1 -> new String[] {"application/x-www-form-urlencoded", "name=x&kind=network&email=a%40b.c"};
      case 2 -> new String[] {"multipart/form-data; boundary=B", "--B\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\nx\r\n--B--\r\n"};
      case 3 -> new String[] {"application/json", pick(random, List.of("{", "[]", "null", "1", "\"s\"", "{\"a\":", "\u0000", "[{}]", "{}"))};
      case 4 -> new String[] {null, null};
      case 5 -> new String[] {"application/json", "{\"name\":\"" + "y".repeat(70_000) + "\"}"};
      default -> new String[] {"application/json", body(random).encode()};
    };
  }

  @Test
  void malformedRequestsOnEveryRouteNeverFailTheServerNorStoreAnything() {
    Random random = new Random(SEED);
    List<Route> targets = routes.stream()
      .filter(r -> r.getPath().startsWith("/api") || r.getPath().startsWith("/eventbus"))
      // Logging out (here or everywhere) or archiving the team would only make every later request a 401 or a 409.
      .filter(r -> !r.getPath().endsWith("/logout") && !r.getPath().endsWith("/revoke-all") && !r.getPath().endsWith("/archive"))
      .sorted(Comparator.comparing(Route::getPath))
      .toList();
    assertFalse(targets.isEmpty());
    List<ApiClient> callers = List.of(server.admin(), team.member, server.anonymous(), otherTeam.lead);
    String before = fingerprint();
    for (int n = 0; n < REST_REQUESTS; n++) {
      Route route = targets.get(n % targets.size());
      Set<HttpMethod> methods = route.methods();
      HttpMethod method = methods == null || methods.isEmpty() || random.nextInt(10) == 0
        ? pick(random, List.of(HttpMethod.GET, HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE, HttpMethod.OPTIONS))
        : pick(random, List.copyOf(methods));
      Matcher m = PARAM.matcher(route.getPath());
      StringBuilder path = new StringBuilder();
      while (m.find()) {
        m.appendReplacement(path, Matcher.quoteReplacement(pathValue(random)));
      }
      m.appendTail(path);
      String uri = path.toString().replace("*", pick(random, List.of("", "x", "123/abc/xhr_send", "%zz", "info"))) + query(random);
      String[] payload = payload(random);
      int who = random.nextInt(10);
      ApiClient caller = callers.get(who < 6 ? 0 : who < 8 ? 1 : who < 9 ? 2 : 3);
      Sent sent = new Sent(method.name(), uri, payload[0], payload[1], caller == callers.get(2) ? "anonymous" : caller.userId());
      HttpResponse<Buffer> response = send(sent, caller);
      if (response.statusCode() >= 500) {
        fail("Request #" + n + " answered " + response.statusCode() + ": " + sent + " -> " + response.bodyAsString());
      }
      String type = response.getHeader("content-type");
      if (response.statusCode() >= 400 && uri.startsWith("/api") && (type == null || !type.startsWith("application/json"))) {
        fail("Request #" + n + " answered " + response.statusCode() + " without the JSON error: " + sent + " -> " + response.bodyAsString());
      }
      String after = fingerprint();
      if (response.statusCode() >= 300 && !after.equals(before)) {
        fail("Request #" + n + " was refused with " + response.statusCode() + " but stored something: " + sent
          + "\n before: " + before + "\n after:  " + after);
      }
      before = after;
    }
  }

  private static HttpResponse<Buffer> send(Sent sent, ApiClient caller) {
    HttpRequest<Buffer> request = web.request(HttpMethod.valueOf(sent.method()), sent.path()).idleTimeout(10_000);
    if (caller.session() != null) {
      request.putHeader("Cookie", "cadre_session=" + caller.session());
    }
    if (sent.contentType() != null) {
      request.putHeader("Content-Type", sent.contentType());
    }
    try {
      return (sent.body() == null ? request.send() : request.sendBuffer(Buffer.buffer(sent.body()))).await();
    } catch (Throwable e) {
      throw new AssertionError("No answer to " + sent, e);
    }
  }

  @Test
  void malformedBusCommandsOfEveryTypeAreRefusedWithoutAServerError(Vertx vertx) {
    Random random = new Random(SEED + 1);
    List<String> types = commandTypes.stream().sorted().toList();
    List<Object> spaceIds = new ArrayList<>(List.of(team.id, team.id, team.id, otherTeam.id, "nope", UUID.randomUUID().toString(), 7));
    spaceIds.add(null);
    String before = fingerprint();
    BusClient bus = null;
    try {
      for (int n = 0; n < BUS_COMMANDS; n++) {
        if (n % COMMANDS_PER_CONNECTION == 0) {
          if (bus != null) {
            bus.close();
          }
          bus = BusClient.connect(vertx, server.port(), n % (2 * COMMANDS_PER_CONNECTION) == 0 ? team.lead : team.member);
        }
        JsonObject command = body(random).put("type", random.nextInt(20) == 0 ? value(random) : types.get(n % types.size()))
          .put("spaceId", pick(random, spaceIds));
        JsonObject reply = bus.request(command);
        if ("err".equals(reply.getString("type")) && reply.getInteger("failureCode", 0) >= 500) {
          fail("Command #" + n + " failed with " + reply.getInteger("failureCode") + ": " + command.encode() + " -> " + reply.encode());
        }
        String after = fingerprint();
        if (!"rec".equals(reply.getString("type")) && !after.equals(before)) {
          fail("Command #" + n + " was refused but stored something: " + command.encode() + "\n before: " + before + "\n after:  " + after);
        }
        before = after;
      }
    } finally {
      if (bus != null) {
        bus.close();
      }
    }
  }
}

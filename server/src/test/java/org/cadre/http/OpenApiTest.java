package org.cadre.http;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.json.pointer.JsonPointer;
import io.vertx.ext.web.Route;
import io.vertx.junit5.VertxExtension;
import io.vertx.json.schema.Draft;
import io.vertx.json.schema.JsonSchema;
import io.vertx.json.schema.JsonSchemaOptions;
import io.vertx.json.schema.OutputFormat;
import io.vertx.json.schema.OutputUnit;
import io.vertx.json.schema.SchemaRepository;
import io.vertx.openapi.contract.OpenAPIVersion;
import org.cadre.realtime.Commands;
import org.cadre.test.ApiClient;
import org.cadre.test.HistorySchema;
import org.cadre.test.ServedRoutes;
import org.cadre.test.TeamFixture;
import org.cadre.test.TestDatabases;
import org.cadre.test.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The OpenAPI document at {@code /api/openapi.json} is valid OpenAPI 3.1, names every route the router serves under
 * {@code /api} and no other, and lists for each bus command served over REST exactly the body fields it accepts.
 */
@ExtendWith(VertxExtension.class)
class OpenApiTest {

  private static final Set<String> HTTP_METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
  private static final Pattern PARAM = Pattern.compile("\\{(\\w+)}");

  private static TestServer server;
  private static ServedRoutes served;
  private static JsonObject document;

  @BeforeAll
  static void start(Vertx vertx) {
    String database = TestDatabases.fresh();
    server = TestServer.start(vertx, database);
    served = ServedRoutes.of(vertx, database);
    ApiClient.Response answer = server.anonymous().get("/api/openapi.json");
    assertEquals(200, answer.status(), "served without signing in");
    assertTrue(answer.raw().getHeader("content-type").startsWith("application/json"));
    document = answer.json();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void theDocumentIsValidOpenApi31AndEveryReferenceResolves(Vertx vertx) {
    // OpenAPIContract.from would also do this, but it refuses responses it cannot validate itself (CSV, PDF, iCal).
    assertEquals(OpenAPIVersion.V3_1, OpenAPIVersion.fromContract(document));
    SchemaRepository schemas = OpenAPIVersion.V3_1.getRepository(vertx, "app:///").await();
    OutputUnit result = OpenAPIVersion.V3_1.validateContract(vertx, schemas, document).await();
    assertTrue(result.getValid(), () -> String.valueOf(result.getErrors()));
    Set<String> broken = new TreeSet<>();
    brokenReferences(document, broken);
    assertEquals(Set.of(), broken, "references to nothing");
  }

  private static void brokenReferences(Object node, Set<String> broken) {
    if (node instanceof JsonObject object) {
      String ref = object.getString("$ref");
      if (ref != null && !ref.startsWith("#/")) {
        broken.add(ref + " (only references within the document)");
      } else if (ref != null && JsonPointer.from(ref.substring(1)).queryJson(document) == null) {
        broken.add(ref);
      }
      object.forEach(entry -> brokenReferences(entry.getValue(), broken));
    } else if (node instanceof JsonArray array) {
      array.forEach(item -> brokenReferences(item, broken));
    }
  }

  @Test
  void everyServedRouteIsDocumentedAndEveryDocumentedOneIsServed() {
    Set<String> servedOps = new TreeSet<>();
    List<Route> regexRoutes = new ArrayList<>();
    for (Route route : served.routes()) {
      if (route.methods() == null || route.methods().isEmpty()) {
        continue; // the body handler, authentication and the 404 of /api/*: no operation of their own
      }
      if (route.getPath() == null) {
        regexRoutes.add(route);
      } else if (route.getPath().startsWith("/api/")) {
        for (HttpMethod method : route.methods()) {
          servedOps.add(method.name() + " " + route.getPath().replaceAll(":(\\w+)", "{$1}"));
        }
      }
    }
    Set<String> documentedOps = new TreeSet<>(operations().stream().map(Operation::name).toList());
    Set<String> undocumented = new TreeSet<>(servedOps);
    undocumented.removeAll(documentedOps);
    Set<String> unserved = new TreeSet<>(documentedOps);
    unserved.removeAll(servedOps);
    // A route by regular expression (the calendar feed's .ics) is served if it matches the documented path.
    for (Route route : regexRoutes) {
      List<String> matching = unserved.stream().filter(op -> matches(route, op)).toList();
      if (route.getName() != null && route.getName().startsWith("/api/") && matching.isEmpty()) {
        undocumented.add(route.methods() + " " + route.getName());
      }
      matching.forEach(unserved::remove);
    }
    assertEquals(Set.of(), undocumented, "served but not in openapi.json");
    assertEquals(Set.of(), unserved, "in openapi.json but not served");
  }

  /** Whether the documented operation, its parameters filled in, is what this route answers. */
  private static boolean matches(Route route, String op) {
    String method = op.substring(0, op.indexOf(' '));
    String sample = PARAM.matcher(op.substring(op.indexOf(' ') + 1)).replaceAll("abc");
    return route.methods().stream().anyMatch(m -> m.name().equals(method)) && route.getName() != null
      && Pattern.compile(route.getName()).matcher(sample).matches();
  }

  /**
   * Real answers of a day's work in a team, and a few refusals, each held to the schema the document gives for its
   * operation and status: so the schemas say what the server sends, not what someone remembered.
   */
  @Test
  void realAnswersMatchTheSchemasDocumentedForThem() {
    SchemaRepository schemas = SchemaRepository.create(new JsonSchemaOptions().setDraft(Draft.DRAFT202012)
      .setBaseUri("app:///").setOutputFormat(OutputFormat.Basic));
    schemas.dereference("app:///openapi.json", JsonSchema.of(document));
    Answers answers = new Answers(schemas);
    ApiClient admin = server.admin();
    String network = answers.check(admin, 201, "POST", "/api/spaces", new JsonObject().put("name", "Documented").put("kind", "network"))
      .getString("id");
    TeamFixture team = TeamFixture.create(server, network, "openapi");
    ApiClient lead = team.lead;
    answers.check(lead, 200, "GET", "/api/me", null);
    answers.check(lead, 200, "PATCH", "/api/me", new JsonObject().put("language", "es"));
    JsonObject token = answers.check(lead, 201, "POST", "/api/me/tokens", new JsonObject().put("name", "script")
      .put("expiresAt", Instant.now().plus(Duration.ofDays(7)).toString()));
    answers.check(lead, 200, "GET", "/api/me/tokens", null);
    answers.check(lead.withToken(token.getString("token")), 200, "GET", "/api/spaces", null);
    answers.check(lead, 200, "GET", "/api/spaces/{id}", null, team.id);
    answers.check(admin, 200, "PATCH", "/api/spaces/{id}", new JsonObject().put("description", "Ninth grade"), team.id);
    answers.check(lead, 200, "GET", "/api/spaces/{id}/members", null, team.id);
    answers.check(admin, 200, "POST", "/api/spaces/{id}/members", new JsonObject().put("userId", team.observer.userId())
      .put("role", "member"), team.id);
    JsonObject invitation = answers.check(admin, 201, "POST", "/api/spaces/{id}/invitations",
      new JsonObject().put("role", "observer").put("maxUses", 2), team.id);
    answers.check(admin, 200, "GET", "/api/spaces/{id}/invitations", null, team.id);
    answers.check(server.register("invited.openapi@district.test", "Invited"), 200, "POST", "/api/invitations/{token}/accept", null,
      invitation.getString("token"));
    String norm = answers.check(lead, 201, "POST", "/api/spaces/{id}/norms", new JsonObject().put("text", "Start on time"), team.id)
      .getJsonObject("payload").getString("id");
    answers.check(lead, 200, "PATCH", "/api/spaces/{id}/norms/{normId}", new JsonObject().put("text", "Start and end on time"),
      team.id, norm);
    answers.check(lead, 201, "POST", "/api/spaces/{id}/goals", new JsonObject().put("title", "Raise attendance"), team.id);
    JsonObject meeting = answers.check(lead, 201, "POST", "/api/spaces/{id}/meetings", new JsonObject().put("title", "Weekly")
      .put("startsAt", Instant.now().minus(Duration.ofMinutes(5)).toString()), team.id);
    String meetingId = meeting.getJsonObject("payload").getJsonArray("meetings").getJsonObject(0).getString("id");
    answers.check(lead, 200, "POST", "/api/spaces/{id}/meetings/{meetingId}/agenda", new JsonObject().put("title", "Data"),
      team.id, meetingId);
    String run = answers.check(lead, 200, "POST", "/api/spaces/{id}/meetings/{meetingId}/protocol-runs",
      new JsonObject().put("protocolId", builtInProtocol(lead, team.id)), team.id, meetingId).getJsonObject("payload").getString("id");
    answers.check(lead, 200, "POST", "/api/spaces/{id}/protocol-runs/{runId}/advance", null, team.id, run);
    answers.check(lead, 200, "GET", "/api/spaces/{id}/protocol-runs/{runId}", null, team.id, run);
    answers.check(lead, 200, "POST", "/api/spaces/{id}/meetings/{meetingId}/decisions", new JsonObject().put("text", "Meet weekly"),
      team.id, meetingId);
    answers.check(team.member, 200, "POST", "/api/spaces/{id}/meetings/{meetingId}/check-in", null, team.id, meetingId);
    answers.check(lead, 201, "POST", "/api/spaces/{id}/action-items", new JsonObject().put("title", "Call families"), team.id);
    answers.check(lead, 200, "GET", "/api/spaces/{id}/meetings/{meetingId}", null, team.id, meetingId);
    answers.check(lead, 200, "POST", "/api/spaces/{id}/meetings/{meetingId}/close", null, team.id, meetingId);
    answers.check(lead, 200, "GET", "/api/spaces/{id}/board", null, team.id);
    answers.check(lead, 200, "GET", "/api/spaces/{id}/events", null, team.id);
    answers.check(lead, 200, "POST", "/api/spaces/{id}/culture/ratings", new JsonObject().put("row", "A1").put("level", 2), team.id);
    answers.check(lead, 200, "GET", "/api/spaces/{id}/culture", null, team.id);
    answers.check(lead, 200, "GET", "/api/spaces/{id}/culture/trend", null, team.id);
    answers.check(lead, 200, "GET", "/api/spaces/{id}/culture/ratings/mine", null, team.id);
    answers.check(admin, 200, "GET", "/api/spaces/{id}/culture/rollup", null, network);
    answers.check(lead, 200, "GET", "/api/continua", null);
    answers.check(lead, 200, "GET", "/api/spaces/{id}/continua", null, team.id);
    JsonObject protocols = answers.check(lead, 200, "GET", "/api/spaces/{id}/protocols", null, team.id);
    String builtIn = protocols.getJsonArray("protocols").getJsonObject(0).getString("id");
    JsonObject content = protocols.getJsonArray("protocols").getJsonObject(0).getJsonObject("content");
    String own = answers.check(lead, 201, "POST", "/api/spaces/{id}/protocols", content, team.id).getString("id");
    answers.check(lead, 200, "PUT", "/api/protocols/{id}", content.copy().put("name", "Our own"), own);
    answers.check(lead, 200, "GET", "/api/protocols/{id}", null, own);
    answers.check(lead, 201, "POST", "/api/spaces/{id}/protocols/{protocolId}/copy", new JsonObject().put("name", "Copied"),
      team.id, builtIn);
    answers.check(lead, 200, "POST", "/api/protocols/{id}/archive", null, own);
    answers.check(lead, 403, "PUT", "/api/protocols/{id}", content, builtIn);
    answers.check(lead, 200, "PATCH", "/api/spaces/{id}/settings", new JsonObject().put("timeZone", "America/Chicago"), team.id);
    answers.check(lead, 200, "GET", "/api/spaces/{id}/history", null, team.id);
    answers.check(lead, 200, "GET", "/api/spaces/{id}/metrics", null, team.id);
    answers.check(lead, 200, "GET", "/api/me/metrics", null);
    answers.check(lead, 200, "GET", "/api/spaces/{id}/report", null, team.id);
    answers.check(admin, 200, "GET", "/api/spaces/{id}/report", null, network);
    answers.check(lead, 201, "POST", "/api/spaces/{id}/calendar-feed", null, team.id);
    answers.check(lead, 200, "GET", "/api/spaces/{id}/calendar-feed", null, team.id);
    answers.check(lead, 200, "GET", "/api/auth/providers", null);
    answers.check(lead, 404, "GET", "/api/spaces/{id}", null, UUID.randomUUID().toString());
    answers.check(lead, 400, "POST", "/api/spaces/{id}/norms", new JsonObject().put("text", ""), team.id);
    answers.check(team.observer, 403, "POST", "/api/spaces/{id}/members", new JsonObject().put("userId", team.observer.userId())
      .put("role", "observer"), team.id);
    answers.check(admin, 409, "POST", "/api/spaces/{id}/members", new JsonObject().put("userId", admin.userId())
      .put("role", "member"), network);
    answers.check(server.anonymous(), 401, "GET", "/api/me", null);
    answers.check(lead, 200, "POST", "/api/me/sessions/revoke-all", new JsonObject().put("tokens", true));
    assertEquals(new TreeMap<>(), answers.wrong);
  }

  private static String builtInProtocol(ApiClient caller, String space) {
    return caller.get("/api/spaces/" + space + "/protocols").json().getJsonArray("protocols").getJsonObject(0).getString("id");
  }

  /** Calls operations and collects where an answer breaks its documented schema. */
  private static final class Answers {
    private final SchemaRepository schemas;
    private final TreeMap<String, String> wrong = new TreeMap<>();

    Answers(SchemaRepository schemas) {
      this.schemas = schemas;
    }

    JsonObject check(ApiClient caller, int status, String method, String template, JsonObject body, String... params) {
      Matcher m = PARAM.matcher(template);
      StringBuilder uri = new StringBuilder();
      for (int n = 0; m.find(); n++) {
        m.appendReplacement(uri, Matcher.quoteReplacement(params[n]));
      }
      m.appendTail(uri);
      ApiClient.Response answer = caller.call(method, uri.toString(), body);
      String op = method + " " + template + " " + status;
      assertEquals(status, answer.status(), () -> op + ": " + answer.json());
      JsonObject response = document.getJsonObject("paths").getJsonObject(template).getJsonObject(method.toLowerCase(Locale.ROOT))
        .getJsonObject("responses").getJsonObject(String.valueOf(status));
      if (response == null) {
        wrong.put(op, "no such response documented");
        return answer.json();
      }
      String pointer = response.containsKey("$ref") ? response.getString("$ref")
        : "#/paths/" + template.replace("~", "~0").replace("/", "~1") + "/" + method.toLowerCase(Locale.ROOT) + "/responses/" + status;
      OutputUnit result = schemas.validator("app:///openapi.json" + pointer + "/content/application~1json/schema").validate(answer.json());
      if (!Boolean.TRUE.equals(result.getValid())) {
        wrong.put(op, HistorySchema.describe(result.getErrors()));
      }
      return answer.json();
    }
  }

  /**
   * The other routes declare their fields in a {@link BodyShape} too, which runs before anything else and refuses an
   * unknown field naming the known ones: those must be the document's.
   */
  @Test
  void eachOtherOperationDocumentsExactlyTheBodyFieldsItsRouteAccepts() {
    ApiClient anonymous = server.anonymous();
    TreeMap<String, String> wrong = new TreeMap<>();
    int checked = 0;
    for (Operation op : operations()) {
      JsonObject request = op.spec().getJsonObject("requestBody");
      if (op.spec().containsKey("x-cadre-command") || request == null) {
        continue;
      }
      JsonObject schema = resolve(request.getJsonObject("content").getJsonObject("application/json").getJsonObject("schema"));
      if (!schema.containsKey("properties")) {
        continue; // the history import: a document whose format says unknown fields are ignored
      }
      checked++;
      String uri = PARAM.matcher(op.path()).replaceAll(m -> UUID.randomUUID().toString());
      ApiClient.Response answer = anonymous.call(op.method().toUpperCase(Locale.ROOT), uri, new JsonObject().put("zzUnknown", 1));
      String message = answer.status() == 400 ? answer.error().getString("message") : "";
      // English: "'zzUnknown' is not a field of POST /api/...; known: name, kind, description."
      String known = message.contains("known: ") ? message.substring(message.indexOf("known: ") + 7, message.length() - 1) : null;
      Set<String> accepted = known == null ? null : known.isEmpty() ? Set.of() : new TreeSet<>(List.of(known.split(", ")));
      Set<String> documented = new TreeSet<>(schema.getJsonObject("properties").fieldNames());
      if (!documented.equals(accepted)) {
        wrong.put(op.name(), "accepts " + accepted + " (" + answer.status() + " " + message + "), documented " + documented);
      }
    }
    assertTrue(checked > 15, "checked " + checked);
    assertEquals(new TreeMap<>(), wrong);
  }

  /** A documented operation: its path as the document writes it, its method in lower case, and its object. */
  private record Operation(String path, String method, JsonObject spec) {
    String name() {
      return method.toUpperCase(Locale.ROOT) + " " + path;
    }
  }

  private static List<Operation> operations() {
    List<Operation> operations = new ArrayList<>();
    JsonObject paths = document.getJsonObject("paths");
    for (String path : paths.fieldNames()) {
      for (String method : paths.getJsonObject(path).fieldNames()) {
        if (HTTP_METHODS.contains(method)) {
          operations.add(new Operation(path, method, paths.getJsonObject(path).getJsonObject(method)));
        }
      }
    }
    return operations;
  }

  private static JsonObject resolve(JsonObject schema) {
    String ref = schema.getString("$ref");
    return ref == null ? schema : (JsonObject) JsonPointer.from(ref.substring(1)).queryJson(document);
  }

  @Test
  void eachCommandOperationDocumentsExactlyTheBodyFieldsItsCommandAccepts() {
    Commands commands = served.commands();
    TreeMap<String, String> wrong = new TreeMap<>();
    int checked = 0;
    for (Operation op : operations()) {
      String type = op.spec().getString("x-cadre-command");
      if (type == null) {
        continue;
      }
      checked++;
      Set<String> accepted = new TreeSet<>(commands.fields(type));
      accepted.removeAll(Commands.ENVELOPE.names());
      Matcher params = PARAM.matcher(op.path());
      while (params.find()) {
        accepted.remove(params.group(1));
      }
      Set<String> documented = new TreeSet<>();
      JsonObject request = op.spec().getJsonObject("requestBody");
      if (request != null) {
        documented.addAll(request.getJsonObject("content").getJsonObject("application/json").getJsonObject("schema")
          .getJsonObject("properties").fieldNames());
        documented.remove(Commands.COMMAND_ID);
      }
      if (!accepted.equals(documented)) {
        wrong.put(op.name() + " (" + type + ")", "accepts " + accepted + ", documented " + documented);
      }
    }
    assertEquals(commands.routes().size(), checked, "every command served over REST is marked with its type");
    assertEquals(new TreeMap<>(), wrong);
  }
}

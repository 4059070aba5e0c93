package org.cadre.protocol;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.cadre.demo.DemoNetwork;
import org.cadre.test.ApiClient;
import org.cadre.test.TestDatabases;
import org.cadre.test.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(VertxExtension.class)
class ProtocolLibraryTest {

  private static final Set<String> SEED_NAMES = Set.of("School Site Protocol Cycle", "Determining Student Learning Needs",
    "Designing and Revising the School Implementation Plan", "Collaborative Instructional Design", "Critical Friends",
    "Examining Data", "Analyzing Student Work", "Learning Rounds");

  private static Vertx vertx;
  private static TestServer server;
  private static ApiClient ana;
  private static String ninth;

  @BeforeAll
  static void start(Vertx v) {
    vertx = v;
    server = TestServer.start(vertx, TestDatabases.fresh(), true);
    ana = server.anonymous().login("ana.torres@riverside.demo", DemoNetwork.PASSWORD);
    ninth = ana.spaceId("Lincoln 9th Grade Pathway Team");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void theEightBuiltInsAreSeededOnceEvenAcrossRestarts() {
    TestServer.start(vertx, server.databaseUrl()).close();
    assertEquals(8, TestDatabases.count(server.databaseUrl(), "select count(*) from protocols where owner_space_id is null"));
    assertEquals(8, TestDatabases.count(server.databaseUrl(),
      "select count(*) from protocol_versions v join protocols p on p.id = v.protocol_id where p.owner_space_id is null"));
    Set<String> names = builtIns().stream().map(p -> p.getString("name")).collect(Collectors.toSet());
    assertEquals(SEED_NAMES, names);
  }

  @Test
  void examiningDataFollowsTheSeedsStepsAndMinutes() {
    JsonObject content = ana.expect(200, "GET", "/api/protocols/" + builtIn("Examining Data"), null).getJsonObject("content");
    assertEquals("data", content.getString("category"));
    JsonArray steps = content.getJsonArray("steps");
    List<String> titles = steps.stream().map(s -> ((JsonObject) s).getString("title")).toList();
    assertEquals(List.of("Opening", "Gather facts", "Make evidence-based inferences", "Identify strengths",
      "Identify problems of practice", "Brainstorm next steps", "Decide next steps", "Design the action plan", "Debrief"), titles);
    List<Integer> minutes = steps.stream().map(s -> ((JsonObject) s).getInteger("maxMinutes")).toList();
    assertEquals(List.of(5, 10, 10, 5, 10, 5, 10, 10, 5), minutes);
    assertTrue(content.getJsonArray("roles").contains("timekeeper"));
    assertFalse(steps.getJsonObject(7).getJsonArray("outputs").isEmpty());
  }

  @Test
  void everyBuiltInHasASpanishTextWithTheSameStepsAndMinutesAndIsAnsweredInTheRequestsLanguage() {
    var english = ProtocolLibrary.builtIns("/org/cadre/protocol/library.json");
    var spanish = ProtocolLibrary.builtIns("/org/cadre/protocol/library_es.json");
    assertEquals(english.keySet(), spanish.keySet());
    english.forEach((id, content) -> {
      ProtocolContent es = spanish.get(id);
      assertEquals(content.category(), es.category(), content.name());
      assertEquals(content.roles(), es.roles(), content.name());
      assertEquals(content.steps().stream().map(s -> s.minMinutes() + "-" + s.maxMinutes()).toList(),
        es.steps().stream().map(s -> s.minMinutes() + "-" + s.maxMinutes()).toList(), content.name());
    });
    JsonObject examining = ana.expect(200, "GET", "/api/protocols/" + builtIn("Examining Data") + "?lang=es", null);
    assertEquals("Examinar datos", examining.getString("name"));
    assertEquals("Reunir hechos", examining.getJsonObject("content").getJsonArray("steps").getJsonObject(1).getString("title"));
  }

  @Test
  void aCopyIsOwnedByTheSpaceAndAnEditAddsAVersionWhileTheFirstStaysReadable() {
    String source = builtIn("Critical Friends");
    JsonObject copy = ana.expect(201, "POST", "/api/spaces/" + ninth + "/protocols/" + source + "/copy", new JsonObject());
    assertEquals(ninth, copy.getString("ownerSpaceId"));
    assertEquals(source, copy.getString("copiedFrom"));
    assertEquals(1, copy.getInteger("version"));
    String id = copy.getString("id");
    assertTrue(listed(ana, ninth).contains(id));

    JsonObject content = copy.getJsonObject("content").copy();
    content.getJsonArray("steps").getJsonObject(3).put("maxMinutes", 15).put("title", "Rounds of feedback");
    JsonObject v2 = ana.expect(200, "PUT", "/api/protocols/" + id, content);
    assertEquals(2, v2.getInteger("version"));
    assertEquals(15, v2.getJsonObject("content").getJsonArray("steps").getJsonObject(3).getInteger("maxMinutes"));

    JsonObject v1 = ana.expect(200, "GET", "/api/protocols/" + id + "?version=1", null);
    assertEquals(1, v1.getInteger("version"));
    assertEquals(2, v1.getInteger("latestVersion"));
    assertEquals(10, v1.getJsonObject("content").getJsonArray("steps").getJsonObject(3).getInteger("maxMinutes"));
    assertEquals(2, ana.expect(200, "GET", "/api/protocols/" + id, null).getInteger("version"));
    assertEquals(2, TestDatabases.count(server.databaseUrl(), "select count(*) from events where space_id = '" + ninth
      + "' and type = 'protocol.saved' and payload->>'protocolId' = '" + id + "'"));
  }

  @Test
  void builtInsAreReadOnly() {
    String id = builtIn("Learning Rounds");
    JsonObject content = ana.expect(200, "GET", "/api/protocols/" + id, null).getJsonObject("content");
    assertEquals(403, ana.call("PUT", "/api/protocols/" + id, content).status());
    assertEquals(403, ana.call("POST", "/api/protocols/" + id + "/archive", new JsonObject()).status());
    assertEquals(1, ana.expect(200, "GET", "/api/protocols/" + id, null).getInteger("latestVersion"));
  }

  @Test
  void anObserverMayReadButNotWriteAndOutsidersDoNotSeeTheSpaceOrItsProtocols() {
    JsonObject own = ana.expect(201, "POST", "/api/spaces/" + ninth + "/protocols", protocol("Ninth grade huddle"));
    String id = own.getString("id");

    ApiClient tom = server.anonymous().login("tom.baker@riverside.demo", DemoNetwork.PASSWORD);
    assertTrue(listed(tom, ninth).contains(id));
    assertEquals(403, tom.call("POST", "/api/spaces/" + ninth + "/protocols", protocol("Not mine")).status());
    assertEquals(403, tom.call("PUT", "/api/protocols/" + id, protocol("Renamed")).status());
    assertEquals(403, tom.call("POST", "/api/spaces/" + ninth + "/protocols/" + id + "/copy", new JsonObject()).status());

    ApiClient jamal = server.anonymous().login("jamal.wright@coastline.demo", DemoNetwork.PASSWORD);
    assertEquals(404, jamal.call("GET", "/api/spaces/" + ninth + "/protocols", null).status());
    assertEquals(404, jamal.call("GET", "/api/protocols/" + id, null).status());
    assertEquals(404, jamal.call("PUT", "/api/protocols/" + id, protocol("Taken")).status());
    assertEquals(1, ana.expect(200, "GET", "/api/protocols/" + id, null).getInteger("latestVersion"));
  }

  @Test
  void invalidContentIsRefusedNamingTheFieldAndNothingIsStored() {
    long before = TestDatabases.count(server.databaseUrl(), "select count(*) from protocols");
    JsonObject minutes = protocol("Backwards");
    minutes.getJsonArray("steps").getJsonObject(0).put("minMinutes", 20).put("maxMinutes", 10);
    expectInvalid(minutes, "steps[0].maxMinutes");
    expectInvalid(protocol("No steps").put("steps", new JsonArray()), "steps");
    expectInvalid(protocol("x".repeat(121)), "name");
    expectInvalid(protocol("Odd").put("category", "gossip"), "category");
    JsonObject blank = protocol("Blank step");
    blank.getJsonArray("steps").getJsonObject(0).put("title", " ");
    expectInvalid(blank, "steps[0].title");
    assertEquals(before, TestDatabases.count(server.databaseUrl(), "select count(*) from protocols"));
  }

  private static void expectInvalid(JsonObject body, String field) {
    ApiClient.Response response = ana.call("POST", "/api/spaces/" + ninth + "/protocols", body);
    assertEquals(400, response.status(), () -> String.valueOf(response.json()));
    assertEquals(field, response.error().getString("field"), () -> response.json().encode());
  }

  private static JsonObject protocol(String name) {
    return new JsonObject().put("name", name).put("purpose", "A quick check-in on the week.").put("category", "reflection")
      .put("roles", new JsonArray().add("facilitator"))
      .put("steps", new JsonArray().add(new JsonObject().put("title", "Check in").put("minMinutes", 5).put("maxMinutes", 10)
        .put("prompt", "How did the week go?").put("outputs", new JsonArray().add("Notes"))));
  }

  private static List<JsonObject> builtIns() {
    return ana.expect(200, "GET", "/api/spaces/" + ninth + "/protocols", null).getJsonArray("protocols").stream()
      .map(JsonObject.class::cast).filter(p -> p.getBoolean("builtIn")).toList();
  }

  private static String builtIn(String name) {
    return builtIns().stream().filter(p -> name.equals(p.getString("name"))).findFirst().orElseThrow().getString("id");
  }

  private static List<String> listed(ApiClient client, String space) {
    return client.expect(200, "GET", "/api/spaces/" + space + "/protocols", null).getJsonArray("protocols").stream()
      .map(p -> ((JsonObject) p).getString("id")).toList();
  }
}

package org.cadre.continuum;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.cadre.demo.DemoNetwork;
import org.cadre.test.ApiClient;
import org.cadre.test.SpaceTree;
import org.cadre.test.TestDatabases;
import org.cadre.test.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The continua's definitions in both languages, and ratings: validated, kept as history, rated by who works there. */
@ExtendWith(VertxExtension.class)
class ContinuumApiTest {

  private static TestServer server;
  private static SpaceTree tree;

  @BeforeAll
  static void start(Vertx vertx) {
    server = TestServer.start(vertx, TestDatabases.fresh());
    tree = SpaceTree.build(server, "cont");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static JsonObject continuum(JsonObject listing, String id) {
    return listing.getJsonArray("continua").stream().map(JsonObject.class::cast)
      .filter(c -> c.getString("id").equals(id)).findFirst().orElseThrow();
  }

  private static String ratings(String space, String continuum) {
    return "/api/spaces/" + space + "/continua/" + continuum + "/ratings";
  }

  @Test
  void definitionsComeInTheRequestsLanguageWithTheSameShape() {
    JsonObject en = tree.member.expect(200, "GET", "/api/continua", null);
    JsonObject es = tree.member.expect(200, "GET", "/api/continua?lang=es", null);
    assertEquals(List.of("partnership", "helpfulness", "design-cycle", "coherence"),
      en.getJsonArray("continua").stream().map(c -> ((JsonObject) c).getString("id")).toList());
    JsonObject partnership = continuum(en, "partnership");
    assertEquals(7, partnership.getJsonArray("levels").size());
    assertEquals("Collaborate", partnership.getJsonArray("levels").getJsonObject(5).getString("name"));
    assertEquals("Colaborar", continuum(es, "partnership").getJsonArray("levels").getJsonObject(5).getString("name"));
    JsonObject helpfulness = continuum(en, "helpfulness");
    assertEquals(List.of("provider", "receiver"), helpfulness.getJsonArray("raterRoles").getList());
    assertEquals(4, helpfulness.getJsonArray("rows").size());
    assertEquals(5, continuum(en, "design-cycle").getJsonArray("rows").size());
    assertEquals(4, continuum(en, "coherence").getJsonArray("rows").size());
    assertEquals(3, continuum(en, "coherence").getJsonArray("levels").size());
    JsonObject cellEn = partnership.getJsonArray("rows").getJsonObject(0).getJsonArray("cells").getJsonObject(3);
    JsonObject cellEs = continuum(es, "partnership").getJsonArray("rows").getJsonObject(0).getJsonArray("cells").getJsonObject(3);
    assertEquals("4.2", cellEn.getJsonArray("requirements").getJsonObject(1).getString("id"));
    assertEquals("4.2", cellEs.getJsonArray("requirements").getJsonObject(1).getString("id"));
    assertFalse(cellEn.getString("description").equals(cellEs.getString("description")));
  }

  @Test
  void aRatingIsStoredAndListedAsTheLatestWithItsHistory() {
    String path = ratings(tree.site, "partnership");
    tree.member.expect(200, "POST", path, new JsonObject().put("subject", "Harbor College").put("current", 3).put("target", 6)
      .put("checked", new JsonArray().add("3.1")).put("note", "first look"));
    JsonObject event = tree.lead.expect(200, "POST", path, new JsonObject().put("subject", "Harbor College").put("current", 4)
      .put("target", 6).put("checked", new JsonArray().add("4.2").add("3.1").add("4.2")));
    assertEquals("continuum.rated", event.getString("type"));

    JsonObject listing = tree.observer.expect(200, "GET", "/api/spaces/" + tree.site + "/continua", null);
    JsonArray subjects = continuum(listing, "partnership").getJsonArray("subjects");
    assertEquals(1, subjects.size());
    JsonObject subject = subjects.getJsonObject(0);
    assertEquals("Harbor College", subject.getString("subject"));
    assertEquals("self", subject.getString("raterRole"));
    assertEquals(4, subject.getJsonObject("latest").getInteger("current"));
    assertEquals(6, subject.getJsonObject("latest").getInteger("target"));
    assertEquals(List.of("3.1", "4.2"), subject.getJsonObject("latest").getJsonArray("checked").getList());
    JsonArray history = subject.getJsonArray("history");
    assertEquals(2, history.size());
    assertEquals(3, history.getJsonObject(1).getInteger("current"));
    assertEquals("first look", history.getJsonObject(1).getString("note"));
  }

  @Test
  void helpfulnessShowsTheGapBetweenProviderAndReceiver() {
    String path = ratings(tree.team, "helpfulness");
    tree.admin.expect(200, "POST", path, new JsonObject().put("subject", "ideology").put("raterRole", "provider")
      .put("current", 3).put("target", 3));
    tree.admin.expect(200, "POST", path, new JsonObject().put("subject", "ideology").put("raterRole", "receiver")
      .put("current", 1).put("target", 3));
    tree.admin.expect(200, "POST", path, new JsonObject().put("subject", "context").put("raterRole", "receiver")
      .put("current", 2).put("target", 3));
    JsonArray gaps = continuum(tree.admin.expect(200, "GET", "/api/spaces/" + tree.team + "/continua", null), "helpfulness")
      .getJsonArray("gaps");
    JsonObject ideology = gaps.stream().map(JsonObject.class::cast).filter(g -> g.getString("subject").equals("ideology")).findFirst().orElseThrow();
    assertEquals(2, ideology.getInteger("gap"));
    JsonObject context = gaps.stream().map(JsonObject.class::cast).filter(g -> g.getString("subject").equals("context")).findFirst().orElseThrow();
    assertNull(context.getValue("gap"), "no gap until both sides have rated");
  }

  @Test
  void invalidInputIsRefusedNamingTheFieldAndNothingIsStored() {
    String path = ratings(tree.sibling, "partnership");
    JsonObject good = new JsonObject().put("subject", "Somewhere").put("current", 2).put("target", 5);
    assertField(path, good.copy().put("current", 8), "current");
    assertField(path, good.copy().put("target", 0), "target");
    assertField(path, good.copy().put("checked", new JsonArray().add("9.1")), "checked");
    assertField(path, good.copy().put("raterRole", "provider"), "raterRole");
    assertField(ratings(tree.sibling, "helpfulness"), good.copy().put("subject", "nope"), "subject");
    assertField(ratings(tree.sibling, "nope"), good, "continuum");
    JsonObject listing = tree.admin.expect(200, "GET", "/api/spaces/" + tree.sibling + "/continua", null);
    for (Object c : listing.getJsonArray("continua")) {
      assertTrue(((JsonObject) c).getJsonArray("subjects").isEmpty(), "nothing stored");
    }
  }

  private static void assertField(String path, JsonObject body, String field) {
    ApiClient.Response response = tree.admin.call("POST", path, body);
    assertEquals(400, response.status(), body.encode());
    assertEquals(field, response.error().getString("field"), response.error().getString("message"));
  }

  @Test
  void aPartnerRatesWhereInvitedAndFindsNothingElsewhere() {
    JsonObject body = new JsonObject().put("subject", "Partner college").put("current", 5).put("target", 6);
    tree.partner.expect(200, "POST", ratings(tree.site, "partnership"), body);
    assertEquals(404, tree.partner.call("POST", ratings(tree.district, "partnership"), body).status());
    assertEquals(404, tree.partner.call("POST", ratings(tree.team, "partnership"), body).status());
    assertEquals(404, tree.partner.call("GET", "/api/spaces/" + tree.network + "/continua", null).status());
    assertEquals(403, tree.observer.call("POST", ratings(tree.site, "partnership"), body).status());
  }

  @Test
  void theDemoNetworkHasPartnershipRatingsWithHistory(Vertx vertx) {
    try (TestServer demo = TestServer.start(vertx, TestDatabases.fresh(), true)) {
      ApiClient nadia = demo.anonymous().login("nadia.okafor@harborvalley.demo", DemoNetwork.PASSWORD);
      String network = nadia.expect(200, "GET", "/api/spaces", null).getJsonArray("spaces").getJsonObject(0).getString("id");
      JsonArray subjects = continuum(nadia.expect(200, "GET", "/api/spaces/" + network + "/continua", null), "partnership")
        .getJsonArray("subjects");
      assertEquals(2, subjects.size());
      assertTrue(subjects.stream().map(JsonObject.class::cast).anyMatch(s -> s.getJsonArray("history").size() > 1));
    }
  }
}

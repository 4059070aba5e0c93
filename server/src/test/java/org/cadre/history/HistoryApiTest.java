package org.cadre.history;

import org.cadre.demo.SampleHistories;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.cadre.culture.CultureEngine;
import org.cadre.culture.CultureJson;
import org.cadre.culture.CultureRules;
import org.cadre.culture.ScoreCommand;
import org.cadre.test.ApiClient;
import org.cadre.test.BusClient;
import org.cadre.test.HistorySchema;
import org.cadre.test.SpaceTree;
import org.cadre.test.TestDatabases;
import org.cadre.test.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Team-history import and export over HTTP, and the culture score, roll-up and ratings computed from it. */
@ExtendWith(VertxExtension.class)
class HistoryApiTest {

  private static final Instant AS_OF = Instant.parse("2026-06-30T00:00:00Z");

  private static TestServer server;
  private static SpaceTree tree;
  private static String databaseUrl;

  @BeforeAll
  static void start(Vertx vertx) {
    databaseUrl = TestDatabases.fresh();
    server = TestServer.start(vertx, databaseUrl);
    tree = SpaceTree.build(server, "hist");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static String importTeam(TeamHistory history) {
    return tree.admin.expect(201, "POST", "/api/spaces/" + tree.site + "/import", HistoryJson.write(history)).getString("spaceId");
  }

  /** A score without what must differ between two copies of one history: the space id and the evidence ids. */
  private static JsonObject comparable(JsonObject score) {
    JsonObject copy = score.copy();
    copy.remove("spaceId");
    copy.getJsonArray("rows").forEach(row -> ((JsonObject) row).remove("evidence"));
    return copy;
  }

  @Test
  void generatedHistoriesScoreTheSameAfterExportAndImportAndTheCliMatchesTheApi(@TempDir Path dir) throws Exception {
    CultureEngine engine = new CultureEngine(CultureRules.defaults());
    Random random = new Random(20261123);
    for (int i = 0; i < 4; i++) {
      TeamHistory original = SampleHistories.team(random, null, 20 + 10 * i, AS_OF);
      String spaceId = importTeam(original);
      JsonObject exported = tree.admin.expect(200, "GET", "/api/spaces/" + spaceId + "/history", null);
      assertEquals(spaceId, exported.getJsonObject("team").getString("id"));
      TeamHistory back = HistoryJson.parse(exported);
      assertEquals(original.meetings().size(), back.meetings().size());
      assertEquals(original.actionItems().size(), back.actionItems().size());

      JsonObject api = tree.admin.expect(200, "GET", "/api/spaces/" + spaceId + "/culture?asOf=" + AS_OF, null);
      assertEquals(comparable(CultureJson.write(engine.score(original, AS_OF, null), null)), comparable(api),
        "the imported team scores like the document");

      Path file = dir.resolve("team-" + i + ".json");
      Files.writeString(file, exported.encode());
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      int exit = ScoreCommand.run(List.of("--history", file.toString(), "--as-of", AS_OF.toString()),
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
      assertEquals(0, exit);
      assertEquals(api, new JsonObject(out.toString(StandardCharsets.UTF_8)), "the CLI on the export prints what the API answers");
    }
  }

  @Test
  void anExportedHistoryIsValidAgainstThePublishedSchema() {
    String spaceId = importTeam(SampleHistories.team(new Random(11), null, 25, AS_OF));
    JsonObject exported = tree.admin.expect(200, "GET", "/api/spaces/" + spaceId + "/history", null);
    assertTrue(HistorySchema.errors(exported).isEmpty(), () -> HistorySchema.describe(HistorySchema.errors(exported)));
  }

  @Test
  void aBadDocumentIsRefusedNamingTheFirstBadFieldAndNothingIsStored() {
    TeamHistory history = SampleHistories.team(new Random(7), null, 6, AS_OF);
    JsonObject doc = HistoryJson.write(history);
    doc.getJsonArray("meetings").getJsonObject(1).getJsonArray("attendance").getJsonObject(0).put("status", "here");
    doc.getJsonArray("meetings").getJsonObject(3).put("startsAt", "yesterday");
    long spaces = TestDatabases.count(databaseUrl, "select count(*) from spaces");
    long users = TestDatabases.count(databaseUrl, "select count(*) from users");
    ApiClient.Response response = tree.admin.call("POST", "/api/spaces/" + tree.site + "/import", doc);
    assertEquals(400, response.status());
    assertEquals("$.meetings[1].attendance[0].status", response.error().getString("field"));
    assertEquals(spaces, TestDatabases.count(databaseUrl, "select count(*) from spaces"));
    assertEquals(users, TestDatabases.count(databaseUrl, "select count(*) from users"));

    ApiClient.Response notJson = tree.admin.call("POST", "/api/spaces/" + tree.site + "/import", "{\"format\": ");
    assertEquals(400, notJson.status());
  }

  @Test
  void importingNeedsToManageTheParentAndATeamCannotHoldATeam() {
    JsonObject doc = HistoryJson.write(SampleHistories.team(new Random(3), null, 5, AS_OF));
    assertEquals(403, tree.member.call("POST", "/api/spaces/" + tree.site + "/import", doc).status());
    String team = importTeam(SampleHistories.team(new Random(4), null, 5, AS_OF));
    ApiClient.Response nested = tree.admin.call("POST", "/api/spaces/" + team + "/import", doc);
    assertEquals(400, nested.status());
    assertEquals("$.team.kind", nested.error().getString("field"));
  }

  @Test
  void aPersonNamedOnlyInAnImportGetsInOnlyOnceALeadConfirmsThem() {
    TeamHistory history = SampleHistories.team(new Random(11), null, 6, AS_OF);
    String team = importTeam(history);
    TeamHistory.Member someone = history.members().stream().filter(m -> m.leftAt() == null && m.role() != org.cadre.space.Role.OBSERVER)
      .findFirst().orElseThrow();
    ApiClient.Response login = server.anonymous().call("POST", "/api/auth/login",
      new JsonObject().put("email", someone.email()).put("password", "whatever-password"));
    assertEquals(401, login.status(), "an imported person has no password until they register");
    ApiClient claimed = server.register(someone.email(), "Claimed Name");
    assertEquals(404, claimed.call("GET", "/api/spaces/" + team + "/board", null).status(),
      "registering with an email proves nothing: the imported membership waits for a lead");
    tree.admin.expect(200, "POST", "/api/spaces/" + team + "/members",
      new JsonObject().put("email", someone.email()).put("role", org.cadre.http.JsonBody.wireName(someone.role())));
    assertEquals(200, claimed.call("GET", "/api/spaces/" + team + "/board", null).status());
  }

  @Test
  void anImportNeverHandsATeamToSomeoneWhoOnlyRegisteredTheLeadsEmail() {
    ApiClient squatter = server.register(HistoryBuilder.email("squat-lead"), "Squatter");
    TeamHistory history = HistoryBuilder.team().member("squat-lead", org.cadre.space.Role.LEAD).members(2).build();
    String team = tree.lead.expect(201, "POST", "/api/spaces/" + tree.site + "/import", HistoryJson.write(history)).getString("spaceId");
    assertEquals(404, squatter.call("GET", "/api/spaces/" + team + "/board", null).status(),
      "a registered but unverified account's imported membership waits for a lead");
    assertEquals(201, tree.lead.call("POST", "/api/spaces/" + team + "/invitations", new JsonObject().put("role", "member")).status(),
      "the importer keeps leading the team");
    tree.lead.expect(200, "POST", "/api/spaces/" + team + "/members",
      new JsonObject().put("email", HistoryBuilder.email("squat-lead")).put("role", "lead"));
    assertEquals(200, squatter.call("GET", "/api/spaces/" + team + "/board", null).status(), "once a lead confirms, they are in");
  }

  @Test
  void anImporterTheDocumentNamesAsAMemberLeadsWhileNoLeadIsConfirmed() {
    ApiClient importer = server.register(HistoryBuilder.email("named-importer"), "Named Importer");
    tree.admin.expect(201, "POST", "/api/spaces/" + tree.site + "/members", new JsonObject().put("userId", importer.userId()).put("role", "lead"));
    server.register(HistoryBuilder.email("unverified-lead"), "Unverified");
    TeamHistory history = HistoryBuilder.team().member("unverified-lead", org.cadre.space.Role.LEAD)
      .member("named-importer", org.cadre.space.Role.MEMBER).members(2).build();
    String team = importer.expect(201, "POST", "/api/spaces/" + tree.site + "/import", HistoryJson.write(history)).getString("spaceId");
    assertEquals(201, importer.call("POST", "/api/spaces/" + team + "/invitations", new JsonObject().put("role", "member")).status(),
      "the team keeps a lead who can confirm the others");
  }

  @Test
  void anImportConfirmsAVerifiedLeadAndTheImporterObserves() {
    ApiClient verified = server.register(HistoryBuilder.email("verified-lead"), "Verified");
    TestDatabases.execute(databaseUrl, "update users set email_verified_at = now() where email = '" + HistoryBuilder.email("verified-lead") + "'");
    TeamHistory history = HistoryBuilder.team().member("verified-lead", org.cadre.space.Role.LEAD).members(2).build();
    String team = tree.lead.expect(201, "POST", "/api/spaces/" + tree.site + "/import", HistoryJson.write(history)).getString("spaceId");
    assertEquals(201, verified.call("POST", "/api/spaces/" + team + "/invitations", new JsonObject().put("role", "member")).status());
    assertEquals(403, tree.lead.call("POST", "/api/spaces/" + team + "/invitations", new JsonObject().put("role", "member")).status(),
      "the importer observes a team whose lead is a confirmed account");
  }

  @Test
  void theRollupListsOnlyTeamsTheViewerMayOpenAndCountsTheRest() {
    importTeam(SampleHistories.team(new Random(21), null, 12, AS_OF));
    importTeam(SampleHistories.team(new Random(22), null, 12, AS_OF));
    JsonObject asLead = tree.lead.expect(200, "GET", "/api/spaces/" + tree.site + "/culture/rollup?asOf=" + AS_OF, null);
    int teams = asLead.getInteger("teamCount");
    assertTrue(teams >= 2);
    assertEquals(teams, asLead.getJsonArray("teams").size(), "the site lead may open every team below the site");
    assertEquals(0, asLead.getInteger("hiddenTeams"));
    int counted = asLead.getJsonObject("levels").getMap().values().stream().mapToInt(v -> (Integer) v).sum();
    assertEquals(teams, counted);

    JsonObject asMember = tree.member.expect(200, "GET", "/api/spaces/" + tree.site + "/culture/rollup?asOf=" + AS_OF, null);
    assertEquals(0, asMember.getJsonArray("teams").size(), "a site member sees only aggregates of the teams");
    assertEquals(teams, asMember.getInteger("hiddenTeams"));
    assertEquals(asLead.getJsonObject("levels"), asMember.getJsonObject("levels"));
    assertEquals(0, asMember.getJsonArray("needsSupport").size());
    assertEquals(asLead.getInteger("needsSupportCount"), asMember.getInteger("needsSupportCount"));
  }

  @Test
  void aRatingSetsTheRatedOnlyRowAndDashboardsHearAboutTheNewScore() {
    String team = importTeam(SampleHistories.team(new Random(31), null, 10, AS_OF));
    JsonObject before = tree.admin.expect(200, "GET", "/api/spaces/" + team + "/culture", null);
    JsonObject b1 = row(before, "B1");
    try (BusClient bus = BusClient.connect(server.vertx(), server.port(), tree.admin)) {
      bus.subscribe("space." + team);
      int level = b1.containsKey("rating") && b1.getJsonObject("rating").getInteger("level") == 3 ? 1 : 3;
      for (int i = 0; i < 3; i++) {
        // The administrator's own latest rating counts once, however often they rate.
        bus.ok(new JsonObject().put("type", "rating.record").put("spaceId", team).put("row", "B1").put("level", level));
      }
      JsonObject scored = bus.take(f -> f.getJsonObject("body") != null && "culture.scored".equals(f.getJsonObject("body").getString("type")))
        .getJsonObject("body").getJsonObject("culture");
      JsonObject after = tree.admin.expect(200, "GET", "/api/spaces/" + team + "/culture", null);
      assertNotEquals(b1, row(after, "B1"));
      assertEquals(row(after, "B1"), row(scored, "B1"));
      JsonObject rating = row(after, "B1").getJsonObject("rating");
      assertTrue(rating.getInteger("raters") >= 1);
    }
  }

  private static JsonObject row(JsonObject score, String id) {
    JsonArray rows = score.getJsonArray("rows");
    return rows.stream().map(o -> (JsonObject) o).filter(r -> id.equals(r.getString("id"))).findFirst().orElseThrow();
  }
}

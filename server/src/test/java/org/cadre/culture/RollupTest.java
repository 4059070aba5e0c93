package org.cadre.culture;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.cadre.demo.SampleHistories;
import org.cadre.history.HistoryJson;
import org.cadre.test.ApiClient;
import org.cadre.test.BusClient;
import org.cadre.test.TestDatabases;
import org.cadre.test.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The culture roll-up over HTTP and the bus, on a network of two districts:
 * <pre>
 * network ─┬─ district ─┬─ site ──── team1, team2 (partner on team1)
 *          │            └─ sibling ─ team3
 *          └─ otherDistrict ─ otherSite ─ team4
 * </pre>
 */
@ExtendWith(VertxExtension.class)
class RollupTest {

  private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
  private static final String AS_OF = "?asOf=" + NOW;

  private static TestServer server;
  private static ApiClient admin;
  private static ApiClient districtLead;
  private static ApiClient siteLead;
  private static ApiClient partner;
  private static ApiClient outsider;
  private static String network;
  private static String district;
  private static String site;
  private static String sibling;
  private static String otherDistrict;
  private static String team1;
  private static String team2;
  private static String team3;
  private static String team4;

  @BeforeAll
  static void start(Vertx vertx) {
    server = TestServer.start(vertx, TestDatabases.fresh());
    admin = server.admin();
    network = create(null, "network", "Rollup Network");
    district = create(network, "district", "Near District");
    site = create(district, "site", "Near Site");
    sibling = create(district, "site", "Sibling Site");
    otherDistrict = create(network, "district", "Far District");
    String otherSite = create(otherDistrict, "site", "Far Site");
    Random random = new Random(20261203);
    team1 = importTeam(site, random, 14);
    team2 = importTeam(site, random, 3);
    team3 = importTeam(sibling, random, 18);
    team4 = importTeam(otherSite, random, 16);
    districtLead = join(district, "lead", "district.lead@rollup.test");
    siteLead = join(site, "lead", "site.lead@rollup.test");
    partner = join(team1, "partner", "partner@college.test");
    outsider = server.register("outsider@rollup.test", "Outsider");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static String create(String parent, String kind, String name) {
    return admin.expect(201, "POST", parent == null ? "/api/spaces" : "/api/spaces/" + parent + "/children",
      new JsonObject().put("name", name).put("kind", kind)).getString("id");
  }

  private static String importTeam(String parent, Random random, int meetings) {
    return admin.expect(201, "POST", "/api/spaces/" + parent + "/import",
      HistoryJson.write(SampleHistories.team(random, null, meetings, NOW))).getString("spaceId");
  }

  private static ApiClient join(String space, String role, String email) {
    ApiClient client = server.register(email, email);
    admin.expect(201, "POST", "/api/spaces/" + space + "/members", new JsonObject().put("email", email).put("role", role));
    return client;
  }

  private static JsonObject rollup(ApiClient as, String space) {
    return as.expect(200, "GET", "/api/spaces/" + space + "/culture/rollup" + AS_OF, null);
  }

  private static String name(String team) {
    return admin.expect(200, "GET", "/api/spaces/" + team, null).getString("name");
  }

  private static List<JsonObject> objects(JsonArray array) {
    return array.stream().map(JsonObject.class::cast).toList();
  }

  private static int sum(JsonObject counts) {
    return counts.getMap().values().stream().mapToInt(v -> (Integer) v).sum();
  }

  @Test
  void theNetworkRollupGroupsTeamsByDistrictAndPlacesEachInItsGridCell() {
    JsonObject rollup = rollup(admin, network);
    assertEquals(4, rollup.getInteger("teamCount"));
    assertEquals(0, rollup.getInteger("hiddenTeams"));
    assertEquals(4, sum(rollup.getJsonObject("levels")));
    rollup.getJsonObject("rows").forEach(row -> assertEquals(4, sum((JsonObject) row.getValue()), row.getKey()));

    List<JsonObject> groups = objects(rollup.getJsonArray("groups"));
    assertEquals(List.of("Far District", "Near District"), groups.stream().map(g -> g.getString("name")).toList());
    assertEquals(List.of(1, 3), groups.stream().map(g -> g.getInteger("teamCount")).toList());
    assertEquals(Set.of(team1, team2, team3), new HashSet<>(groups.get(1).getJsonArray("teams").getList()));

    for (JsonObject team : objects(rollup.getJsonArray("teams"))) {
      JsonObject score = admin.expect(200, "GET", "/api/spaces/" + team.getString("spaceId") + "/culture" + AS_OF, null);
      assertEquals(score.getString("level"), team.getString("level"));
      assertEquals(score.getValue("score"), team.getValue("score"));
      assertEquals(score.getString("status"), team.getString("status"));
      assertEquals(score.getString("change"), team.getString("change"));
      assertEquals(score.getString("colour"), team.getString("colour"));
      assertEquals(16, team.getJsonObject("rows").size());
      JsonObject cell = cellOf(rollup, team.getString("spaceId"));
      assertEquals(team.getString("status"), cell.getString("status"));
      assertEquals(team.getString("change"), cell.getString("change"));
    }
    List<JsonObject> cells = objects(rollup.getJsonObject("grid").getJsonArray("cells"));
    assertEquals(25, cells.size());
    int placed = cells.stream().mapToInt(c -> c.getJsonArray("teams").size()).sum()
      + rollup.getJsonObject("grid").getJsonObject("unplaced").getJsonArray("teams").size();
    assertEquals(4, placed);
  }

  /** The cell holding the team, or the unplaced bucket (a team too new to have a status) as a cell with no status. */
  private static JsonObject cellOf(JsonObject rollup, String team) {
    JsonObject grid = rollup.getJsonObject("grid");
    for (JsonObject cell : objects(grid.getJsonArray("cells"))) {
      if (objects(cell.getJsonArray("teams")).stream().anyMatch(t -> team.equals(t.getString("spaceId")))) {
        return cell;
      }
    }
    assertTrue(objects(grid.getJsonObject("unplaced").getJsonArray("teams")).stream().anyMatch(t -> team.equals(t.getString("spaceId"))),
      "team " + team + " is neither in a cell nor unplaced");
    return new JsonObject();
  }

  @Test
  void theGridHasTheSeedsColoursStatusesTopToBottomAndChangesLeftToRight() {
    JsonObject grid = rollup(admin, network).getJsonObject("grid");
    assertEquals(List.of("very-high", "high", "medium", "low", "very-low"), grid.getJsonArray("statuses").getList());
    assertEquals(List.of("declined-significantly", "declined", "maintained", "increased", "increased-significantly"),
      grid.getJsonArray("changes").getList());
    List<String> colours = objects(grid.getJsonArray("cells")).stream().map(c -> c.getString("colour")).toList();
    assertEquals(List.of(
      "yellow", "green", "blue", "blue", "blue",
      "orange", "yellow", "green", "green", "blue",
      "orange", "orange", "yellow", "green", "green",
      "red", "orange", "yellow", "yellow", "yellow",
      "red", "red", "red", "orange", "yellow"), colours);
  }

  @Test
  void teamsNeedingSupportComeFirst() {
    JsonObject rollup = rollup(admin, network);
    List<Boolean> needs = objects(rollup.getJsonArray("teams")).stream().map(t -> t.getBoolean("needsSupport")).toList();
    List<Boolean> sorted = new ArrayList<>(needs);
    sorted.sort((a, b) -> Boolean.compare(b, a));
    assertEquals(sorted, needs);
    int needing = (int) needs.stream().filter(b -> b).count();
    assertEquals(needing, rollup.getInteger("needsSupportCount"));
    assertEquals(needing, rollup.getJsonArray("needsSupport").size());
    for (JsonObject team : objects(rollup.getJsonArray("teams"))) {
      boolean expected = "emerging".equals(team.getString("level")) || "declined".equals(team.getString("change"))
        || "declined-significantly".equals(team.getString("change"));
      assertEquals(expected, team.getBoolean("needsSupport"), team.getString("name"));
    }
  }

  @Test
  void aDistrictLeadSeesTheNetworkRollupWithNamesOnlyInsideTheirDistrict() {
    JsonObject all = rollup(admin, network);
    JsonObject seen = rollup(districtLead, network);
    assertEquals(4, seen.getInteger("teamCount"));
    assertEquals(1, seen.getInteger("hiddenTeams"));
    assertEquals(Set.of(team1, team2, team3), objects(seen.getJsonArray("teams")).stream()
      .map(t -> t.getString("spaceId")).collect(java.util.stream.Collectors.toSet()));
    assertEquals(all.getJsonObject("levels"), seen.getJsonObject("levels"));
    assertEquals(all.getJsonObject("rows"), seen.getJsonObject("rows"));
    assertEquals(all.getInteger("needsSupportCount"), seen.getInteger("needsSupportCount"));

    JsonObject hiddenGroup = objects(seen.getJsonArray("groups")).stream().filter(g -> g.getString("name") == null)
      .findFirst().orElseThrow();
    assertNull(hiddenGroup.getString("spaceId"));
    assertEquals(1, hiddenGroup.getInteger("hiddenTeams"));
    assertTrue(hiddenGroup.getJsonArray("teams").isEmpty());

    int hiddenInGrid = objects(seen.getJsonObject("grid").getJsonArray("cells")).stream().mapToInt(c -> c.getInteger("hiddenTeams")).sum()
      + seen.getJsonObject("grid").getJsonObject("unplaced").getInteger("hiddenTeams");
    assertEquals(1, hiddenInGrid);
    String body = seen.encode();
    for (String secret : List.of(team4, name(team4), otherDistrict, "Far District", "Far Site")) {
      assertFalse(body.contains(secret), "the district lead's roll-up names " + secret);
    }
  }

  @Test
  void aSiteLeadSeesTheDistrictRollupWithNamesOnlyInsideTheirSite() {
    JsonObject seen = rollup(siteLead, district);
    assertEquals(3, seen.getInteger("teamCount"));
    assertEquals(1, seen.getInteger("hiddenTeams"));
    assertEquals(List.of("Near Site"), objects(seen.getJsonArray("groups")).stream().map(g -> g.getString("name"))
      .filter(java.util.Objects::nonNull).toList());
    assertFalse(seen.encode().contains(team3));
    assertFalse(seen.encode().contains("Sibling Site"));
    assertEquals(rollup(admin, district).getJsonObject("levels"), seen.getJsonObject("levels"));
  }

  @Test
  void aSiteRollupHasOneGroupTheSiteItself() {
    JsonObject seen = rollup(siteLead, site);
    List<JsonObject> groups = objects(seen.getJsonArray("groups"));
    assertEquals(1, groups.size());
    assertEquals(site, groups.get(0).getString("spaceId"));
    assertEquals("Near Site", groups.get(0).getString("name"));
    assertEquals(2, seen.getJsonArray("teams").size());
  }

  @Test
  void aPartnerAndAnOutsiderFindNoRollupAndATeamHasNone() {
    for (String space : List.of(network, district, site)) {
      assertEquals(404, partner.get("/api/spaces/" + space + "/culture/rollup").status(), space);
      assertEquals(404, partner.get("/api/spaces/" + space + "/culture/rollup.csv").status(), space);
      assertEquals(404, outsider.get("/api/spaces/" + space + "/culture/rollup").status(), space);
    }
    ApiClient.Response own = partner.get("/api/spaces/" + team1 + "/culture/rollup");
    assertEquals(403, own.status(), "a partner sees no aggregates, not even of their own team");
    ApiClient.Response team = admin.get("/api/spaces/" + team1 + "/culture/rollup");
    assertEquals(400, team.status());
    assertEquals("id", team.error().getString("field"));
  }

  @Test
  void theCsvHasOneRowPerTeamTheApiListsWithTheSameValues() throws Exception {
    JsonObject api = rollup(districtLead, network);
    ApiClient.Response response = districtLead.get("/api/spaces/" + network + "/culture/rollup.csv" + AS_OF + "&lang=es");
    assertEquals(200, response.status());
    assertTrue(response.raw().getHeader("content-type").startsWith("text/csv"));
    assertTrue(response.raw().getHeader("content-disposition").contains("culture-rollup.csv"));
    String text = response.raw().bodyAsString().substring(1);
    List<List<String>> rows = new ArrayList<>();
    try (MappingIterator<List<String>> it = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY)
      .readerForListOf(String.class).readValues(text)) {
      it.forEachRemaining(rows::add);
    }
    assertEquals(List.of("Grupo", "Equipo", "Nivel", "Puntaje"), rows.get(0).subList(0, 4));
    assertEquals("C6", rows.get(0).get(rows.get(0).size() - 1));
    List<JsonObject> teams = objects(api.getJsonArray("teams"));
    assertEquals(teams.size(), rows.size() - 1);
    for (int i = 0; i < teams.size(); i++) {
      JsonObject team = teams.get(i);
      List<String> row = rows.get(i + 1);
      assertEquals(district, team.getString("groupId"));
      assertEquals("Near District", row.get(0));
      assertEquals(team.getString("name"), row.get(1));
      assertEquals(team.getString("level"), row.get(2));
      assertEquals(team.getValue("score") == null ? "" : team.getValue("score").toString(), row.get(3));
      assertEquals(team.getString("status") == null ? "" : team.getString("status"), row.get(4));
      assertEquals(team.getString("change") == null ? "" : team.getString("change"), row.get(5));
      assertEquals(team.getString("colour") == null ? "" : team.getString("colour"), row.get(6));
      assertEquals(team.getBoolean("needsSupport").toString(), row.get(7));
      assertEquals(team.getJsonObject("rows").getString("A1"), row.get(8));
      assertEquals(team.getJsonObject("rows").getString("C6"), row.get(23));
    }
    assertFalse(text.contains(name(team4)));
  }

  @Test
  void aNewScoreTellsWatchersOfEveryRollupAboveItAndOnlyThoseWhoMaySeeIt() {
    try (BusClient lead = BusClient.connect(server.vertx(), server.port(), districtLead);
         BusClient partnerBus = BusClient.connect(server.vertx(), server.port(), partner)) {
      lead.subscribe("rollup." + network);
      partnerBus.register("rollup." + network);
      JsonObject refused = partnerBus.take(f -> "err".equals(f.getString("type")));
      assertEquals("access_denied", refused.getValue("body"));
      lead.register("rollup." + otherDistrict);
      assertEquals("access_denied", lead.take(f -> "err".equals(f.getString("type"))).getValue("body"));

      // Notices of rescorings still under way from earlier changes are let through first (until 2 s pass without
      // one), so the next notice is this rating's.
      for (int i = 0; i < 10 && lead.poll(f -> "rec".equals(f.getString("type"))
          && ("rollup." + network).equals(f.getString("address")), 2_000) != null; i++) {
        // drained
      }
      // A rating on the far district's team, which the district lead may not open, moves its score.
      JsonObject b1 = objects(admin.expect(200, "GET", "/api/spaces/" + team4 + "/culture", null).getJsonArray("rows"))
        .stream().filter(r -> "B1".equals(r.getString("id"))).findFirst().orElseThrow();
      int level = b1.containsKey("rating") && b1.getJsonObject("rating").getInteger("level") == 1 ? 3 : 1;
      admin.expect(200, "POST", "/api/spaces/" + team4 + "/culture/ratings", new JsonObject().put("row", "B1").put("level", level));

      JsonObject notice = lead.next("rollup." + network);
      assertEquals(new JsonObject().put("type", "culture.rollup-changed").put("space", network), notice);
      assertEquals(1, TestDatabases.count(server.databaseUrl(), "select count(*) from culture_snapshots c join spaces s "
          + "on s.id = c.space_id where c.space_id = '" + team4 + "' and c.seq = s.seq"),
        "the snapshot of the new score is stored before the roll-ups hear of it, so a refetch reads it");
    }
  }

  private static JsonObject teamIn(JsonObject rollup, String team) {
    return objects(rollup.getJsonArray("teams")).stream().filter(t -> team.equals(t.getString("spaceId"))).findFirst().orElseThrow();
  }

  @Test
  void theRollupOfNowReadsTodaysSnapshotAtTheTeamsCurrentSeqAndScoresATeamThatChangedSinceLive() throws Exception {
    String snapshotAtSeq = "select count(*) from culture_snapshots c join spaces s on s.id = c.space_id "
      + "where c.space_id = '" + team3 + "' and c.seq = s.seq";
    for (int i = 0; i < 100 && TestDatabases.count(server.databaseUrl(), snapshotAtSeq) == 0; i++) {
      Thread.sleep(100);
    }
    assertEquals(1, TestDatabases.count(server.databaseUrl(), snapshotAtSeq), "the watcher snapshots an imported team");
    int held = teamIn(rollup(admin, network), team3).getInteger("meetingsHeld");
    String now = "/api/spaces/" + network + "/culture/rollup";
    assertEquals(teamIn(rollup(admin, network), team3), teamIn(admin.expect(200, "GET", now, null), team3),
      "the snapshot carries everything the roll-up shows of a team");
    // A figure no history gives: seen only if the roll-up took the snapshot instead of scoring.
    TestDatabases.execute(server.databaseUrl(), "update culture_snapshots set summary = jsonb_set(summary, '{meetingsHeld}', "
      + "'4242') where space_id = '" + team3 + "'");
    assertEquals(4242, teamIn(admin.expect(200, "GET", now, null), team3).getInteger("meetingsHeld"));
    assertEquals(held, teamIn(rollup(admin, network), team3).getInteger("meetingsHeld"), "a roll-up as of a given time scores");

    String name = name(team3);
    admin.expect(200, "PATCH", "/api/spaces/" + team3, new JsonObject().put("name", name + " renamed"));
    admin.expect(200, "PATCH", "/api/spaces/" + team3, new JsonObject().put("name", name));
    assertEquals(held, teamIn(admin.expect(200, "GET", now, null), team3).getInteger("meetingsHeld"),
      "a snapshot behind the team's seq is not used");
  }
}

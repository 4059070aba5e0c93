package org.cadre.report;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.junit5.VertxExtension;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.cadre.demo.DemoNetwork;
import org.cadre.test.ApiClient;
import org.cadre.test.TestDatabases;
import org.cadre.test.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(VertxExtension.class)
class ReportApiTest {

  private static final String NINTH = "Lincoln 9th Grade Pathway Team";
  private static final String NETWORK = "Harbor Valley Pathways Network";
  private static final List<String> ROWS = List.of("A1", "A2", "A3", "A4", "A5", "A6", "B1", "B2", "B3", "B4",
    "C1", "C2", "C3", "C4", "C5", "C6");

  private static final Path SHOTS = Path.of("target", "screenshots");

  private static Vertx vertx;
  private static TestServer server;
  private static ApiClient ana;
  private static String ninth;

  @BeforeAll
  static void start(Vertx v) {
    vertx = v;
    server = TestServer.start(vertx, TestDatabases.fresh(), true);
    ana = server.anonymous().login("ana.torres@riverside.demo", DemoNetwork.PASSWORD);
    ninth = ana.spaceId(NINTH);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void theReportCarriesTheCultureScoreTheMeetingsAndTheOpenActionItemsOfTheTeam() {
    JsonObject culture = ana.expect(200, "GET", "/api/spaces/" + ninth + "/culture", null);
    JsonObject report = ana.expect(200, "GET", "/api/spaces/" + ninth + "/report", null);

    assertEquals("team", report.getString("kind"));
    assertEquals(NINTH, report.getString("team"));
    assertEquals(new JsonArray().add("Harbor Valley Pathways Network").add("Riverside Unified")
      .add("Lincoln High School"), report.getJsonArray("parents"));
    assertEquals("transforming", report.getString("level"));
    assertEquals(culture.getString("level"), report.getString("level"));
    assertEquals(culture.getValue("score"), report.getValue("score"));
    assertEquals(culture.getInteger("meetingsHeld"), report.getInteger("meetingsHeld"));
    assertTrue(report.getInteger("meetingsHeld") >= 4);
    assertEquals(culture.getInteger("windowDays"), report.getJsonObject("window").getInteger("days"));
    assertEquals(3, report.getJsonArray("strands").size());
    for (int i = 0; i < 3; i++) {
      JsonObject strand = report.getJsonArray("strands").getJsonObject(i);
      assertEquals(culture.getJsonArray("strands").getJsonObject(i).getString("level"), strand.getString("level"));
      assertNotNull(strand.getString("name"));
    }

    JsonArray rows = report.getJsonArray("rows");
    assertEquals(ROWS, rows.stream().map(r -> ((JsonObject) r).getString("id")).toList());
    for (int i = 0; i < ROWS.size(); i++) {
      JsonObject scored = culture.getJsonArray("rows").getJsonObject(i);
      assertEquals(scored.getString("level"), rows.getJsonObject(i).getString("level"), ROWS.get(i));
      assertEquals(scored.getString("nextStep"), rows.getJsonObject(i).getString("nextStep"), ROWS.get(i));
    }
    double attendance = culture.getJsonArray("rows").getJsonObject(10).getJsonObject("measured").getDouble("meanAttendance");
    assertEquals(attendance, report.getDouble("attendanceRate"));

    JsonArray items = ana.expect(200, "GET", "/api/spaces/" + ninth + "/board", null).getJsonArray("actionItems");
    // Counted as items: a recurring task can leave two open items with the same title.
    List<String> open = items.stream().map(JsonObject.class::cast)
      .filter(a -> Set.of("open", "in-progress").contains(a.getString("status")))
      .map(a -> a.getString("title")).toList();
    assertFalse(open.isEmpty(), "the demo team has open action items");
    assertEquals(open.size(), report.getInteger("openActionCount"));
    JsonArray shown = report.getJsonArray("openActions");
    assertEquals(Math.min(open.size(), Reports.ACTIONS_SHOWN), shown.size());
    shown.forEach(a -> assertTrue(open.contains(((JsonObject) a).getString("title")), a.toString()));
  }

  @Test
  void thePdfIsOnePageWithTheTeamItsLevelEveryRowAndAnOpenActionItem() throws IOException {
    JsonObject report = ana.expect(200, "GET", "/api/spaces/" + ninth + "/report", null);
    for (String paper : List.of("", "?paper=a4")) {
      HttpResponse<Buffer> pdf = ana.get("/api/spaces/" + ninth + "/report.pdf" + paper).raw();
      assertEquals(200, pdf.statusCode());
      assertEquals("application/pdf", pdf.getHeader("content-type"));
      assertTrue(pdf.getHeader("content-disposition").startsWith("attachment"));
      // Kept beside the browser tests' screenshots, for a person to look at.
      Files.createDirectories(SHOTS);
      Files.write(SHOTS.resolve("team-report" + (paper.isEmpty() ? "" : "-a4") + ".pdf"), pdf.body().getBytes());
      try (PDDocument document = Loader.loadPDF(pdf.body().getBytes())) {
        assertEquals(1, document.getNumberOfPages(), paper);
        String text = text(document);
        assertTrue(text.contains(NINTH), text);
        assertTrue(text.contains("Lincoln High School"), text);
        assertTrue(text.contains("Level Transforming"), text);
        assertTrue(text.contains("Next step"), text);
        for (String row : ROWS) {
          assertTrue(text.contains(row), row + " in " + text);
        }
        String firstOpen = report.getJsonArray("openActions").getJsonObject(0).getString("title");
        assertTrue(text.contains(firstOpen.replaceAll("\\s+", " ")), firstOpen + " in " + text);
      }
    }
  }

  @Test
  void theReportCarriesTheLatestContinuumRatingsAndTheHelpfulnessGap() throws IOException {
    String ratings = "/api/spaces/" + ninth + "/continua/helpfulness/ratings";
    ana.expect(200, "POST", ratings, new JsonObject().put("subject", "interest").put("raterRole", "provider")
      .put("current", 1).put("target", 2));
    ana.expect(200, "POST", ratings, new JsonObject().put("subject", "interest").put("raterRole", "provider")
      .put("current", 3).put("target", 3));
    ana.expect(200, "POST", ratings, new JsonObject().put("subject", "interest").put("raterRole", "receiver")
      .put("current", 2).put("target", 3));

    JsonObject report = ana.expect(200, "GET", "/api/spaces/" + ninth + "/report", null);
    JsonArray continua = report.getJsonArray("continua");
    JsonObject partnership = continua.getJsonObject(0);
    assertEquals("partnership", partnership.getString("id"));
    assertEquals("Partnership Continuum", partnership.getString("name"));
    JsonObject college = partnership.getJsonArray("ratings").getJsonObject(0);
    assertEquals("Coastline Community College", college.getString("subject"));
    assertEquals("self", college.getString("raterRole"));
    assertEquals("Coordinate", college.getString("current"));
    assertEquals("Cooperate", college.getString("target"));
    assertEquals("Ana Torres", college.getString("ratedBy"));
    assertNotNull(college.getString("ratedAt"));
    assertFalse(partnership.containsKey("gaps"), "one side rates partnerships");

    JsonObject helpfulness = continua.getJsonObject(1);
    assertEquals("Desired State of Helpfulness", helpfulness.getString("name"));
    JsonArray latest = helpfulness.getJsonArray("ratings");
    assertEquals(2, latest.size(), "the latest rating per subject and rater role");
    assertEquals("Interest: purpose, goals and measures", latest.getJsonObject(0).getString("subject"));
    assertEquals("provider", latest.getJsonObject(0).getString("raterRole"));
    assertEquals("Collaborate", latest.getJsonObject(0).getString("current"));
    assertEquals("receiver", latest.getJsonObject(1).getString("raterRole"));
    assertEquals("Cooperate", latest.getJsonObject(1).getString("current"));
    assertEquals(new JsonObject().put("subject", "Interest: purpose, goals and measures").put("provider", 3)
      .put("receiver", 2).put("gap", 1), helpfulness.getJsonArray("gaps").getJsonObject(0));
    assertEquals(2, continua.size(), "continua the team has not rated are left out");

    try (PDDocument document = Loader.loadPDF(ana.get("/api/spaces/" + ninth + "/report.pdf").raw().body().getBytes())) {
      assertEquals(1, document.getNumberOfPages());
      String text = text(document);
      assertTrue(text.contains("Desired State of Helpfulness"), text);
      assertTrue(text.contains("Partnership Continuum"), text);
      assertTrue(text.contains("Coastline Community College Self-rating Coordinate Cooperate"), text);
      assertTrue(text.contains("Provider minus receiver: Interest: purpose, goals and measures +1"), text);
    }
    try (PDDocument document = Loader.loadPDF(ana.get("/api/spaces/" + ninth + "/report.pdf?lang=es").raw().body().getBytes())) {
      String text = text(document);
      assertTrue(text.contains("Estado deseado de ayuda"), text);
      assertTrue(text.contains("Quien recibe apoyo Cooperar"), text);
    }
  }

  @Test
  void spanishIsAskedForWithLangOrAcceptLanguage() throws IOException {
    try (PDDocument document = Loader.loadPDF(ana.get("/api/spaces/" + ninth + "/report.pdf?lang=es").raw().body().getBytes())) {
      String text = text(document);
      assertTrue(text.contains("Informe del equipo"), text);
      assertTrue(text.contains("Próximo paso"), text);
      assertTrue(text.contains("Nivel Transformador"), text);
      assertFalse(text.contains("Next step"), text);
    }
    WebClient web = WebClient.create(vertx, new WebClientOptions().setDefaultHost("localhost").setDefaultPort(server.port()));
    HttpResponse<Buffer> spanish = web.get("/api/spaces/" + ninth + "/report")
      .putHeader("Cookie", "cadre_session=" + ana.session()).putHeader("Accept-Language", "es-MX,es;q=0.9,en;q=0.5")
      .send().await();
    JsonObject json = spanish.bodyAsJsonObject();
    assertEquals("es", json.getString("language"));
    assertEquals("Uso de datos para guiar la indagación", json.getJsonArray("strands").getJsonObject(0).getString("name"));
    assertEquals("en", ana.expect(200, "GET", "/api/spaces/" + ninth + "/report", null).getString("language"));
  }

  @Test
  void aNewTeamWithoutMeetingsGetsAReportSayingSoWithItsNameAsTyped() throws IOException {
    ApiClient admin = server.admin();
    String site = admin.spaceId("Lincoln High School");
    String name = "Ñandú Łódź Team";
    String team = admin.expect(201, "POST", "/api/spaces/" + site + "/children",
      new JsonObject().put("name", name).put("kind", "team")).getString("id");
    JsonObject report = admin.expect(200, "GET", "/api/spaces/" + team + "/report", null);
    assertEquals("insufficient", report.getString("level"));
    assertNull(report.getValue("score"));
    assertNull(report.getValue("attendanceRate"));
    assertEquals(0, report.getInteger("meetingsHeld"));
    assertEquals(0, report.getInteger("openActionCount"));
    assertEquals(16, report.getJsonArray("rows").size());
    try (PDDocument document = Loader.loadPDF(admin.get("/api/spaces/" + team + "/report.pdf?lang=es").raw().body().getBytes())) {
      assertEquals(1, document.getNumberOfPages());
      String text = text(document);
      assertTrue(text.contains(name), text);
      assertTrue(text.contains("No hay acciones pendientes."), text);
      assertTrue(text.contains("Datos insuficientes"), text);
    }
  }

  @Test
  void aPartnerSeesNoSpaceAboveTheirTeam() {
    ApiClient priya = server.anonymous().login("priya.raman@coastline.demo", DemoNetwork.PASSWORD);
    JsonObject report = priya.expect(200, "GET", "/api/spaces/" + ninth + "/report", null);
    assertEquals(NINTH, report.getString("team"));
    assertEquals(new JsonArray(), report.getJsonArray("parents"));
  }

  @Test
  void aSpaceTheCallerCannotSeeIsNotFoundAndBadInputIsNamed() {
    ApiClient ravi = server.anonymous().login("ravi.patel@riverside.demo", DemoNetwork.PASSWORD);
    for (String path : List.of("/report", "/report.pdf")) {
      assertEquals(404, ravi.get("/api/spaces/" + ninth + path).status(), path);
      assertEquals(404, ana.get("/api/spaces/" + UUID.randomUUID() + path).status(), path);
      ApiClient.Response malformed = ana.get("/api/spaces/not-a-space" + path);
      assertEquals(404, malformed.status(), path);
      assertEquals("not_found", malformed.error().getString("code"), path);
    }
    for (String space : List.of(ninth, server.admin().spaceId(NETWORK))) {
      ApiClient.Response paper = ana.get("/api/spaces/" + space + "/report.pdf?paper=legal");
      assertEquals(400, paper.status());
      assertEquals("paper", paper.error().getString("field"));
    }
  }

  @Test
  void theNetworkReportCarriesItsPartnershipRatingsAndItsRollupSummed() throws IOException {
    ApiClient nadia = server.anonymous().login("nadia.okafor@harborvalley.demo", DemoNetwork.PASSWORD);
    String network = nadia.spaceId(NETWORK);
    JsonObject rollup = nadia.expect(200, "GET", "/api/spaces/" + network + "/culture/rollup", null);
    JsonObject report = nadia.expect(200, "GET", "/api/spaces/" + network + "/report", null);

    assertEquals("space", report.getString("kind"));
    assertEquals("network", report.getString("spaceKind"));
    assertEquals(NETWORK, report.getString("name"));
    assertEquals(new JsonArray(), report.getJsonArray("parents"));
    assertEquals("en", report.getString("language"));
    JsonObject summed = report.getJsonObject("rollup");
    // The demo's four teams, and any another test of this class made.
    assertTrue(summed.getInteger("teamCount") >= 4, summed.encode());
    assertEquals(0, summed.getInteger("hiddenTeams"));
    assertSameRollup(rollup, summed);
    assertEquals(Set.of("Riverside Unified"), groupNames(summed));
    JsonObject ninthTeam = team(summed, NINTH);
    assertEquals("Riverside Unified", ninthTeam.getString("group"));
    assertEquals("transforming", ninthTeam.getString("level"));
    assertEquals(16, summed.getJsonArray("rows").size());
    assertEquals("A1", summed.getJsonArray("rows").getJsonObject(0).getString("id"));
    assertNotNull(summed.getJsonArray("rows").getJsonObject(0).getString("name"));

    JsonArray continua = report.getJsonArray("continua");
    assertEquals(1, continua.size(), "the network rates its partnerships only");
    JsonObject partnership = continua.getJsonObject(0);
    assertEquals("Partnership Continuum", partnership.getString("name"));
    JsonArray ratings = partnership.getJsonArray("ratings");
    assertEquals(2, ratings.size(), "the latest rating of each partner");
    JsonObject college = ratings.getJsonObject(0);
    assertEquals("Coastline Community College", college.getString("subject"));
    assertEquals("Cooperate", college.getString("current"));
    assertEquals("Collaborate", college.getString("target"));
    assertEquals("Nadia Okafor", college.getString("ratedBy"));
    JsonObject district = ratings.getJsonObject(1);
    assertEquals("Riverside Unified School District", district.getString("subject"));
    assertEquals("Daniel Reyes", district.getString("ratedBy"));

    HttpResponse<Buffer> pdf = nadia.get("/api/spaces/" + network + "/report.pdf").raw();
    assertEquals(200, pdf.statusCode());
    assertEquals("application/pdf", pdf.getHeader("content-type"));
    assertTrue(pdf.getHeader("content-disposition").contains("network-report.pdf"), pdf.getHeader("content-disposition"));
    Files.createDirectories(SHOTS);
    Files.write(SHOTS.resolve("network-report.pdf"), pdf.body().getBytes());
    try (PDDocument document = Loader.loadPDF(pdf.body().getBytes())) {
      assertEquals(1, document.getNumberOfPages());
      String text = text(document);
      assertTrue(text.contains("Network report"), text);
      assertTrue(text.contains(NETWORK), text);
      assertTrue(text.contains("Teams by district"), text);
      for (Object team : summed.getJsonArray("teams")) {
        assertTrue(text.contains(((JsonObject) team).getString("name")), team + " in " + text);
      }
      assertTrue(text.contains("Partnership Continuum"), text);
      assertTrue(text.contains("Coastline Community College Self-rating Cooperate Collaborate"), text);
      assertTrue(text.contains("Riverside Unified School District Self-rating"), text);
    }
    try (PDDocument document = Loader.loadPDF(nadia.get("/api/spaces/" + network + "/report.pdf?lang=es&paper=a4").raw().body().getBytes())) {
      String text = text(document);
      assertTrue(text.contains("Informe de la red"), text);
      assertTrue(text.contains("Equipos por distrito"), text);
      assertTrue(text.contains("Autoevaluación Cooperar Colaborar"), text);
    }
  }

  @Test
  void theDistrictAndSiteReportsNameTheirParentsAndGroupTheTeamsBySchool() throws IOException {
    ApiClient daniel = server.anonymous().login("daniel.reyes@riverside.demo", DemoNetwork.PASSWORD);
    String district = daniel.spaceId("Riverside Unified");
    JsonObject report = daniel.expect(200, "GET", "/api/spaces/" + district + "/report", null);
    assertEquals("district", report.getString("spaceKind"));
    assertEquals(new JsonArray().add(NETWORK), report.getJsonArray("parents"));
    JsonObject summed = report.getJsonObject("rollup");
    assertSameRollup(daniel.expect(200, "GET", "/api/spaces/" + district + "/culture/rollup", null), summed);
    assertEquals(Set.of("Lincoln High School", "Jefferson High School"), groupNames(summed));
    assertEquals("Jefferson High School", team(summed, "Jefferson Health Academy Team").getString("group"));
    assertEquals(new JsonArray(), report.getJsonArray("continua"), "the district has rated nothing, and its lead may read it");

    ApiClient marcus = server.anonymous().login("marcus.bell@riverside.demo", DemoNetwork.PASSWORD);
    String site = marcus.spaceId("Lincoln High School");
    JsonObject siteReport = marcus.expect(200, "GET", "/api/spaces/" + site + "/report", null);
    assertEquals("site", siteReport.getString("spaceKind"));
    assertEquals("Lincoln High School", siteReport.getString("name"));
    assertEquals(new JsonArray().add(NETWORK).add("Riverside Unified"), siteReport.getJsonArray("parents"));
    JsonObject siteSummed = siteReport.getJsonObject("rollup");
    assertSameRollup(marcus.expect(200, "GET", "/api/spaces/" + site + "/culture/rollup", null), siteSummed);
    assertTrue(names(siteSummed).containsAll(List.of(NINTH, "Lincoln Leadership Team")), siteSummed.encode());
    assertEquals(0, siteSummed.getInteger("hiddenTeams"));
    assertEquals(Set.of("Lincoln High School"), groupNames(siteSummed), "a site's teams sit in the site itself");
    try (PDDocument document = Loader.loadPDF(marcus.get("/api/spaces/" + site + "/report.pdf").raw().body().getBytes())) {
      String text = text(document);
      assertTrue(text.contains("School report"), text);
      assertTrue(text.contains(NINTH), text);
      assertTrue(text.contains("Lincoln Leadership Team"), text);
      assertFalse(text.contains("Teams by school"), text);
      assertTrue(text.contains("Nothing has been rated in this school yet."), text);
    }
  }

  @Test
  void aSingleTeamMemberSeesTheCountsButOnlyTheirOwnTeamByNameAndNoRatingsOfSpacesTheyCannotRead() throws IOException {
    ApiClient ben = server.anonymous().login("ben.carter@riverside.demo", DemoNetwork.PASSWORD);
    ApiClient admin = server.admin();
    String network = admin.spaceId(NETWORK);
    String site = admin.spaceId("Lincoln High School");

    JsonObject report = ben.expect(200, "GET", "/api/spaces/" + network + "/report", null);
    JsonObject summed = report.getJsonObject("rollup");
    assertSameRollup(ben.expect(200, "GET", "/api/spaces/" + network + "/culture/rollup", null), summed);
    int teams = summed.getInteger("teamCount");
    assertTrue(teams >= 4, summed.encode());
    assertEquals(teams - 1, summed.getInteger("hiddenTeams"));
    assertEquals(List.of(NINTH), names(summed));
    int counted = summed.getJsonObject("levels").stream().mapToInt(e -> (Integer) e.getValue()).sum();
    assertEquals(teams, counted, "every team is counted");
    assertNull(report.getValue("continua"), "a member of a team below may not read the network's ratings");
    assertTrue(report.containsKey("continua"));

    JsonObject siteReport = ben.expect(200, "GET", "/api/spaces/" + site + "/report", null);
    assertEquals(List.of(NINTH), names(siteReport.getJsonObject("rollup")));
    assertEquals(siteReport.getJsonObject("rollup").getInteger("teamCount") - 1,
      siteReport.getJsonObject("rollup").getInteger("hiddenTeams"));

    try (PDDocument document = Loader.loadPDF(ben.get("/api/spaces/" + network + "/report.pdf").raw().body().getBytes())) {
      String text = text(document);
      assertTrue(text.contains(NINTH), text);
      for (String hidden : List.of("Lincoln Leadership Team", "Jefferson Health Academy Team", "Jefferson Leadership Team",
        "Coastline Community College")) {
        assertFalse(text.contains(hidden), hidden + " in " + text);
      }
      assertTrue(text.contains((teams - 1) + " teams you cannot open are counted here but not named."), text);
      assertTrue(text.contains("Ratings made in this network are shown only to those who can open it."), text);
    }
  }

  @Test
  void aPartnerGetsNoSpaceReportAndTheSameAnswerAsTheRollupGivesThem() {
    ApiClient admin = server.admin();
    String network = admin.spaceId(NETWORK);
    String site = admin.spaceId("Lincoln High School");
    ApiClient priya = server.anonymous().login("priya.raman@coastline.demo", DemoNetwork.PASSWORD);
    // A partner invited into a site may work in it, but sees no roll-up of its teams.
    ApiClient sitePartner = server.register("site.partner@college.test", "Site Partner");
    admin.expect(201, "POST", "/api/spaces/" + site + "/members",
      new JsonObject().put("userId", sitePartner.userId()).put("role", "partner"));
    for (ApiClient partner : List.of(priya, sitePartner)) {
      for (String space : List.of(network, site)) {
        ApiClient.Response rollup = partner.get("/api/spaces/" + space + "/culture/rollup");
        assertTrue(rollup.status() == 403 || rollup.status() == 404, rollup.json().encode());
        for (String path : List.of("/report", "/report.pdf")) {
          ApiClient.Response report = partner.get("/api/spaces/" + space + path);
          assertEquals(rollup.status(), report.status(), space + path);
          assertEquals(rollup.error().getString("code"), report.error().getString("code"), space + path);
          assertEquals(rollup.error().getString("message"), report.error().getString("message"), space + path);
        }
      }
    }
    assertEquals(403, sitePartner.get("/api/spaces/" + site + "/report").status());
    assertEquals(404, priya.get("/api/spaces/" + network + "/report").status());
  }

  /** The report's figures are the roll-up's, as the same caller gets it. */
  private static void assertSameRollup(JsonObject rollup, JsonObject summed) {
    assertEquals(rollup.getInteger("teamCount"), summed.getInteger("teamCount"));
    assertEquals(rollup.getInteger("hiddenTeams"), summed.getInteger("hiddenTeams"));
    assertEquals(rollup.getInteger("needsSupportCount"), summed.getInteger("needsSupportCount"));
    assertEquals(rollup.getJsonObject("levels"), summed.getJsonObject("levels"));
    for (Object o : summed.getJsonArray("rows")) {
      JsonObject row = (JsonObject) o;
      assertEquals(rollup.getJsonObject("rows").getJsonObject(row.getString("id")), row.getJsonObject("levels"), row.getString("id"));
    }
    assertEquals(rollup.getJsonArray("teams").stream().map(t -> ((JsonObject) t).getString("name")).toList(), names(summed));
    for (Object o : rollup.getJsonArray("teams")) {
      JsonObject expected = (JsonObject) o;
      JsonObject team = team(summed, expected.getString("name"));
      assertEquals(expected.getString("level"), team.getString("level"));
      assertEquals(expected.getDouble("score"), team.getDouble("score"));
      assertEquals(expected.getString("status"), team.getString("status"));
      assertEquals(expected.getString("change"), team.getString("change"));
      assertEquals(expected.getBoolean("needsSupport"), team.getBoolean("needsSupport"));
    }
    assertEquals(rollup.getJsonArray("groups").size(), summed.getJsonArray("groups").size());
  }

  private static List<String> names(JsonObject summed) {
    return summed.getJsonArray("teams").stream().map(t -> ((JsonObject) t).getString("name")).toList();
  }

  private static Set<String> groupNames(JsonObject summed) {
    return summed.getJsonArray("groups").stream().map(g -> ((JsonObject) g).getString("name")).collect(Collectors.toSet());
  }

  private static JsonObject team(JsonObject summed, String name) {
    return summed.getJsonArray("teams").stream().map(JsonObject.class::cast).filter(t -> name.equals(t.getString("name")))
      .findFirst().orElseThrow(() -> new AssertionError(name + " not in " + summed.encode()));
  }

  private static String text(PDDocument document) throws IOException {
    return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
  }
}

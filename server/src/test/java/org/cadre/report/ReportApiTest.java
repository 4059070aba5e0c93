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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(VertxExtension.class)
class ReportApiTest {

  private static final String NINTH = "Lincoln 9th Grade Pathway Team";
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
  void aSpaceTheCallerCannotSeeIsNotFoundAndASiteIsNoTeam() {
    ApiClient ravi = server.anonymous().login("ravi.patel@riverside.demo", DemoNetwork.PASSWORD);
    for (String path : List.of("/report", "/report.pdf")) {
      assertEquals(404, ravi.get("/api/spaces/" + ninth + path).status(), path);
      assertEquals(404, ana.get("/api/spaces/" + UUID.randomUUID() + path).status(), path);
    }
    ApiClient daniel = server.anonymous().login("daniel.reyes@riverside.demo", DemoNetwork.PASSWORD);
    String site = daniel.spaceId("Lincoln High School");
    for (String path : List.of("/report", "/report.pdf")) {
      ApiClient.Response refused = daniel.get("/api/spaces/" + site + path);
      assertEquals(400, refused.status(), path);
      assertEquals("id", refused.error().getString("field"));
      assertTrue(refused.error().getString("message").contains("teams"), refused.error().encode());
    }
    ApiClient.Response paper = ana.get("/api/spaces/" + ninth + "/report.pdf?paper=legal");
    assertEquals(400, paper.status());
    assertEquals("paper", paper.error().getString("field"));
  }

  private static String text(PDDocument document) throws IOException {
    return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
  }
}

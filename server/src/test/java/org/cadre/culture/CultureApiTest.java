package org.cadre.culture;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.cadre.demo.SampleHistories;
import org.cadre.history.HistoryJson;
import org.cadre.http.Language;
import org.cadre.test.SpaceTree;
import org.cadre.test.TestDatabases;
import org.cadre.test.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Instant;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The culture score over HTTP speaks the request's language; the trend carries the strand scores. */
@ExtendWith(VertxExtension.class)
class CultureApiTest {

  private static final Instant AS_OF = Instant.parse("2026-06-30T00:00:00Z");

  private static TestServer server;
  private static SpaceTree tree;
  private static String team;

  @BeforeAll
  static void start(Vertx vertx) {
    server = TestServer.start(vertx, TestDatabases.fresh());
    tree = SpaceTree.build(server, "cult");
    team = tree.admin.expect(201, "POST", "/api/spaces/" + tree.site + "/import",
      HistoryJson.write(SampleHistories.team(new Random(5), null, 40, AS_OF))).getString("spaceId");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static JsonObject culture(String query) {
    return tree.admin.expect(200, "GET", "/api/spaces/" + team + "/culture?asOf=" + AS_OF + query, null);
  }

  @Test
  void rowsAndStrandsCarryTheirNamesDescriptionsAndNextStepsInEnglishByDefault() {
    JsonObject json = culture("");
    Rubric en = Rubric.of(Language.EN);
    JsonArray rows = json.getJsonArray("rows");
    assertEquals(16, rows.size());
    for (int i = 0; i < rows.size(); i++) {
      JsonObject row = rows.getJsonObject(i);
      assertEquals(en.rowName(row.getString("id")), row.getString("name"));
      assertEquals(en.rowDescription(row.getString("id")), row.getString("description"));
      assertFalse(row.getString("nextStep").isBlank());
    }
    assertEquals("Student outcomes on the agenda", rows.getJsonObject(0).getString("name"));
    assertEquals("Using data to inform inquiry", json.getJsonArray("strands").getJsonObject(0).getString("name"));
  }

  @Test
  void langEsAnswersInSpanishAndChangesNothingButTheWords() {
    JsonObject english = culture("");
    JsonObject spanish = culture("&lang=es");
    JsonArray rows = spanish.getJsonArray("rows");
    assertEquals("Resultados de los estudiantes en la agenda", rows.getJsonObject(0).getString("name"));
    assertEquals(Rubric.of(Language.ES).rowDescription("C6"), rows.getJsonObject(15).getString("description"));
    assertEquals("Creencias, compromisos y prácticas compartidas", spanish.getJsonArray("strands").getJsonObject(1).getString("name"));
    for (int i = 0; i < rows.size(); i++) {
      JsonObject es = rows.getJsonObject(i);
      JsonObject en = english.getJsonArray("rows").getJsonObject(i);
      assertNotEquals(en.getString("nextStep"), es.getString("nextStep"), es.getString("id"));
      assertEquals(en.getString("level"), es.getString("level"));
      assertEquals(en.getJsonObject("measured"), es.getJsonObject("measured"));
    }
    assertEquals(english.getValue("score"), spanish.getValue("score"));
  }

  @Test
  void myRatingsAreMyLatestPerRowWithTheirNotes() {
    String path = "/api/spaces/" + team + "/culture/ratings";
    tree.admin.expect(200, "POST", path, new JsonObject().put("row", "C3").put("level", 1).put("note", "first"));
    tree.admin.expect(200, "POST", path, new JsonObject().put("row", "C3").put("level", 3).put("note", "on reflection"));
    tree.admin.expect(200, "POST", path, new JsonObject().put("row", "A2").put("level", 2));
    JsonArray mine = tree.admin.expect(200, "GET", path + "/mine", null).getJsonArray("ratings");
    assertEquals(List.of("A2", "C3"), mine.stream().map(r -> ((JsonObject) r).getString("row")).toList());
    assertEquals(2, mine.getJsonObject(0).getInteger("level"));
    assertEquals("", mine.getJsonObject(0).getString("note"));
    assertEquals(3, mine.getJsonObject(1).getInteger("level"));
    assertEquals("on reflection", mine.getJsonObject(1).getString("note"));
    assertEquals(new JsonArray(), tree.lead.expect(200, "GET", path + "/mine", null).getJsonArray("ratings"),
      "another person's ratings are not mine");
  }

  @Test
  void trendPointsCarryTheThreeStrandScores() {
    JsonArray weeks = tree.admin.expect(200, "GET", "/api/spaces/" + team + "/culture/trend", null).getJsonArray("weeks");
    assertFalse(weeks.isEmpty());
    for (Object o : weeks) {
      JsonObject point = (JsonObject) o;
      JsonObject strands = point.getJsonObject("strands");
      assertEquals(List.of("A", "B", "C"), List.copyOf(strands.fieldNames()), point.encode());
      if (point.getValue("score") != null) {
        // With enough meetings every strand has a score and the overall is their mean, to rounding.
        double mean = (strands.getDouble("A") + strands.getDouble("B") + strands.getDouble("C")) / 3;
        assertTrue(Math.abs(mean - point.getDouble("score")) < 0.011, point.encode());
      }
    }
  }
}

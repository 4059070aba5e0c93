package org.cadre.culture;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.cadre.history.AgreementKind;
import org.cadre.history.AgreementStatus;
import org.cadre.history.HistoryBuilder;
import org.cadre.history.Origin;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.cadre.culture.Scoring.score;
import static org.cadre.history.HistoryBuilder.daysBefore;
import static org.cadre.history.HistoryBuilder.team;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The score's JSON: exactly the fields of team-history.md, in a fixed order. */
class CultureJsonTest {

  private static List<String> fields(JsonObject json) {
    return new ArrayList<>(json.fieldNames());
  }

  /** Four plain meetings now and four in the window before, so the change can be computed. */
  private static HistoryBuilder scoredTwice() {
    HistoryBuilder h = team().meetings(4);
    for (int i = 0; i < 4; i++) {
      h.meeting(daysBefore(100 + 7 * i), m -> { });
    }
    return h;
  }

  @Test
  void aScoreWithAPreviousWindowHasEveryFieldInOrder() {
    JsonObject json = CultureJson.write(score(scoredTwice().rating("A1", 2, "ana", null)), "space-1");
    assertEquals(List.of("spaceId", "asOf", "windowDays", "meetingsHeld", "level", "score", "strands", "rows",
      "status", "change", "colour"), fields(json));
    assertEquals("space-1", json.getString("spaceId"));
    assertEquals("2026-06-30T00:00:00Z", json.getString("asOf"));
    assertEquals(List.of("A", "B", "C"), json.getJsonArray("strands").stream().map(s -> ((JsonObject) s).getString("id")).toList());
    assertEquals(List.of("id", "name", "level", "score"), fields(json.getJsonArray("strands").getJsonObject(0)));
    JsonArray rows = json.getJsonArray("rows");
    assertEquals(16, rows.size());
    assertEquals(List.of("id", "name", "description", "level", "measured", "thresholds", "evidence", "nextStep", "rating"),
      fields(rows.getJsonObject(0)));
    assertEquals(new JsonObject().put("level", 2).put("raters", 1), rows.getJsonObject(0).getJsonObject("rating"));
    assertEquals(List.of("id", "name", "description", "level", "measured", "thresholds", "evidence", "nextStep"),
      fields(rows.getJsonObject(1)));
    assertEquals("very-low", json.getString("status"));
    assertEquals("maintained", json.getString("change"));
    assertEquals("red", json.getString("colour"));
  }

  @Test
  void withoutAScoredPreviousWindowThereIsNoStatusChangeOrColour() {
    JsonObject json = CultureJson.write(score(team().meetings(4)), null);
    assertFalse(json.containsKey("status"));
    assertFalse(json.containsKey("change"));
    assertFalse(json.containsKey("colour"));
    assertTrue(json.containsKey("spaceId"));
    assertNull(json.getValue("spaceId"));
  }

  @Test
  void anInsufficientScoreIsNullAndLevelsUseTheirWireNames() {
    JsonObject json = CultureJson.write(score(team().meetings(3)), "space-1");
    assertEquals("insufficient", json.getString("level"));
    assertTrue(json.containsKey("score"));
    assertNull(json.getValue("score"));
    JsonObject strandA = json.getJsonArray("strands").getJsonObject(0);
    assertNull(strandA.getValue("score"));
    assertEquals("insufficient", strandA.getString("level"));
    assertEquals("not-rated", json.getJsonArray("rows").getJsonObject(6).getString("level"));
  }

  @Test
  void scoresAreWrittenAsPlainNumbers() {
    // The history of ScoresTest.theOverallIsTheMeanOfTheUnroundedStrandScores: 1.44 overall, strands 1.00, 1.67, 1.67.
    HistoryBuilder h = team()
      .agreement("ag1", AgreementKind.AGREEMENT, AgreementStatus.OUTLINED, null, null)
      .agreement("ag2", AgreementKind.AGREEMENT, AgreementStatus.OUTLINED, null, null)
      .meetings(4, (i, m) -> m.norms())
      .action(a -> a.tags("equity").owner("ana").due().claimed().origin(Origin.ROOT_CAUSE));
    String text = CultureJson.write(score(h), null).encode();
    assertTrue(text.contains("\"score\":1.44,"), text);
    assertTrue(text.contains("{\"id\":\"B\",\"name\":\"Shared beliefs, commitments and practices\",\"level\":\"developing\",\"score\":1.67}"), text);
    assertTrue(text.contains("{\"id\":\"A\",\"name\":\"Using data to inform inquiry\",\"level\":\"emerging\",\"score\":1.0}"), text);
  }

  @Test
  void measuredValuesThresholdsAndEvidenceAreJson() {
    JsonObject a1 = CultureJson.write(score(team().meetings(4)), null).getJsonArray("rows").getJsonObject(0);
    assertEquals(4, a1.getJsonObject("measured").getInteger("meetingsHeld"));
    assertEquals(0.75, a1.getJsonObject("thresholds").getDouble("shareOfMeetings"));
    assertEquals(new JsonArray(), a1.getJsonArray("evidence"));
    JsonObject c1 = CultureJson.write(score(team().meetings(4)), null).getJsonArray("rows").getJsonObject(10);
    assertEquals(new JsonArray(List.of("m1", "m2", "m3", "m4")), c1.getJsonArray("evidence"));
  }
}

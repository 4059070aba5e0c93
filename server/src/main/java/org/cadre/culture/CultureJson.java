package org.cadre.culture;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.cadre.http.JsonBody;
import org.cadre.http.Language;

import java.math.BigDecimal;
import java.time.LocalDate;

/** The JSON of a score (team-history.md), the same for the API and the command line: fields in a fixed order. */
public final class CultureJson {

  private CultureJson() {
  }

  /** The score in English, as the command line prints it. */
  public static JsonObject write(CultureScore score, String spaceId) {
    return write(score, spaceId, Rubric.of(Language.EN));
  }

  /**
   * @param spaceId the scored space, or null (a history scored offline that carries no team id)
   * @param rubric  the language of the names, descriptions and next steps
   */
  public static JsonObject write(CultureScore score, String spaceId, Rubric rubric) {
    JsonArray strands = new JsonArray();
    for (StrandResult strand : score.strands()) {
      strands.add(new JsonObject().put("id", strand.id()).put("name", rubric.strandName(strand.id()))
        .put("level", JsonBody.wireName(strand.level())).put("score", number(strand.score())));
    }
    JsonArray rows = new JsonArray();
    for (RowResult row : score.rows()) {
      JsonObject json = new JsonObject()
        .put("id", row.id())
        .put("name", rubric.rowName(row.id()))
        .put("description", rubric.rowDescription(row.id()))
        .put("level", JsonBody.wireName(row.level()))
        .put("measured", new JsonObject(row.measured()))
        .put("thresholds", new JsonObject(row.thresholds()))
        .put("evidence", new JsonArray(row.evidence()))
        .put("nextStep", rubric.nextStep(row.next()));
      if (row.rating() != null) {
        json.put("rating", new JsonObject().put("level", row.rating().level()).put("raters", row.rating().raters()));
      }
      rows.add(json);
    }
    JsonObject json = new JsonObject()
      .put("spaceId", spaceId)
      .put("asOf", score.asOf().toString())
      .put("windowDays", score.windowDays())
      .put("meetingsHeld", score.meetingsHeld())
      .put("level", JsonBody.wireName(score.level()))
      .put("score", number(score.score()))
      .put("strands", strands)
      .put("rows", rows);
    if (score.status() != null) {
      json.put("status", JsonBody.wireName(score.status()))
        .put("change", JsonBody.wireName(score.change()))
        .put("colour", JsonBody.wireName(score.colour()));
    }
    return json;
  }

  /**
   * One point of a team's weekly trend: the week (its Monday), the score as of its end, the three strand scores
   * ({@code {"A": 2.5, "B": 2.0, "C": null}}), and what it rests on.
   */
  public static JsonObject trendPoint(LocalDate week, CultureScore score) {
    JsonObject strands = new JsonObject();
    for (StrandResult strand : score.strands()) {
      strands.put(strand.id(), number(strand.score()));
    }
    return new JsonObject()
      .put("week", week.toString())
      .put("asOf", score.asOf().toString())
      .put("level", JsonBody.wireName(score.level()))
      .put("score", number(score.score()))
      .put("strands", strands)
      .put("meetingsHeld", score.meetingsHeld());
  }

  /** Scores are written as plain JSON numbers (2.33, 2.3, 2.0). */
  private static Double number(BigDecimal score) {
    return score == null ? null : score.doubleValue();
  }
}

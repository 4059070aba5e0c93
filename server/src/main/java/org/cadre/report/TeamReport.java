package org.cadre.report;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The printable team report as plain values, in one language ({@link Report}).
 *
 * @param parents         the names of the spaces above the team that the viewer may see, outermost first
 * @param score           the overall score, or null while the team has too few meetings to judge
 * @param attendanceRate  the mean attendance rate (0 to 1) of the held meetings in the window, or null without any
 * @param openActions     the first {@link Reports#ACTIONS_SHOWN} open action items, soonest due first
 * @param openActionCount how many open action items there are in all
 * @param continua        the continua the team has rated, each with its latest rating per subject and rater role
 */
public record TeamReport(UUID spaceId, String team, List<String> parents, String timeZone, Instant from, Instant to,
                         int windowDays, String level, Double score, List<Strand> strands, List<Row> rows,
                         Double attendanceRate, int meetingsHeld, List<Action> openActions, int openActionCount,
                         List<ContinuumSection> continua) implements Report {

  /** @param score null when the strand has too little evidence */
  public record Strand(String id, String name, String level, Double score) {
  }

  /** @param name the row's name, or null while Cadre has none for it */
  public record Row(String id, String name, String level, String nextStep) {
  }

  /**
   * @param owner the owner's name, or null while nobody owns it
   * @param due   null when it has no due date
   */
  public record Action(String title, String owner, LocalDate due, String status) {
  }

  @Override
  public JsonObject json() {
    JsonArray strandsJson = new JsonArray();
    strands.forEach(s -> strandsJson.add(new JsonObject().put("id", s.id()).put("name", s.name()).put("level", s.level())
      .put("score", s.score())));
    JsonArray rowsJson = new JsonArray();
    rows.forEach(r -> rowsJson.add(new JsonObject().put("id", r.id()).put("name", r.name()).put("level", r.level())
      .put("nextStep", r.nextStep())));
    JsonArray actionsJson = new JsonArray();
    openActions.forEach(a -> actionsJson.add(new JsonObject().put("title", a.title()).put("owner", a.owner())
      .put("dueDate", a.due() == null ? null : a.due().toString()).put("status", a.status())));
    return new JsonObject()
      .put("kind", "team")
      .put("spaceId", spaceId.toString())
      .put("team", team)
      .put("parents", new JsonArray(parents))
      .put("timeZone", timeZone)
      .put("window", new JsonObject().put("from", from.toString()).put("to", to.toString()).put("days", windowDays))
      .put("level", level)
      .put("score", score)
      .put("strands", strandsJson)
      .put("rows", rowsJson)
      .put("attendanceRate", attendanceRate)
      .put("meetingsHeld", meetingsHeld)
      .put("openActions", actionsJson)
      .put("openActionCount", openActionCount)
      .put("continua", ContinuumSection.json(continua));
  }

  @Override
  public String fileName() {
    return "team-report.pdf";
  }
}

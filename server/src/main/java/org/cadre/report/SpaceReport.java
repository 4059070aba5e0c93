package org.cadre.report;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The printable report of a site, district or network as plain values, in one language ({@link Report}): the
 * culture roll-up of the teams below it, summarized, and the continua rated on the space itself.
 *
 * @param spaceKind         {@code site}, {@code district} or {@code network}
 * @param parents           the names of the spaces above it that the viewer may see, outermost first
 * @param asOf              when the teams were scored
 * @param teamCount         every team below, those the viewer may not open included
 * @param hiddenTeams       how many of them the viewer may not open: counted, never named
 * @param levels            how many teams sit at each level, overall
 * @param rows              the same count for each of the sixteen rows
 * @param groups            the spaces one level below that hold the teams (for a site, the site itself)
 * @param teams             the teams the viewer may open, those needing support first, then lowest score first
 * @param continua          the continua rated on this space, or null when the viewer may not read the space
 */
public record SpaceReport(UUID spaceId, String name, String spaceKind, List<String> parents, String timeZone,
                          Instant asOf, int teamCount, int hiddenTeams, int needsSupportCount,
                          Map<String, Integer> levels, List<RowCounts> rows, List<Group> groups, List<Team> teams,
                          List<ContinuumSection> continua) implements Report {

  /** @param levels teams per level on this row, in the order of {@link SpaceReport#levels} */
  public record RowCounts(String id, String name, Map<String, Integer> levels) {
  }

  /** @param spaceId null, like the name, when the viewer may not know which space it is */
  public record Group(UUID spaceId, String name, String kind, int teamCount, int hiddenTeams, Map<String, Integer> levels) {
  }

  /**
   * @param group  the name of the space below that holds it, or null when the viewer may not know it
   * @param score  null while the team has too few meetings to judge
   * @param status null, like the change, while it has no status yet
   */
  public record Team(UUID spaceId, String name, String group, String level, Double score, Integer meetingsHeld,
                     String status, String change, boolean needsSupport) {
  }

  /** Whether the groups say more than the teams do: not for a site, whose teams all sit in it. */
  boolean grouped() {
    return groups.stream().anyMatch(g -> !spaceId.equals(g.spaceId()));
  }

  @Override
  public JsonObject json() {
    JsonArray rowsJson = new JsonArray();
    rows.forEach(r -> rowsJson.add(new JsonObject().put("id", r.id()).put("name", r.name()).put("levels", counts(r.levels()))));
    JsonArray groupsJson = new JsonArray();
    groups.forEach(g -> groupsJson.add(new JsonObject().put("spaceId", g.spaceId() == null ? null : g.spaceId().toString())
      .put("name", g.name()).put("kind", g.kind()).put("teamCount", g.teamCount()).put("hiddenTeams", g.hiddenTeams())
      .put("levels", counts(g.levels()))));
    JsonArray teamsJson = new JsonArray();
    teams.forEach(t -> teamsJson.add(new JsonObject().put("spaceId", t.spaceId().toString()).put("name", t.name())
      .put("group", t.group()).put("level", t.level()).put("score", t.score()).put("meetingsHeld", t.meetingsHeld())
      .put("status", t.status()).put("change", t.change()).put("needsSupport", t.needsSupport())));
    return new JsonObject()
      .put("kind", "space")
      .put("spaceId", spaceId.toString())
      .put("name", name)
      .put("spaceKind", spaceKind)
      .put("parents", new JsonArray(parents))
      .put("timeZone", timeZone)
      .put("asOf", asOf.toString())
      .put("rollup", new JsonObject()
        .put("teamCount", teamCount)
        .put("hiddenTeams", hiddenTeams)
        .put("needsSupportCount", needsSupportCount)
        .put("levels", counts(levels))
        .put("rows", rowsJson)
        .put("groups", groupsJson)
        .put("teams", teamsJson))
      .put("continua", ContinuumSection.json(continua));
  }

  @Override
  public String fileName() {
    return spaceKind + "-report.pdf";
  }

  private static JsonObject counts(Map<String, Integer> counts) {
    JsonObject out = new JsonObject();
    counts.forEach(out::put);
    return out;
  }
}

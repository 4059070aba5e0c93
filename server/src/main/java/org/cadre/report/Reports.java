package org.cadre.report;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.cadre.account.Principal;
import org.cadre.continuum.Continua;
import org.cadre.continuum.ContinuumStandings;
import org.cadre.culture.CultureScores;
import org.cadre.culture.Rollups;
import org.cadre.culture.Rubric;
import org.cadre.http.ApiException;
import org.cadre.http.ErrorMessage;
import org.cadre.space.Access;
import org.cadre.space.Kind;
import org.cadre.space.Space;
import org.cadre.space.SpaceAccess;
import org.cadre.space.SpaceRepository;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Assembles a report: a team's from its culture score, its space, its open action items and its continua; a site's,
 * district's or network's from its culture roll-up and its own continua.
 */
final class Reports {

  /** Open action items beyond this are counted, not listed: the report stays one page. */
  static final int ACTIONS_SHOWN = 8;

  private final CultureScores scores;
  private final Rollups rollups;
  private final SpaceAccess access;
  private final SpaceRepository spaces;
  private final ReportRepository repository;
  private final ContinuumStandings standings;
  private final Continua continua;

  Reports(CultureScores scores, Rollups rollups, SpaceAccess access, SpaceRepository spaces, ReportRepository repository,
          ContinuumStandings standings, Continua continua) {
    this.scores = scores;
    this.rollups = rollups;
    this.standings = standings;
    this.continua = continua;
    this.access = access;
    this.spaces = spaces;
    this.repository = repository;
  }

  /**
   * The report of the space: 404 for a space the caller cannot see. A team's needs read access (403 below it); any
   * other space's is for those who may see its culture roll-up, and fails as the roll-up does for anyone else.
   */
  Future<Report> report(Principal me, UUID spaceId, ReportLabels labels) {
    return access.of(me, spaceId)
      .compose(granted -> granted == Access.NONE ? Future.failedFuture(ApiException.notFound(ErrorMessage.NOT_FOUND_SPACE))
        : spaces.find(spaceId).compose(space -> {
          if (space == null) {
            return Future.failedFuture(ApiException.notFound(ErrorMessage.NOT_FOUND_SPACE));
          }
          return space.kind() == Kind.TEAM ? teamReport(me, space, labels) : spaceReport(me, space, granted, labels);
        }));
  }

  private Future<Report> teamReport(Principal me, Space space, ReportLabels labels) {
    UUID spaceId = space.id();
    return access.require(me, spaceId, Access.READ)
      .compose(granted -> Future.all(scores.score(spaceId, null, null, Rubric.of(labels.language())), parents(me, space),
        repository.openActions(spaceId, ACTIONS_SHOWN), standings.of(spaceId)))
      .map(all -> assemble(space, all.resultAt(0), all.resultAt(1), all.resultAt(2), continua(all.resultAt(3), labels)));
  }

  /** The roll-up decides who may have it; the space's own ratings are content, so they need read access too. */
  private Future<Report> spaceReport(Principal me, Space space, Access granted, ReportLabels labels) {
    UUID spaceId = space.id();
    return rollups.build(me, spaceId, null, null)
      .compose(rollup -> Future.all(parents(me, space),
          granted.allows(Access.READ) ? standings.of(spaceId) : Future.succeededFuture((JsonArray) null))
        .map(all -> {
          JsonArray standing = all.resultAt(1);
          return assembleSpace(space, rollup, all.resultAt(0), standing == null ? null : continua(standing, labels),
            Rubric.of(labels.language()));
        }));
  }

  /** The names of the spaces above this one, outermost first, leaving out those the caller may not see. */
  private Future<List<String>> parents(Principal me, Space space) {
    List<UUID> above = space.path().subList(0, space.path().size() - 1);
    List<Future<Access>> checks = above.stream().map(id -> access.of(me, id)).toList();
    return Future.all(checks).compose(v -> repository.names(above)).map((Map<UUID, String> names) -> {
      List<String> visible = new ArrayList<>();
      for (int i = 0; i < above.size(); i++) {
        if (checks.get(i).result().allows(Access.NAMES) && names.containsKey(above.get(i))) {
          visible.add(names.get(above.get(i)));
        }
      }
      return visible;
    });
  }

  private static TeamReport assemble(Space space, JsonObject score, List<String> parents,
                                     ReportRepository.OpenActions actions, List<ContinuumSection> continua) {
    Instant to = Instant.parse(score.getString("asOf"));
    int days = score.getInteger("windowDays");
    List<TeamReport.Strand> strands = score.getJsonArray("strands").stream().map(JsonObject.class::cast)
      .map(s -> new TeamReport.Strand(s.getString("id"), s.getString("name"), s.getString("level"),
        s.getDouble("score")))
      .toList();
    List<TeamReport.Row> rows = score.getJsonArray("rows").stream().map(JsonObject.class::cast)
      .map(Reports::row)
      .toList();
    return new TeamReport(space.id(), space.name(), parents, space.timeZone(), to.minus(Duration.ofDays(days)), to, days,
      score.getString("level"), score.getDouble("score"), strands, rows, attendance(score), score.getInteger("meetingsHeld"),
      actions.shown(), actions.total(), continua);
  }

  /**
   * The roll-up's figures as the report shows them: its counts, its groups, and the teams it names (it names only
   * those the caller may open), each with the name of its group when the caller may know it.
   */
  private static SpaceReport assembleSpace(Space space, JsonObject rollup, List<String> parents,
                                           List<ContinuumSection> continua, Rubric rubric) {
    Map<String, String> groupNames = new HashMap<>();
    List<SpaceReport.Group> groups = new ArrayList<>();
    for (Object o : rollup.getJsonArray("groups")) {
      JsonObject group = (JsonObject) o;
      String id = group.getString("spaceId");
      if (id != null) {
        groupNames.put(id, group.getString("name"));
      }
      groups.add(new SpaceReport.Group(id == null ? null : UUID.fromString(id), group.getString("name"),
        group.getString("kind"), group.getInteger("teamCount"), group.getInteger("hiddenTeams"),
        counts(group.getJsonObject("levels"))));
    }
    List<SpaceReport.Team> teams = rollup.getJsonArray("teams").stream().map(JsonObject.class::cast)
      .map(t -> new SpaceReport.Team(UUID.fromString(t.getString("spaceId")), t.getString("name"),
        t.getString("groupId") == null ? null : groupNames.get(t.getString("groupId")), t.getString("level"),
        t.getDouble("score"), t.getInteger("meetingsHeld"), t.getString("status"), t.getString("change"),
        t.getBoolean("needsSupport")))
      .toList();
    JsonObject rowCounts = rollup.getJsonObject("rows");
    List<SpaceReport.RowCounts> rows = Rubric.ROWS.stream()
      .map(id -> new SpaceReport.RowCounts(id, rubric.rowName(id), counts(rowCounts.getJsonObject(id))))
      .toList();
    return new SpaceReport(space.id(), space.name(), rollup.getString("kind"), parents, space.timeZone(),
      Instant.parse(rollup.getString("asOf")), rollup.getInteger("teamCount"), rollup.getInteger("hiddenTeams"),
      rollup.getInteger("needsSupportCount"), counts(rollup.getJsonObject("levels")), rows, groups, teams, continua);
  }

  private static Map<String, Integer> counts(JsonObject counts) {
    Map<String, Integer> out = new LinkedHashMap<>();
    counts.forEach(e -> out.put(e.getKey(), ((Number) e.getValue()).intValue()));
    return out;
  }

  /** The continua the space has rated, with level and subject names from the definitions in the report's language. */
  private List<ContinuumSection> continua(JsonArray standing, ReportLabels labels) {
    Map<String, JsonObject> definitions = new HashMap<>();
    continua.json(labels.language()).forEach(d -> definitions.put(((JsonObject) d).getString("id"), (JsonObject) d));
    List<ContinuumSection> out = new ArrayList<>();
    for (Object s : standing) {
      JsonObject entry = (JsonObject) s;
      if (entry.getJsonArray("subjects").isEmpty()) {
        continue;
      }
      JsonObject definition = definitions.get(entry.getString("id"));
      Map<String, String> rowNames = new HashMap<>();
      if ("rows".equals(definition.getString("subjects"))) {
        definition.getJsonArray("rows").forEach(r -> rowNames.put(((JsonObject) r).getString("id"), ((JsonObject) r).getString("name")));
      }
      JsonArray levels = definition.getJsonArray("levels");
      List<ContinuumSection.Rating> ratings = entry.getJsonArray("subjects").stream().map(JsonObject.class::cast).map(subject -> {
        JsonObject latest = subject.getJsonObject("latest");
        return new ContinuumSection.Rating(rowNames.getOrDefault(subject.getString("subject"), subject.getString("subject")),
          subject.getString("raterRole"), levelName(levels, latest.getInteger("current")),
          levelName(levels, latest.getInteger("target")), Instant.parse(latest.getString("ratedAt")),
          latest.getString("ratedByName"));
      }).toList();
      List<ContinuumSection.Gap> gaps = entry.containsKey("gaps") ? entry.getJsonArray("gaps").stream().map(JsonObject.class::cast)
        .map(g -> new ContinuumSection.Gap(rowNames.getOrDefault(g.getString("subject"), g.getString("subject")),
          g.getInteger("provider"), g.getInteger("receiver"), g.getInteger("gap")))
        .toList() : null;
      out.add(new ContinuumSection(entry.getString("id"), definition.getString("name"), ratings, gaps));
    }
    return out;
  }

  private static String levelName(JsonArray levels, Integer level) {
    return level == null ? null : levels.getJsonObject(level - 1).getString("name");
  }

  /** One row as the report names it, in the report's language (the score was asked for in it). */
  private static TeamReport.Row row(JsonObject row) {
    return new TeamReport.Row(row.getString("id"), row.getString("name"), row.getString("level"), row.getString("nextStep"));
  }

  /** Row C1 measures the mean attendance rate over the window's held meetings (culture-continuum.md). */
  private static Double attendance(JsonObject score) {
    for (Object row : score.getJsonArray("rows")) {
      JsonObject c1 = (JsonObject) row;
      if ("C1".equals(c1.getString("id"))) {
        JsonObject measured = c1.getJsonObject("measured");
        return measured == null ? null : measured.getDouble("meanAttendance");
      }
    }
    return null;
  }
}

package org.cadre.report;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import org.cadre.account.Principal;
import org.cadre.culture.CultureScores;
import org.cadre.culture.Rubric;
import org.cadre.http.ApiException;
import org.cadre.http.ErrorMessage;
import org.cadre.http.JsonBody;
import org.cadre.space.Access;
import org.cadre.space.Kind;
import org.cadre.space.Space;
import org.cadre.space.SpaceAccess;
import org.cadre.space.SpaceRepository;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Assembles a team's report from its culture score, its space and its open action items. */
final class Reports {

  /** Open action items beyond this are counted, not listed: the report stays one page. */
  static final int ACTIONS_SHOWN = 8;

  private final CultureScores scores;
  private final SpaceAccess access;
  private final SpaceRepository spaces;
  private final ReportRepository repository;

  Reports(CultureScores scores, SpaceAccess access, SpaceRepository spaces, ReportRepository repository) {
    this.scores = scores;
    this.access = access;
    this.spaces = spaces;
    this.repository = repository;
  }

  /** The report of a team the caller may read: 404 for a space they cannot see, 400 for one that is no team. */
  Future<TeamReport> report(Principal me, UUID spaceId, ReportLabels labels) {
    return access.require(me, spaceId, Access.READ)
      .compose(granted -> spaces.find(spaceId))
      .compose(space -> {
        if (space == null) {
          return Future.failedFuture(ApiException.notFound(ErrorMessage.NOT_FOUND_SPACE));
        }
        if (space.kind() != Kind.TEAM) {
          return Future.failedFuture(ApiException.invalid("id", ErrorMessage.TEAMS_ONLY, ErrorMessage.NOUN_REPORTS,
            JsonBody.wireName(space.kind())));
        }
        return Future.all(scores.score(spaceId, null, null, Rubric.of(labels.language())), parents(me, space),
            repository.openActions(spaceId, ACTIONS_SHOWN))
          .map(all -> assemble(space, all.resultAt(0), all.resultAt(1), all.resultAt(2), labels));
      });
  }

  /** The names of the spaces above the team, outermost first, leaving out those the caller may not see. */
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
                                     ReportRepository.OpenActions actions, ReportLabels labels) {
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
      actions.shown(), actions.total());
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

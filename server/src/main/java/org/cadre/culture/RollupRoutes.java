package org.cadre.culture;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.cadre.account.Authentication;
import org.cadre.account.Principal;
import org.cadre.http.ApiException;
import org.cadre.http.ErrorMessage;
import org.cadre.http.Downloads;
import org.cadre.http.Ids;
import org.cadre.http.Language;
import org.cadre.space.Access;
import org.cadre.space.SpaceAccess;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The culture roll-up of a site, district or network ({@code GET /api/spaces/{id}/culture/rollup}) and the same
 * table as CSV ({@code .../culture/rollup.csv}). Anyone who may see the space's aggregates gets it
 * ({@link org.cadre.space.AccessPolicy#aggregates}); which teams they see by name is their READ access to each.
 */
public final class RollupRoutes {

  private static final List<String> HEADER_EN = List.of("Group", "Team", "Level", "Score", "Status", "Change", "Colour",
    "Needs support");
  private static final List<String> HEADER_ES = List.of("Grupo", "Equipo", "Nivel", "Puntaje", "Estado", "Cambio", "Color",
    "Necesita apoyo");

  /** Teams scored at once when their snapshot will not do: their histories are read in parallel. */
  private static final int SCORING_LANES = 4;

  private final Vertx vertx;
  private final RollupRepository repo;
  private final CultureScores scores;
  private final SpaceAccess access;

  public RollupRoutes(Vertx vertx, RollupRepository repo, CultureScores scores, SpaceAccess access) {
    this.vertx = vertx;
    this.repo = repo;
    this.scores = scores;
    this.access = access;
  }

  public void mount(Router router) {
    router.get("/api/spaces/:id/culture/rollup").handler(this::rollup);
    router.get("/api/spaces/:id/culture/rollup.csv").handler(this::csv);
  }

  /** The roll-up with the rows' names in the request's language, so the screens name rows as the Culture tab does. */
  private void rollup(RoutingContext ctx) {
    Rubric rubric = Rubric.of(Language.of(ctx));
    JsonObject names = new JsonObject();
    Rubric.ROWS.forEach(row -> names.put(row, rubric.rowName(row)));
    build(ctx).onSuccess(rollup -> ctx.json(rollup.put("rowNames", names))).onFailure(ctx::fail);
  }

  /** One row per team the caller may open, in the API's order; the teams only counted stay out of the file. */
  private void csv(RoutingContext ctx) {
    Language language = Language.of(ctx);
    build(ctx)
      .compose(rollup -> vertx.executeBlocking(() -> table(rollup, language), false))
      .onSuccess(csv -> Downloads.sendCsv(ctx, "culture-rollup.csv", csv))
      .onFailure(ctx::fail);
  }

  static String table(JsonObject rollup, Language language) {
    List<String> header = new ArrayList<>(language == Language.ES ? HEADER_ES : HEADER_EN);
    header.addAll(Rubric.ROWS);
    Map<String, String> groupNames = new HashMap<>();
    for (Object o : rollup.getJsonArray("groups")) {
      JsonObject group = (JsonObject) o;
      if (group.getString("spaceId") != null) {
        groupNames.put(group.getString("spaceId"), group.getString("name"));
      }
    }
    List<List<Object>> rows = new ArrayList<>();
    for (Object o : rollup.getJsonArray("teams")) {
      JsonObject team = (JsonObject) o;
      List<Object> row = new ArrayList<>(List.of(groupNames.getOrDefault(team.getString("groupId"), ""), team.getString("name"),
        team.getString("level")));
      row.add(team.getValue("score"));
      row.add(team.getString("status"));
      row.add(team.getString("change"));
      row.add(team.getString("colour"));
      row.add(team.getBoolean("needsSupport"));
      JsonObject levels = team.getJsonObject("rows");
      Rubric.ROWS.forEach(id -> row.add(levels.getString(id)));
      rows.add(row);
    }
    return Downloads.csv(header, rows);
  }

  private Future<JsonObject> build(RoutingContext ctx) {
    Principal me = Authentication.required(ctx);
    UUID id = Ids.path(ctx, "id", ErrorMessage.NOT_FOUND_SPACE);
    Instant asOfOrNull = CultureRoutes.asOf(ctx);
    Integer windowDays = CultureRoutes.windowDays(ctx);
    Instant asOf = asOfOrNull == null ? Instant.now() : asOfOrNull;
    return access.of(me, id)
      .compose(granted -> granted == Access.NONE ? Future.failedFuture(ApiException.notFound(ErrorMessage.NOT_FOUND_SPACE))
        : access.aggregates(me, id))
      .compose(allowed -> allowed ? repo.space(id)
        : Future.failedFuture(ApiException.forbidden(ErrorMessage.ROLLUP_NOT_SHARED)))
      .compose(space -> {
        if ("team".equals(space.kind())) {
          return Future.failedFuture(ApiException.invalid("id", ErrorMessage.ROLLUP_OF_TEAM));
        }
        return repo.teams(id, CultureScores.weekOf(asOf), CultureScores.startOfToday(asOf))
          .compose(teams -> entries(me, id, space, teams, asOfOrNull == null && windowDays == null, asOf, windowDays))
          .map(entries -> Rollup.json(id, space.kind(), asOf, entries));
      });
  }

  /**
   * Each team with its score: today's snapshot when the roll-up is of now in the default window ({@code now}) and
   * the team has one, else scored here, {@value #SCORING_LANES} teams at a time.
   */
  private Future<List<Rollup.Entry>> entries(Principal me, UUID spaceId, RollupRepository.SpaceRow space,
                                             List<RollupRepository.TeamRow> teams, boolean now, Instant asOf,
                                             Integer windowDays) {
    Map<UUID, Rollup.Group> groups = new HashMap<>();
    // A team sitting directly in the roll-up's space is grouped under that space itself.
    groups.put(spaceId, new Rollup.Group(spaceId, space.name(), space.kind(), true));
    Scoring scoring = new Scoring(me, spaceId, teams, groups, now, asOf, windowDays);
    List<Future<Void>> lanes = new ArrayList<>();
    for (int lane = 0; lane < SCORING_LANES; lane++) {
      lanes.add(scoring.lane());
    }
    return Future.all(lanes).map(v -> Arrays.stream(scoring.entries).filter(Objects::nonNull).toList());
  }

  /** One roll-up's teams being scored: the lanes take the next team from it. All of it lives on this event loop. */
  private final class Scoring {

    private final Principal me;
    private final UUID spaceId;
    private final List<RollupRepository.TeamRow> teams;
    private final Map<UUID, Rollup.Group> groups;
    private final boolean now;
    private final Instant asOf;
    private final Integer windowDays;
    private final Rollup.Entry[] entries;
    private int next;

    Scoring(Principal me, UUID spaceId, List<RollupRepository.TeamRow> teams, Map<UUID, Rollup.Group> groups,
            boolean now, Instant asOf, Integer windowDays) {
      this.me = me;
      this.spaceId = spaceId;
      this.teams = teams;
      this.groups = groups;
      this.now = now;
      this.asOf = asOf;
      this.windowDays = windowDays;
      this.entries = new Rollup.Entry[teams.size()];
    }

    /**
     * Takes the next team until none is left, looping while the steps complete at once (snapshots, cached access)
     * and going on from a callback only after one had to wait, so the stack stays flat.
     */
    Future<Void> lane() {
      for (int index = next++; index < teams.size(); index = next++) {
        Future<Void> entry = entry(index);
        if (!entry.isComplete()) {
          return entry.compose(v -> lane());
        }
        if (entry.failed()) {
          return entry;
        }
      }
      return Future.succeededFuture();
    }

    private Future<Void> entry(int index) {
      RollupRepository.TeamRow team = teams.get(index);
      return group(me, spaceId, team, groups)
        .compose(group -> access.of(me, team.id())
          .compose(granted -> (now && team.today() != null ? Future.succeededFuture(team.today())
            : scores.score(team.id(), asOf, windowDays)).map(score -> {
              if (score != null) {
                entries[index] = new Rollup.Entry(team.id(), team.name(), group, granted.allows(Access.READ), score);
              }
              return null;
            })));
    }
  }

  private Future<Rollup.Group> group(Principal me, UUID spaceId, RollupRepository.TeamRow team, Map<UUID, Rollup.Group> known) {
    UUID groupId = team.groupId().equals(team.id()) ? spaceId : team.groupId();
    Rollup.Group cached = known.get(groupId);
    if (cached != null) {
      return Future.succeededFuture(cached);
    }
    return access.of(me, groupId).map(granted -> {
      Rollup.Group group = new Rollup.Group(groupId, team.groupName(), team.groupKind(), granted.allows(Access.NAMES));
      known.put(groupId, group);
      return group;
    });
  }
}

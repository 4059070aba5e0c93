package org.cadre.metrics;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;
import org.cadre.account.Authentication;
import org.cadre.account.Principal;
import org.cadre.history.HistoryRepository;
import org.cadre.http.ApiException;
import org.cadre.http.ErrorMessage;
import org.cadre.http.Ids;
import org.cadre.meeting.ProtocolRunRepository;
import org.cadre.space.Access;
import org.cadre.space.SpaceAccess;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/**
 * Facilitator metrics: {@code GET /api/spaces/{id}/metrics} for a team, or for a site, district or network the
 * teams below it (listed when the caller may read them, otherwise only counted into the totals, as the culture
 * roll-up does), and {@code GET /api/me/metrics} for the teams the caller leads or facilitates meetings of.
 */
public final class MetricsRoutes {

  static final int DEFAULT_DAYS = 90;
  private static final int MAX_DAYS = 3660;

  private final Pool pool;
  private final HistoryRepository histories;
  private final ProtocolRunRepository runs;
  private final SpaceAccess access;
  private final MetricsRepository repo;
  private final MetricsEngine engine = new MetricsEngine();

  public MetricsRoutes(Pool pool, HistoryRepository histories, ProtocolRunRepository runs, SpaceAccess access) {
    this.pool = pool;
    this.histories = histories;
    this.runs = runs;
    this.access = access;
    this.repo = new MetricsRepository(pool);
  }

  public void mount(Router router) {
    router.get("/api/spaces/:id/metrics").handler(this::space);
    router.get("/api/me/metrics").handler(this::mine);
  }

  private void space(RoutingContext ctx) {
    Principal me = Authentication.required(ctx);
    UUID id = Ids.path(ctx, "id", ErrorMessage.NOT_FOUND_SPACE);
    MetricsEngine.Window window = window(ctx);
    visible(me, id)
      .compose(a -> repo.teamsWithin(id))
      .compose(within -> {
        MetricsEngine.Counts totals = new MetricsEngine.Counts();
        JsonArray teams = new JsonArray();
        int[] hidden = {0};
        Future<Void> all = Future.succeededFuture();
        for (MetricsRepository.Team team : within) {
          all = all.compose(v -> access.of(me, team.id()).compose(granted -> figures(team, window, totals).map(figures -> {
            if (granted.allows(Access.READ)) {
              teams.add(figures);
            } else {
              hidden[0]++;
            }
            return null;
          })));
        }
        return all.map(v -> totals.json()
          .put("spaceId", id.toString())
          .put("from", window.from().toString()).put("to", window.to().toString())
          .put("teamCount", teams.size() + hidden[0]).put("hiddenTeams", hidden[0])
          .put("teams", teams));
      })
      .onSuccess(ctx::json)
      .onFailure(ctx::fail);
  }

  /** The teams the caller leads or facilitates meetings of, each with its figures. */
  private void mine(RoutingContext ctx) {
    Principal me = Authentication.required(ctx);
    MetricsEngine.Window window = window(ctx);
    repo.teamsFacilitatedBy(me.userId())
      .compose(mine -> {
        MetricsEngine.Counts totals = new MetricsEngine.Counts();
        JsonArray teams = new JsonArray();
        Future<Void> all = Future.succeededFuture();
        for (MetricsRepository.Team team : mine) {
          all = all.compose(v -> figures(team, window, totals).map(teams::add).mapEmpty());
        }
        return all.map(v -> totals.json().put("from", window.from().toString()).put("to", window.to().toString())
          .put("teamCount", teams.size()).put("teams", teams));
      })
      .onSuccess(ctx::json)
      .onFailure(ctx::fail);
  }

  /**
   * A team's figures are for those who may read it; a site's, district's or network's for those who may see its
   * aggregates, as the culture roll-up (partners do not; teams they cannot open are only counted).
   */
  private Future<Void> visible(Principal me, UUID id) {
    return access.of(me, id).compose(granted -> {
      if (granted == Access.NONE) {
        return Future.failedFuture(ApiException.notFound(ErrorMessage.NOT_FOUND_SPACE));
      }
      return repo.kind(id)
        .compose(kind -> "team".equals(kind) ? access.require(me, id, Access.READ).mapEmpty()
          : access.aggregates(me, id).compose(allowed -> allowed ? Future.<Void>succeededFuture()
            : Future.failedFuture(ApiException.forbidden(ErrorMessage.ROLLUP_NOT_SHARED))));
    });
  }

  /**
   * One team's figures, from its history and the step times of its runs, added into {@code totals}; with the team's
   * id, name and log seq (a live dashboard follows the team from there).
   */
  private Future<JsonObject> figures(MetricsRepository.Team team, MetricsEngine.Window window, MetricsEngine.Counts totals) {
    return histories.export(team.id()).compose(history -> runs.stepTimes(pool, team.id())
      .map(steps -> engine.team(history, steps, window, totals)
        .put("spaceId", team.id().toString()).put("name", team.name()).put("seq", team.seq())));
  }

  /** {@code from} and {@code to} as ISO dates, both included; by default the last 90 days up to today. */
  static MetricsEngine.Window window(RoutingContext ctx) {
    LocalDate to = date(ctx, "to");
    LocalDate from = date(ctx, "from");
    if (to == null) {
      to = from == null ? LocalDate.now(ZoneOffset.UTC) : from.plusDays(DEFAULT_DAYS - 1);
    }
    if (from == null) {
      from = to.minusDays(DEFAULT_DAYS - 1);
    }
    if (from.isAfter(to) || from.plusDays(MAX_DAYS).isBefore(to)) {
      throw ApiException.invalid("from", ErrorMessage.FIELD_DAYS, "to - from", 0, MAX_DAYS);
    }
    return new MetricsEngine.Window(from, to);
  }

  private static LocalDate date(RoutingContext ctx, String field) {
    String value = ctx.queryParams().get(field);
    if (value == null || value.isEmpty()) {
      return null;
    }
    try {
      LocalDate day = LocalDate.parse(value);
      if (day.getYear() >= 1970 && day.getYear() <= 9999) {
        return day;
      }
    } catch (DateTimeParseException ignored) {
      // the message below says what is expected
    }
    throw ApiException.invalid(field, ErrorMessage.FIELD_DATE, field);
  }
}

package org.cadre.culture;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import org.cadre.account.Authentication;
import org.cadre.account.Principal;
import org.cadre.http.ApiException;
import org.cadre.http.ErrorMessage;
import org.cadre.http.Ids;
import org.cadre.http.JsonBody;
import org.cadre.http.Language;
import org.cadre.space.Access;
import org.cadre.space.SpaceAccess;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The culture score of a team ({@code GET /api/spaces/{id}/culture}), its weekly trend, the roll-up over the teams
 * below a site, district or network.
 */
public final class CultureRoutes {

  private final Pool pool;
  private final CultureScores scores;
  private final SpaceAccess access;

  public CultureRoutes(Pool pool, CultureScores scores, SpaceAccess access) {
    this.pool = pool;
    this.scores = scores;
    this.access = access;
  }

  public void mount(Router router) {
    router.get("/api/spaces/:id/culture").handler(this::culture);
    router.get("/api/spaces/:id/culture/trend").handler(this::trend);
    router.get("/api/spaces/:id/culture/rollup").handler(this::rollup);
    router.get("/api/spaces/:id/culture/ratings/mine").handler(this::myRatings);
  }

  private void culture(RoutingContext ctx) {
    Principal me = Authentication.required(ctx);
    UUID id = Ids.path(ctx, "id", ErrorMessage.NOT_FOUND_SPACE);
    Instant asOf = asOf(ctx);
    Integer windowDays = windowDays(ctx);
    access.require(me, id, Access.READ)
      .compose(a -> scores.score(id, asOf, windowDays, Rubric.of(Language.of(ctx))))
      .onSuccess(ctx::json)
      .onFailure(ctx::fail);
  }

  private void trend(RoutingContext ctx) {
    Principal me = Authentication.required(ctx);
    UUID id = Ids.path(ctx, "id", ErrorMessage.NOT_FOUND_SPACE);
    access.require(me, id, Access.READ)
      .compose(a -> scores.trend(id, Instant.now()))
      .onSuccess(weeks -> ctx.json(new JsonObject().put("spaceId", id.toString()).put("weeks", weeks == null ? new JsonArray() : weeks)))
      .onFailure(ctx::fail);
  }

  /** The caller's latest rating of each row they rated, so a rating form can start from it. */
  private void myRatings(RoutingContext ctx) {
    Principal me = Authentication.required(ctx);
    UUID id = Ids.path(ctx, "id", ErrorMessage.NOT_FOUND_SPACE);
    access.require(me, id, Access.READ)
      .compose(a -> pool.preparedQuery("select distinct on (row_id) row_id, level, note, at from ratings "
        + "where space_id = $1 and user_id = $2 order by row_id, at desc, id desc").execute(Tuple.of(id, me.userId())))
      .map(rows -> {
        JsonArray ratings = new JsonArray();
        for (Row row : rows) {
          ratings.add(new JsonObject().put("row", row.getString("row_id")).put("level", row.getInteger("level"))
            .put("note", row.getString("note")).put("at", row.getOffsetDateTime("at").toInstant().toString()));
        }
        return new JsonObject().put("spaceId", id.toString()).put("ratings", ratings);
      })
      .onSuccess(ctx::json)
      .onFailure(ctx::fail);
  }

  /**
   * Every team below the space, scored now. Teams the caller may open are listed with their name and result;
   * the others only count towards the distributions, so nothing of them but their level leaks.
   */
  private void rollup(RoutingContext ctx) {
    Principal me = Authentication.required(ctx);
    UUID id = Ids.path(ctx, "id", ErrorMessage.NOT_FOUND_SPACE);
    Instant asOf = asOf(ctx);
    Integer windowDays = windowDays(ctx);
    access.require(me, id, Access.READ)
      .compose(a -> pool.preparedQuery("select id, name from spaces where $1 = any(path) and id <> $1 and kind = 'team' "
        + "and archived_at is null order by name, id").execute(Tuple.of(id)))
      .compose(rows -> {
        Rollup rollup = new Rollup(id, asOf == null ? Instant.now() : asOf);
        Future<Void> all = Future.succeededFuture();
        for (Row row : rows) {
          UUID team = row.getUUID("id");
          String name = row.getString("name");
          all = all.compose(v -> access.of(me, team)
            .compose(granted -> scores.score(team, rollup.asOf(), windowDays)
              .map(score -> {
                rollup.add(team, name, granted.allows(Access.READ), score);
                return null;
              })));
        }
        return all.map(v -> rollup.json());
      })
      .onSuccess(ctx::json)
      .onFailure(ctx::fail);
  }

  private static Instant asOf(RoutingContext ctx) {
    String value = ctx.queryParams().get("asOf");
    if (value == null) {
      return null;
    }
    try {
      Instant asOf = Instant.parse(value);
      if (!asOf.isBefore(JsonBody.EARLIEST) && asOf.isBefore(JsonBody.LATEST)) {
        return asOf;
      }
    } catch (DateTimeParseException ignored) {
      // the message below says what is expected
    }
    throw ApiException.invalid("asOf", ErrorMessage.FIELD_INSTANT, "asOf");
  }

  private static Integer windowDays(RoutingContext ctx) {
    String value = ctx.queryParams().get("windowDays");
    if (value == null) {
      return null;
    }
    try {
      int days = Integer.parseInt(value);
      if (days >= 1 && days <= 3650) {
        return days;
      }
    } catch (NumberFormatException ignored) {
      // the message below says what is expected
    }
    throw ApiException.invalid("windowDays", ErrorMessage.FIELD_DAYS, "windowDays", 1, 3650);
  }

  /** The roll-up being built: visible teams, counts of levels overall and per row, teams needing support. */
  private static final class Rollup {
    private final UUID spaceId;
    private final Instant asOf;
    private final JsonArray teams = new JsonArray();
    private final JsonObject levels = new JsonObject();
    private final JsonObject rows = new JsonObject();
    private final List<JsonObject> support = new ArrayList<>();
    private int hidden;
    private int needingSupport;

    Rollup(UUID spaceId, Instant asOf) {
      this.spaceId = spaceId;
      this.asOf = asOf;
    }

    Instant asOf() {
      return asOf;
    }

    void add(UUID team, String name, boolean visible, JsonObject score) {
      count(levels, score.getString("level"));
      for (Object o : score.getJsonArray("rows")) {
        JsonObject row = (JsonObject) o;
        JsonObject counts = rows.getJsonObject(row.getString("id"));
        if (counts == null) {
          counts = new JsonObject();
          rows.put(row.getString("id"), counts);
        }
        count(counts, row.getString("level"));
      }
      String change = score.getString("change");
      boolean needs = "emerging".equals(score.getString("level")) || "declined".equals(change) || "declined-significantly".equals(change);
      if (needs) {
        needingSupport++;
      }
      if (!visible) {
        hidden++;
        return;
      }
      JsonObject entry = new JsonObject()
        .put("spaceId", team.toString())
        .put("name", name)
        .put("level", score.getString("level"))
        .put("score", score.getValue("score"))
        .put("status", score.getString("status"))
        .put("change", change)
        .put("colour", score.getString("colour"))
        .put("needsSupport", needs);
      teams.add(entry);
      if (needs) {
        support.add(new JsonObject().put("spaceId", team.toString()).put("name", name));
      }
    }

    private static void count(JsonObject counts, String level) {
      counts.put(level, counts.getInteger(level, 0) + 1);
    }

    JsonObject json() {
      JsonObject perRow = new JsonObject();
      for (String row : Rubric.ROWS) {
        perRow.put(row, rows.getJsonObject(row, new JsonObject()));
      }
      return new JsonObject()
        .put("spaceId", spaceId.toString())
        .put("asOf", asOf.toString())
        .put("teamCount", teams.size() + hidden)
        .put("hiddenTeams", hidden)
        .put("levels", levels)
        .put("rows", perRow)
        .put("needsSupportCount", needingSupport)
        .put("needsSupport", new JsonArray(support))
        .put("teams", teams);
    }
  }
}

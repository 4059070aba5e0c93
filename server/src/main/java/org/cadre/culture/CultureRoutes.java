package org.cadre.culture;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.cadre.account.Authentication;
import org.cadre.account.Principal;
import org.cadre.http.ApiException;
import org.cadre.http.Ids;
import org.cadre.http.JsonBody;
import org.cadre.space.Access;
import org.cadre.space.SpaceAccess;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

/**
 * The culture score of a team ({@code GET /api/spaces/{id}/culture}) and its weekly trend; the roll-up over the teams
 * below a site, district or network is {@link RollupRoutes}.
 */
public final class CultureRoutes {

  static final List<String> ROWS = List.of("A1", "A2", "A3", "A4", "A5", "A6", "B1", "B2", "B3", "B4",
    "C1", "C2", "C3", "C4", "C5", "C6");

  private final CultureScores scores;
  private final SpaceAccess access;

  public CultureRoutes(CultureScores scores, SpaceAccess access) {
    this.scores = scores;
    this.access = access;
  }

  public void mount(Router router) {
    router.get("/api/spaces/:id/culture").handler(this::culture);
    router.get("/api/spaces/:id/culture/trend").handler(this::trend);
  }

  private void culture(RoutingContext ctx) {
    Principal me = Authentication.required(ctx);
    UUID id = Ids.path(ctx, "id", "That space");
    Instant asOf = asOf(ctx);
    Integer windowDays = windowDays(ctx);
    access.require(me, id, Access.READ)
      .compose(a -> scores.score(id, asOf, windowDays))
      .onSuccess(ctx::json)
      .onFailure(ctx::fail);
  }

  private void trend(RoutingContext ctx) {
    Principal me = Authentication.required(ctx);
    UUID id = Ids.path(ctx, "id", "That space");
    access.require(me, id, Access.READ)
      .compose(a -> scores.trend(id, Instant.now()))
      .onSuccess(weeks -> ctx.json(new JsonObject().put("spaceId", id.toString()).put("weeks", weeks == null ? new JsonArray() : weeks)))
      .onFailure(ctx::fail);
  }

  static Instant asOf(RoutingContext ctx) {
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
    throw ApiException.invalid("asOf", "'asOf' must be an ISO-8601 instant such as 2026-03-02T15:30:00Z.");
  }

  static Integer windowDays(RoutingContext ctx) {
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
    throw ApiException.invalid("windowDays", "'windowDays' must be a whole number of days from 1 to 3650.");
  }
}

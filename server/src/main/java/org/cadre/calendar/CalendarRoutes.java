package org.cadre.calendar;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.cadre.account.Authentication;
import org.cadre.account.Principal;
import org.cadre.account.Tokens;
import org.cadre.calendar.CalendarRepository.Feed;
import org.cadre.http.ApiException;
import org.cadre.http.JsonBody;
import org.cadre.http.ErrorMessage;
import org.cadre.http.BodyShape;
import org.cadre.http.Downloads;
import org.cadre.http.Ids;
import org.cadre.http.Language;
import org.cadre.space.Access;
import org.cadre.space.AccessPolicy;
import org.cadre.space.Kind;
import org.cadre.space.Space;
import org.cadre.space.SpaceAccess;
import org.cadre.space.SpaceRepository;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * iCal feeds of meetings. Calendar apps fetch {@code GET /api/calendar/{secret}.ics} without cookies, so the secret in
 * the URL is the credential; its owner makes, replaces and removes it at {@code /api/me/calendar-feed} (every team they
 * may read) or {@code /api/spaces/{id}/calendar-feed} (one team). Whose feed it is decides nothing by itself: each
 * fetch shows what its owner may read at that moment, so someone who leaves a team stops seeing its meetings.
 */
public final class CalendarRoutes {

  private static final String PREFIX = "cadre_cal_";
  private static final String FEED_PATH = "/api/calendar/";

  private final Vertx vertx;
  private final CalendarRepository repo;
  private final SpaceRepository spaces;
  private final SpaceAccess access;
  private final CalendarFeed feeds = new CalendarFeed();

  public CalendarRoutes(Vertx vertx, CalendarRepository repo, SpaceRepository spaces, SpaceAccess access) {
    this.vertx = vertx;
    this.repo = repo;
    this.spaces = spaces;
    this.access = access;
  }

  public void mount(Router router) {
    router.getWithRegex("/api/calendar/([A-Za-z0-9_-]{1,100})\\.ics").handler(this::feed);
    router.get("/api/me/calendar-feed").handler(ctx -> show(ctx, personal(ctx)));
    router.post("/api/me/calendar-feed").handler(BodyShape.of().checker()).handler(ctx -> replace(ctx, personal(ctx)));
    router.delete("/api/me/calendar-feed").handler(ctx -> delete(ctx, personal(ctx)));
    router.get("/api/spaces/:id/calendar-feed").handler(ctx -> show(ctx, team(ctx)));
    router.post("/api/spaces/:id/calendar-feed").handler(BodyShape.of().checker()).handler(ctx -> replace(ctx, team(ctx)));
    router.delete("/api/spaces/:id/calendar-feed").handler(ctx -> delete(ctx, team(ctx)));
  }

  /** Whose feed a management route is about: the caller's, for one team or (null) all of them. */
  private record Owner(Principal me, UUID spaceId) {
  }

  private static Future<Owner> personal(RoutingContext ctx) {
    return Future.succeededFuture(new Owner(Authentication.required(ctx), null));
  }

  /** A team the caller may read; other kinds of space hold no meetings. */
  private Future<Owner> team(RoutingContext ctx) {
    Principal me = Authentication.required(ctx);
    UUID id = Ids.path(ctx, "id", ErrorMessage.NOT_FOUND_SPACE);
    return access.require(me, id, Access.READ)
      .compose(a -> spaces.find(id))
      .compose(space -> space.kind() == Kind.TEAM ? Future.succeededFuture(new Owner(me, id))
        : Future.failedFuture(ApiException.invalid("id", ErrorMessage.TEAMS_ONLY, ErrorMessage.NOUN_CALENDAR_FEEDS,
          JsonBody.wireName(space.kind()))));
  }

  private void show(RoutingContext ctx, Future<Owner> owner) {
    owner.compose(o -> repo.find(o.me().userId(), o.spaceId()))
      .onSuccess(feed -> ctx.json(new JsonObject()
        .put("active", feed != null)
        .put("createdAt", feed == null ? null : feed.createdAt().toString())
        .put("lastUsedAt", feed == null || feed.lastUsedAt() == null ? null : feed.lastUsedAt().toString())))
      .onFailure(ctx::fail);
  }

  /** Creates the feed or gives it a new secret; the URL is shown this once (only its digest is kept). */
  private void replace(RoutingContext ctx, Future<Owner> owner) {
    String secret = Tokens.generate(PREFIX);
    owner.compose(o -> repo.replace(o.me().userId(), o.spaceId(), Tokens.digest(secret)))
      .onSuccess(feed -> ctx.response().setStatusCode(201))
      .onSuccess(feed -> ctx.json(new JsonObject()
        .put("active", true)
        .put("path", FEED_PATH + secret + ".ics")
        .put("createdAt", feed.createdAt().toString())
        .put("lastUsedAt", null)))
      .onFailure(ctx::fail);
  }

  private void delete(RoutingContext ctx, Future<Owner> owner) {
    owner.compose(o -> repo.delete(o.me().userId(), o.spaceId()))
      .onSuccess(deleted -> {
        if (deleted) {
          ctx.response().setStatusCode(204).end();
        } else {
          ctx.fail(ApiException.notFound(ErrorMessage.NOT_FOUND_CALENDAR_FEED));
        }
      })
      .onFailure(ctx::fail);
  }

  /** An unknown secret and a team its owner may no longer read both answer 404, as if there were no feed. */
  private void feed(RoutingContext ctx) {
    String secret = ctx.pathParam("param0");
    Language language = Language.of(ctx);
    repo.open(Tokens.digest(secret))
      .compose(feed -> feed == null ? Future.failedFuture(ApiException.notFound(ErrorMessage.NOT_FOUND_CALENDAR_FEED)) : teams(feed)
        .compose(teamIds -> repo.teams(teamIds))
        .compose(teams -> repo.meetings(teams.stream().map(CalendarRepository.TeamRow::id).toList())
          .compose(meetings -> repo.series(teams.stream().map(CalendarRepository.TeamRow::id).toList())
            .compose(series -> {
              String name = feed.spaceId() != null && !teams.isEmpty() ? teams.get(0).name()
                : language == Language.ES ? "Cadre: mis equipos" : "Cadre: my teams";
              return vertx.executeBlocking(() -> feeds.write(name, teams, meetings, series, Instant.now()), false);
            }))))
      .onSuccess(text -> Downloads.send(ctx, "cadre.ics", "text/calendar; charset=utf-8",
        Buffer.buffer(text.getBytes(StandardCharsets.UTF_8))))
      .onFailure(ctx::fail);
  }

  /** The teams the feed's owner may read now: its one team, or every team they reach. */
  private Future<List<UUID>> teams(Feed feed) {
    if (feed.spaceId() != null) {
      return access.of(feed.userId(), feed.admin(), feed.spaceId())
        .compose(a -> a.allows(Access.READ) ? Future.succeededFuture(List.of(feed.spaceId()))
          : Future.failedFuture(ApiException.notFound(ErrorMessage.NOT_FOUND_CALENDAR_FEED)));
    }
    return access.grants(feed.userId()).compose(grants -> spaces.reachable(grants, feed.admin())
      .map(reachable -> reachable.stream()
        .filter(s -> s.kind() == Kind.TEAM && AccessPolicy.access(feed.admin(), grants, s.path()).allows(Access.READ))
        .map(Space::id)
        .toList()));
  }
}

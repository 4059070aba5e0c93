package org.cadre.realtime;

import org.cadre.event.SpaceEvent;
import org.cadre.http.BodyShape;
import org.cadre.event.EventLog;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.cadre.account.Authentication;
import org.cadre.http.ApiException;
import org.cadre.http.ErrorMessage;
import org.cadre.http.Ids;
import org.cadre.space.Access;
import org.cadre.space.SpaceAccess;

import java.util.List;
import java.util.UUID;

/**
 * Reading a space's event log: the {@code catchup} command a reconnecting client sends with the last seq it saw,
 * and {@code GET /api/spaces/{id}/events?after=N}, the audit trail.
 */
public final class EventFeed {

  static final int PAGE = 500;

  private final EventLog log;
  private final SpaceAccess access;

  public EventFeed(EventLog log, SpaceAccess access) {
    this.log = log;
    this.access = access;
  }

  public void mount(Router router) {
    router.get("/api/spaces/:id/events").handler(this::events);
  }

  public void register(Commands commands) {
    commands.register("catchup", Access.READ, BodyShape.of("afterSeq"), command ->
      page(command.spaceId(), command.body().longValue("afterSeq", 0, Long.MAX_VALUE), PAGE));
  }

  private void events(RoutingContext ctx) {
    UUID id = Ids.path(ctx, "id", ErrorMessage.NOT_FOUND_SPACE);
    long after = queryLong(ctx, "after", 0);
    int limit = (int) Math.min(queryLong(ctx, "limit", PAGE), PAGE);
    access.require(Authentication.required(ctx), id, Access.READ)
      .compose(a -> page(id, after, limit))
      .onSuccess(ctx::json)
      .onFailure(ctx::fail);
  }

  /** Events after {@code afterSeq} in order; {@code more} says a further page exists. */
  private Future<JsonObject> page(UUID spaceId, long afterSeq, int limit) {
    return log.after(spaceId, afterSeq, limit + 1).map(events -> {
      List<SpaceEvent> pageEvents = events.subList(0, Math.min(limit, events.size()));
      JsonArray out = new JsonArray();
      pageEvents.forEach(e -> out.add(e.toJson()));
      return new JsonObject()
        .put("spaceId", spaceId.toString())
        .put("events", out)
        .put("more", events.size() > limit);
    });
  }

  private static long queryLong(RoutingContext ctx, String name, long dflt) {
    String value = ctx.queryParams().get(name);
    if (value == null) {
      return dflt;
    }
    try {
      long n = Long.parseLong(value);
      if (n < 0) {
        throw new NumberFormatException();
      }
      return n;
    } catch (NumberFormatException e) {
      throw ApiException.invalid(name, ErrorMessage.FIELD_NON_NEGATIVE, name);
    }
  }
}

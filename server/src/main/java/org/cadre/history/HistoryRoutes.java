package org.cadre.history;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.sqlclient.SqlConnection;
import org.cadre.account.Authentication;
import org.cadre.account.Principal;
import org.cadre.http.ApiException;
import org.cadre.http.ErrorMessage;
import org.cadre.http.Ids;
import org.cadre.http.JsonBody;
import org.cadre.event.EventLog;
import org.cadre.space.Access;
import org.cadre.space.Role;
import org.cadre.space.SpaceAccess;
import org.cadre.space.SpaceChanges;
import org.cadre.space.SpaceRepository;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

/**
 * {@code POST /api/spaces/{parentId}/import} creates a team from a team history, all or nothing;
 * {@code GET /api/spaces/{id}/history} exports one in the same format.
 */
public final class HistoryRoutes {

  /** Years of a team's meetings fit well within this. */
  public static final long IMPORT_LIMIT = 16 * 1024 * 1024;

  private final Vertx vertx;
  private final HistoryRepository histories;
  private final SpaceChanges changes;
  private final SpaceRepository spaces;
  private final SpaceAccess access;

  public HistoryRoutes(Vertx vertx, HistoryRepository histories, SpaceChanges changes, SpaceAccess access) {
    this.vertx = vertx;
    this.histories = histories;
    this.changes = changes;
    this.spaces = changes.repository();
    this.access = access;
  }

  /**
   * The import route reads its own, larger body, and only from a caller who at least presents credentials (they
   * are checked afterwards, as on every route); mount this before the API's general body handler.
   */
  public void mountBodyHandler(Router router) {
    router.post("/api/spaces/:id/import").handler(ctx -> {
      if (ctx.request().getHeader("Authorization") == null && ctx.request().getCookie(Authentication.SESSION_COOKIE) == null) {
        ctx.fail(ApiException.unauthenticated());
      } else {
        ctx.next();
      }
    });
    router.post("/api/spaces/:id/import").handler(BodyHandler.create(false).setBodyLimit(IMPORT_LIMIT));
  }

  public void mount(Router router) {
    router.post("/api/spaces/:id/import").handler(this::importHistory);
    router.get("/api/spaces/:id/history").handler(this::exportHistory);
  }

  private void importHistory(RoutingContext ctx) {
    Principal me = Authentication.required(ctx);
    UUID parentId = Ids.path(ctx, "id", ErrorMessage.NOT_FOUND_SPACE);
    String text = ctx.body().asString();
    if (text == null || text.isBlank()) {
      throw ApiException.invalid("$", ErrorMessage.HISTORY_BODY);
    }
    access.require(me, parentId, Access.MANAGE)
      // Parsing and checking a large document is CPU work: keep it off the event loop.
      .compose(a -> vertx.executeBlocking(() -> parse(text), false))
      .compose(history -> store(me, parentId, history))
      // The importer's rights changed here: no verticle of this server may answer from the older ones.
      .onSuccess(spaceId -> access.invalidate(me.userId()))
      .onSuccess(spaceId -> ctx.response().setStatusCode(201))
      .onSuccess(spaceId -> ctx.json(new JsonObject().put("spaceId", spaceId.toString())))
      .onFailure(ctx::fail);
  }

  private static TeamHistory parse(String text) {
    try {
      return HistoryJson.parse(text);
    } catch (HistoryException e) {
      throw ApiException.invalid(e.path(), e.message(), e.args());
    }
  }

  /**
   * One transaction: the new space, its settings, and everything in the history. The importer joins as an
   * observer unless the history names them, so that the roster, and with it the score, is the document's.
   */
  private Future<UUID> store(Principal me, UUID parentId, TeamHistory history) {
    return changes.create(tx -> spaces.holdActive(tx, parentId).compose(parent -> {
      if (!parent.kind().mayContain(history.kind())) {
        return Future.failedFuture(ApiException.invalid("$.team.kind", ErrorMessage.KIND_CANNOT_HOLD,
          JsonBody.wireName(parent.kind()), JsonBody.wireName(history.kind())));
      }
      return spaces.create(tx, parentId, history.kind(), history.name(), "", me.userId())
        .compose(space -> spaces.updateSettings(tx, space.id(), null, history.cadenceDays(), false,
          history.leaderSelection() == null ? null : history.leaderSelection().method(),
          history.leaderSelection() == null || history.leaderSelection().at() == null ? null
            : OffsetDateTime.ofInstant(history.leaderSelection().at(), ZoneOffset.UTC), null, false))
        .compose(space -> histories.write(tx, space.id(), history, me.userId())
          .compose(people -> joinImporter(tx, space.id(), me)
            .compose(v -> EventLog.append(tx, space.id(), "history.imported", new JsonObject()
              .put("name", history.name())
              .put("members", history.members().size())
              .put("meetings", history.meetings().size())
              .put("actionItems", history.actionItems().size()), me.userId()))
            .compose(event -> notifyMembers(tx, space.id(), people, me.userId())
              .map(new SpaceChanges.Applied<>(space.id(), event)))));
    }));
  }

  /**
   * The importer joins as an observer, so the roster stays the document's, unless no lead of the document can
   * manage the team yet (none is a confirmed member: an unverified account's membership waits for a lead): then
   * the importer leads it, in the role the document gives them if it names them as a current member, since a team
   * always keeps a lead.
   */
  private Future<Void> joinImporter(SqlConnection tx, UUID spaceId, Principal me) {
    return spaces.otherLeads(tx, spaceId, me.userId()).compose(leads -> spaces.currentRole(tx, spaceId, me.userId())
      .compose(current -> {
        if (current == null) {
          return spaces.addMember(tx, spaceId, me.userId(), leads > 0 ? Role.OBSERVER : Role.LEAD);
        }
        return leads > 0 || current == Role.LEAD ? Future.succeededFuture() : spaces.changeRole(tx, spaceId, me.userId(), Role.LEAD);
      }));
  }

  private static Future<Void> notifyMembers(SqlConnection tx, UUID spaceId, Map<String, UUID> people, UUID importer) {
    Future<Void> all = EventLog.notifyAccessChanged(tx, importer, spaceId);
    for (UUID user : people.values()) {
      all = all.compose(v -> EventLog.notifyAccessChanged(tx, user, spaceId));
    }
    return all;
  }

  private void exportHistory(RoutingContext ctx) {
    Principal me = Authentication.required(ctx);
    UUID id = Ids.path(ctx, "id", ErrorMessage.NOT_FOUND_SPACE);
    access.require(me, id, Access.READ)
      .compose(a -> histories.export(id))
      .onSuccess(history -> ctx.json(HistoryJson.write(history)))
      .onFailure(ctx::fail);
  }
}

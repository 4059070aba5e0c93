package org.cadre.protocol;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.SqlConnection;
import org.cadre.account.Authentication;
import org.cadre.account.Principal;
import org.cadre.http.ApiException;
import org.cadre.http.BodyShape;
import org.cadre.http.ErrorMessage;
import org.cadre.http.Ids;
import org.cadre.http.JsonBody;
import org.cadre.http.Language;
import org.cadre.protocol.ProtocolRepository.Protocol;
import org.cadre.space.Access;
import org.cadre.space.SpaceAccess;
import org.cadre.space.SpaceChanges;
import org.cadre.space.SpaceChanges.Archived;
import org.cadre.space.SpaceChanges.Event;
import org.cadre.space.SpaceChanges.Outcome;
import org.cadre.space.SpaceRepository;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * The protocol library over REST: the built-ins every space sees, the protocols a space writes or copies, and their
 * versions. Writing needs {@link Access#WRITE} in the owner space, as editing its board does.
 */
public final class ProtocolRoutes {

  static final String SAVED = "protocol.saved";
  static final String ARCHIVED = "protocol.archived";

  private final ProtocolRepository repo;
  private final SpaceRepository spaces;
  private final SpaceChanges changes;
  private final SpaceAccess access;
  private final ProtocolLibrary library;

  public ProtocolRoutes(ProtocolRepository repo, SpaceRepository spaces, SpaceChanges changes, SpaceAccess access) {
    this.repo = repo;
    this.library = new ProtocolLibrary(repo);
    this.spaces = spaces;
    this.changes = changes;
    this.access = access;
  }

  public void mount(Router router) {
    router.get("/api/spaces/:id/protocols").handler(this::list);
    router.post("/api/spaces/:id/protocols").handler(ProtocolContent.SHAPE.checker()).handler(this::create);
    router.post("/api/spaces/:id/protocols/:protocolId/copy").handler(BodyShape.of("name").checker()).handler(this::copy);
    router.get("/api/protocols/:id").handler(this::get);
    router.put("/api/protocols/:id").handler(ProtocolContent.SHAPE.checker()).handler(this::update);
    router.post("/api/protocols/:id/archive").handler(BodyShape.of("archived").checker()).handler(this::archive);
  }

  /** The built-ins, then the protocols of the space and of those above it that the caller may read. */
  private void list(RoutingContext ctx) {
    Principal me = Authentication.required(ctx);
    UUID id = Ids.path(ctx, "id", ErrorMessage.NOT_FOUND_SPACE);
    access.require(me, id, Access.READ)
      .compose(a -> spaces.path(id))
      .compose(path -> readable(me, path))
      .compose(repo::listed)
      .map(protocols -> {
        Language language = Language.of(ctx);
        JsonArray out = new JsonArray();
        protocols.forEach(p -> out.add(library.localized(p, language).toJson()));
        return new JsonObject().put("spaceId", id.toString()).put("protocols", out);
      })
      .onSuccess(ctx::json)
      .onFailure(ctx::fail);
  }

  private Future<List<UUID>> readable(Principal me, List<UUID> path) {
    List<UUID> out = new ArrayList<>();
    Future<Void> all = Future.succeededFuture();
    for (UUID space : path) {
      all = all.compose(v -> access.of(me, space).map(a -> {
        if (a.allows(Access.READ)) {
          out.add(space);
        }
        return null;
      }));
    }
    return all.map(v -> out);
  }

  private void get(RoutingContext ctx) {
    Principal me = Authentication.required(ctx);
    UUID id = Ids.path(ctx, "id", ErrorMessage.NOT_FOUND_PROTOCOL);
    Integer version = version(ctx);
    visible(me, id)
      .compose(latest -> version == null ? Future.succeededFuture(latest) : repo.find(id, version).map(p -> {
        if (p == null) {
          throw ApiException.notFound(ErrorMessage.NOT_FOUND_PROTOCOL_VERSION).with("version", version);
        }
        return p;
      }))
      .onSuccess(p -> ctx.json(library.localized(p, Language.of(ctx)).toJson()))
      .onFailure(ctx::fail);
  }

  private void create(RoutingContext ctx) {
    Principal me = Authentication.required(ctx);
    UUID spaceId = Ids.path(ctx, "id", ErrorMessage.NOT_FOUND_SPACE);
    ProtocolContent content = ProtocolContent.read(JsonBody.of(ctx));
    access.require(me, spaceId, Access.WRITE)
      .compose(a -> save(spaceId, me, tx -> repo.create(tx, spaceId, null, content.toJson(), me.userId())))
      .onSuccess(p -> ctx.response().setStatusCode(201).putHeader("Content-Type", "application/json").end(p.toJson().encode()))
      .onFailure(ctx::fail);
  }

  private void copy(RoutingContext ctx) {
    Principal me = Authentication.required(ctx);
    UUID spaceId = Ids.path(ctx, "id", ErrorMessage.NOT_FOUND_SPACE);
    UUID sourceId = Ids.path(ctx, "protocolId", ErrorMessage.NOT_FOUND_PROTOCOL);
    String name = JsonBody.optional(ctx).optionalString("name", 1, 120);
    access.require(me, spaceId, Access.WRITE)
      .compose(a -> visible(me, sourceId))
      .compose(source -> {
        // A built-in is copied in the caller's language, so a Spanish-speaking team edits it in Spanish.
        JsonObject content = library.localized(source, Language.of(ctx)).content().copy();
        if (name != null) {
          content.put("name", name);
        }
        return save(spaceId, me, tx -> repo.create(tx, spaceId, source.id(), content, me.userId()));
      })
      .onSuccess(p -> ctx.response().setStatusCode(201).putHeader("Content-Type", "application/json").end(p.toJson().encode()))
      .onFailure(ctx::fail);
  }

  private void update(RoutingContext ctx) {
    Principal me = Authentication.required(ctx);
    UUID id = Ids.path(ctx, "id", ErrorMessage.NOT_FOUND_PROTOCOL);
    ProtocolContent content = ProtocolContent.read(JsonBody.of(ctx));
    writable(me, id)
      .compose(p -> save(p.ownerSpaceId(), me, tx -> repo.addVersion(tx, id, content.toJson(), me.userId())))
      .onSuccess(p -> ctx.json(p.toJson()))
      .onFailure(ctx::fail);
  }

  private void archive(RoutingContext ctx) {
    Principal me = Authentication.required(ctx);
    UUID id = Ids.path(ctx, "id", ErrorMessage.NOT_FOUND_PROTOCOL);
    Boolean flag = JsonBody.optional(ctx).optionalBoolean("archived");
    boolean archived = flag == null || flag;
    writable(me, id)
      .compose(p -> changes.apply(p.ownerSpaceId(), me.userId(), null, Archived.REFUSE, (tx, space) ->
        repo.setArchived(tx, id, archived).map(saved -> new Outcome<>(saved, new Event(ARCHIVED,
          new JsonObject().put("protocolId", id.toString()).put("archived", archived))))))
      .onSuccess(applied -> ctx.json(applied.value().toJson()))
      .onFailure(ctx::fail);
  }

  /** Stores a version in the owner space's transaction, with its {@value #SAVED} event. */
  private Future<Protocol> save(UUID spaceId, Principal me,
                                Function<SqlConnection, Future<Protocol>> work) {
    return changes.apply(spaceId, me.userId(), null, Archived.REFUSE, (tx, space) -> work.apply(tx)
        .map(saved -> new Outcome<>(saved, new Event(SAVED, new JsonObject().put("protocolId", saved.id().toString())
          .put("version", saved.version()).put("name", saved.name())
          .put("copiedFrom", saved.copiedFrom() == null ? null : saved.copiedFrom().toString())))))
      .map(SpaceChanges.Applied::value);
  }

  /** The protocol's latest version, when the caller may read it: a built-in, or one of a space they may read. */
  private Future<Protocol> visible(Principal me, UUID id) {
    return repo.find(id, null).compose(p -> {
      if (p == null) {
        return Future.failedFuture(ApiException.notFound(ErrorMessage.NOT_FOUND_PROTOCOL));
      }
      if (p.builtIn()) {
        return Future.succeededFuture(p);
      }
      return access.of(me, p.ownerSpaceId()).compose(a -> a.allows(Access.READ) ? Future.succeededFuture(p)
        : Future.failedFuture(ApiException.notFound(ErrorMessage.NOT_FOUND_PROTOCOL)));
    });
  }

  /** As {@link #visible}, and the caller may change it: never a built-in, else write access in its owner space. */
  private Future<Protocol> writable(Principal me, UUID id) {
    return visible(me, id).compose(p -> {
      if (p.builtIn()) {
        return Future.failedFuture(ApiException.forbidden(ErrorMessage.PROTOCOL_BUILT_IN));
      }
      return access.require(me, p.ownerSpaceId(), Access.WRITE).map(p);
    });
  }

  private static Integer version(RoutingContext ctx) {
    String value = ctx.queryParams().get("version");
    if (value == null) {
      return null;
    }
    try {
      int version = Integer.parseInt(value);
      if (version >= 1) {
        return version;
      }
    } catch (NumberFormatException ignored) {
      // the message below says what is expected
    }
    throw ApiException.invalid("version", ErrorMessage.FIELD_WHOLE_NUMBER, "version", 1, Integer.MAX_VALUE);
  }
}

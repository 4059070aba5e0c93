package org.cadre.space;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.cadre.account.Authentication;
import org.cadre.account.Principal;
import org.cadre.http.BodyShape;
import org.cadre.http.ApiException;
import org.cadre.http.ErrorMessage;
import org.cadre.http.Ids;
import org.cadre.http.JsonBody;
import org.cadre.event.EventLog;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** {@code /api/spaces}: the tree, space settings and memberships. */
public final class SpaceRoutes {

  private final Spaces spaces;
  private final SpaceRepository repo;
  private final SpaceAccess access;

  public SpaceRoutes(Spaces spaces, SpaceAccess access) {
    this.spaces = spaces;
    this.repo = spaces.repository();
    this.access = access;
  }

  public void mount(Router router) {
    router.get("/api/spaces").handler(this::tree);
    router.post("/api/spaces").handler(BodyShape.of("name", "kind", "description").checker()).handler(this::createRoot);
    router.get("/api/spaces/:id").handler(this::show);
    router.patch("/api/spaces/:id").handler(BodyShape.of("name", "description").checker()).handler(this::update);
    router.post("/api/spaces/:id/archive").handler(BodyShape.of().checker()).handler(this::archive);
    router.post("/api/spaces/:id/children").handler(BodyShape.of("name", "kind", "description").checker()).handler(this::createChild);
    router.get("/api/spaces/:id/members").handler(this::members);
    router.post("/api/spaces/:id/members").handler(BodyShape.of("email", "userId", "role").checker()).handler(this::addMember);
    router.delete("/api/spaces/:id/members/:userId").handler(this::removeMember);
    router.delete("/api/spaces/:id/members").handler(BodyShape.of("userId").checker()).handler(this::removeMember);
  }

  private void tree(RoutingContext ctx) {
    Principal me = Authentication.required(ctx);
    access.grants(me.userId()).compose(granted -> repo.reachable(granted, me.admin()).map(spaces -> buildTree(me, granted, spaces)))
      .onSuccess(roots -> ctx.json(new JsonObject().put("spaces", roots)))
      .onFailure(ctx::fail);
  }

  /** Nests the visible spaces; a space whose parent the caller may not see becomes a root of their tree. */
  private static JsonArray buildTree(Principal me, List<Grant> grants, List<Space> spaces) {
    Map<UUID, Role> roles = new HashMap<>();
    grants.forEach(g -> roles.put(g.spaceId(), g.role()));
    Map<UUID, JsonObject> visible = new LinkedHashMap<>();
    for (Space space : spaces) {
      Access a = AccessPolicy.access(me.admin(), grants, space.path());
      if (a.allows(Access.NAMES)) {
        Role role = roles.get(space.id());
        visible.put(space.id(), space.summaryJson(a)
          .put("role", role == null ? null : JsonBody.wireName(role))
          .put("children", new JsonArray()));
      }
    }
    JsonArray roots = new JsonArray();
    for (JsonObject node : visible.values()) {
      String parent = node.getString("parentId");
      JsonObject parentNode = parent == null ? null : visible.get(UUID.fromString(parent));
      if (parentNode == null) {
        // The caller may not see the parent: do not even name it.
        roots.add(node.put("parentId", null));
      } else {
        parentNode.getJsonArray("children").add(node);
      }
    }
    return roots;
  }

  private void createRoot(RoutingContext ctx) {
    Principal me = Authentication.required(ctx);
    if (!me.admin()) {
      throw ApiException.forbidden(ErrorMessage.ADMINS_CREATE_NETWORKS);
    }
    NewSpace wanted = NewSpace.of(JsonBody.of(ctx));
    spaces.create(me, null, wanted.kind(), wanted.name(), wanted.description())
      .onSuccess(space -> created(ctx, me, space))
      .onFailure(ctx::fail);
  }

  private void createChild(RoutingContext ctx) {
    Principal me = Authentication.required(ctx);
    UUID parentId = Ids.path(ctx, "id", ErrorMessage.NOT_FOUND_SPACE);
    NewSpace wanted = NewSpace.of(JsonBody.of(ctx));
    access.require(me, parentId, Access.MANAGE)
      .compose(a -> spaces.create(me, parentId, wanted.kind(), wanted.name(), wanted.description()))
      .onSuccess(space -> created(ctx, me, space))
      .onFailure(ctx::fail);
  }

  /** The body of a space creation, validated. */
  private record NewSpace(String name, Kind kind, String description) {
    static NewSpace of(JsonBody body) {
      return new NewSpace(body.string("name", 1, 200), body.enumValue("kind", Kind.class),
        body.optionalString("description", 0, 2000));
    }
  }

  /** The creator leads the new space: their cached rights are stale from now on. */
  private void created(RoutingContext ctx, Principal me, Space space) {
    access.invalidate(me.userId());
    created(ctx, space.detailJson(Access.MANAGE));
  }

  private void show(RoutingContext ctx) {
    Principal me = Authentication.required(ctx);
    UUID id = Ids.path(ctx, "id", ErrorMessage.NOT_FOUND_SPACE);
    access.require(me, id, Access.NAMES)
      .compose(a -> repo.find(id).compose(space -> {
        JsonObject json = a.allows(Access.READ) ? space.detailJson(a) : space.summaryJson(a);
        if (space.parentId() == null) {
          return Future.succeededFuture(json);
        }
        // A partner, say, may not even learn the id of the space above theirs.
        return access.of(me, space.parentId()).map(parent -> parent == Access.NONE ? json.put("parentId", null) : json);
      }))
      .onSuccess(ctx::json)
      .onFailure(ctx::fail);
  }

  private void update(RoutingContext ctx) {
    Principal me = Authentication.required(ctx);
    UUID id = Ids.path(ctx, "id", ErrorMessage.NOT_FOUND_SPACE);
    JsonBody body = JsonBody.of(ctx);
    String name = body.optionalString("name", 1, 200);
    String description = body.optionalString("description", 0, 2000);
    if (name == null && description == null) {
      throw ApiException.invalid("name", ErrorMessage.SEND_NAME);
    }
    access.require(me, id, Access.MANAGE)
      .compose(a -> spaces.changes().apply(id, me.userId(), null, SpaceChanges.Archived.REFUSE, (tx, old) -> repo.update(tx, id, name, description)
        .map(space -> new SpaceChanges.Outcome<>(space, new SpaceChanges.Event("space.updated",
          new JsonObject().put("name", space.name()).put("description", space.description()))))))
      .onSuccess(applied -> ctx.json(applied.value().detailJson(Access.MANAGE).put("seq", applied.event().seq())))
      .onFailure(ctx::fail);
  }

  private void archive(RoutingContext ctx) {
    Principal me = Authentication.required(ctx);
    UUID id = Ids.path(ctx, "id", ErrorMessage.NOT_FOUND_SPACE);
    access.require(me, id, Access.MANAGE)
      .compose(a -> spaces.changes().apply(id, me.userId(), null, SpaceChanges.Archived.REFUSE, (tx, old) -> repo.archive(tx, id)
        .map(space -> new SpaceChanges.Outcome<>(space, new SpaceChanges.Event("space.archived",
          new JsonObject().put("archivedAt", space.archivedAt().toString()))))))
      .onSuccess(applied -> ctx.json(applied.value().detailJson(Access.MANAGE).put("seq", applied.event().seq())))
      .onFailure(ctx::fail);
  }

  private void members(RoutingContext ctx) {
    Principal me = Authentication.required(ctx);
    UUID id = Ids.path(ctx, "id", ErrorMessage.NOT_FOUND_SPACE);
    access.require(me, id, Access.READ)
      .compose(a -> repo.members(id))
      .onSuccess(members -> ctx.json(new JsonObject().put("members", SpaceRepository.toJson(members))))
      .onFailure(ctx::fail);
  }

  /** Adds an existing account by email or id, or changes the role of a current member. */
  private void addMember(RoutingContext ctx) {
    Principal me = Authentication.required(ctx);
    UUID id = Ids.path(ctx, "id", ErrorMessage.NOT_FOUND_SPACE);
    JsonBody body = JsonBody.of(ctx);
    Role role = body.enumValue("role", Role.class);
    UUID userId = body.optionalUuid("userId");
    String email = userId == null ? body.email("email") : null;
    access.require(me, id, Access.MANAGE)
      .compose(a -> userId != null ? Future.succeededFuture(userId) : repo.userIdByEmail(repo.pool(), email))
      .compose(target -> target == null
        ? Future.failedFuture(ApiException.invalid("email", ErrorMessage.NO_ACCOUNT_EMAIL))
        : spaces.setMember(me, id, target, role))
      .onSuccess(change -> {
        access.invalidate(UUID.fromString(change.member().getString("userId")));
        ctx.response().setStatusCode(change.created() ? 201 : 200);
        ctx.json(change.member().copy().put("id", change.member().getString("userId")));
      })
      .onFailure(ctx::fail);
  }

  /** Ends a membership: a lead may remove anyone, anyone may leave. The user's live connections lose it at once. */
  private void removeMember(RoutingContext ctx) {
    Principal me = Authentication.required(ctx);
    UUID id = Ids.path(ctx, "id", ErrorMessage.NOT_FOUND_SPACE);
    UUID target = ctx.pathParam("userId") != null ? Ids.path(ctx, "userId", ErrorMessage.NOT_FOUND_MEMBER) : JsonBody.of(ctx).uuid("userId");
    Access needed = target.equals(me.userId()) ? Access.NAMES : Access.MANAGE;
    access.require(me, id, needed)
      .compose(a -> spaces.removeMember(me, id, target))
      .onSuccess(v -> {
        access.invalidate(target);
        ctx.response().setStatusCode(204).end();
      })
      .onFailure(ctx::fail);
  }

  static void created(RoutingContext ctx, JsonObject body) {
    ctx.response().setStatusCode(201);
    ctx.json(body);
  }
}

package org.cadre.action;

import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlConnection;
import org.cadre.board.BoardStore;
import org.cadre.board.Field;
import org.cadre.http.JsonBody;
import org.cadre.http.BodyShape;
import org.cadre.history.ActionStatus;
import org.cadre.http.ApiException;
import org.cadre.http.ErrorMessage;
import org.cadre.realtime.Commands;
import org.cadre.realtime.Commands.Command;
import org.cadre.space.Access;
import org.cadre.space.SpaceRepository;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Action items: created from discussion, claimed live by any member (the first claim wins; the others are told
 * who won), assigned by a lead, moved with fractional ranks, and completed with an impact report.
 */
public final class ActionItems {

  private final ActionRepository repo;
  private final SpaceRepository spaces;
  private final BoardStore store;

  public ActionItems(ActionRepository repo, SpaceRepository spaces) {
    this.repo = repo;
    this.spaces = spaces;
    this.store = repo.store();
  }

  public void register(Commands commands) {
    commands
      .register("action.create", Access.WRITE, HttpMethod.POST, "/action-items", ActionRepository.ACTION.createShape().and("ownerId"), this::create)
      .register("action.update", Access.WRITE, HttpMethod.PATCH, "/action-items/:actionId", ActionRepository.ACTION.editShape(), this::update)
      .register("action.claim", Access.WRITE, HttpMethod.POST, "/action-items/:actionId/claim", BodyShape.of(), this::claim)
      .register("action.assign", Access.MANAGE, HttpMethod.POST, "/action-items/:actionId/assign", BodyShape.of("ownerId"), this::assign)
      .register("action.release", Access.WRITE, HttpMethod.POST, "/action-items/:actionId/release", BodyShape.of(), this::release)
      .register("action.move", Access.WRITE, HttpMethod.POST, "/action-items/:actionId/move", BodyShape.of("afterId"), this::move)
      .register("action.delete", Access.WRITE, HttpMethod.DELETE, "/action-items/:actionId", BodyShape.of(), this::delete);
  }

  /** An owner other than the creator is an assignment, which only a lead may make. */
  private Future<JsonObject> create(Command c) {
    var values = ActionRepository.ACTION.readNew(c.body());
    UUID owner = c.body().optionalUuid("ownerId");
    if (owner != null && !owner.equals(c.userId()) && !c.access().allows(Access.MANAGE)) {
      throw ApiException.forbidden(ErrorMessage.ASSIGN_LEAD_ONLY);
    }
    UUID meeting = c.body().optionalUuid("meetingId");
    UUID agendaItem = c.body().optionalUuid("agendaItemId");
    if (agendaItem != null && meeting == null) {
      throw ApiException.invalid("meetingId", ErrorMessage.ACTION_MEETING_NEEDED);
    }
    return store.change(c, "action.created", (tx, space) -> insert(tx, c, values, owner, meeting, agendaItem));
  }

  /**
   * An action item made from something said in a meeting (such as a protocol step's output), inside a change the
   * caller runs, so it lands in that change's transaction: {@code fields} are those of {@code action.create}.
   */
  public Future<JsonObject> createInChange(SqlConnection tx, Command c, JsonObject fields) {
    JsonBody body = new JsonBody(fields);
    return insert(tx, c, ActionRepository.ACTION.readNew(body), null, body.optionalUuid("meetingId"), body.optionalUuid("agendaItemId"));
  }

  private Future<JsonObject> insert(SqlConnection tx, Command c, Map<Field, Object> values, UUID owner, UUID meeting, UUID agendaItem) {
    return checkItemInMeeting(tx, agendaItem, meeting)
      .compose(v -> owner == null ? Future.succeededFuture() : store.requireMember(tx, c.spaceId(), owner, "ownerId"))
      .compose(v -> store.rankLast(tx, ActionRepository.ACTION, "space_id", c.spaceId()))
      .compose(rank -> {
        Map<String, Object> fixed = new HashMap<>();
        fixed.put("rank", rank);
        if (owner != null) {
          fixed.put("owner_id", owner);
          fixed.put("claimed_by_owner", owner.equals(c.userId()));
        }
        if ("done".equals(values.get(ActionRepository.ACTION.field("status")))) {
          fixed.put("completed_at", c.time());
        }
        return store.insert(tx, ActionRepository.ACTION, c, values, fixed);
      });
  }

  private Future<Void> checkItemInMeeting(SqlConnection tx, UUID agendaItem, UUID meeting) {
    if (agendaItem == null) {
      return Future.succeededFuture();
    }
    return repo.itemInMeeting(tx, agendaItem, meeting).compose(ok -> ok ? Future.succeededFuture()
      : Future.failedFuture(ApiException.invalid("agendaItemId", ErrorMessage.ACTION_ITEM_OF_MEETING)));
  }

  /** Marking an item done stamps its completion; moving it out of done clears it. */
  private Future<JsonObject> update(Command c) {
    UUID id = c.body().uuid("actionId");
    ActionStatus status = c.body().optionalEnum("status", ActionStatus.class);
    return store.change(c, "action.updated", (tx, space) -> lock(tx, c, id).compose(item -> {
      Map<String, Object> also = new HashMap<>();
      boolean wasDone = "done".equals(item.getString("status"));
      if (status == ActionStatus.DONE && !wasDone) {
        also.put("completed_at", c.time());
      } else if (status != null && status != ActionStatus.DONE && wasDone) {
        also.put("completed_at", null);
      }
      return store.edit(tx, ActionRepository.ACTION, c.spaceId(), id, "actionId", c.body(), also);
    }));
  }

  /** Claims run one at a time under the space lock: the first wins, later ones learn who owns the item. */
  private Future<JsonObject> claim(Command c) {
    UUID id = c.body().uuid("actionId");
    return store.change(c, "action.claimed", (tx, space) -> lock(tx, c, id).compose(item -> {
      String owner = item.getString("ownerId");
      if (owner != null) {
        return spaces.publicProfile(tx, UUID.fromString(owner)).compose(person -> Future.failedFuture(ApiException.conflict("already_claimed",
          "actionId", ErrorMessage.ALREADY_CLAIMED, person.getString("name")).with("owner", person)));
      }
      return store.update(tx, ActionRepository.ACTION, id, Map.of("owner_id", c.userId(), "claimed_by_owner", true));
    }));
  }

  private Future<JsonObject> assign(Command c) {
    UUID id = c.body().uuid("actionId");
    if (!c.body().has("ownerId")) {
      throw ApiException.invalid("ownerId", ErrorMessage.OWNER_REQUIRED);
    }
    UUID owner = c.body().optionalUuid("ownerId");
    return store.change(c, "action.assigned", (tx, space) -> lock(tx, c, id)
      .compose(item -> owner == null ? Future.succeededFuture() : store.requireMember(tx, c.spaceId(), owner, "ownerId"))
      .compose(v -> {
        Map<String, Object> columns = new HashMap<>();
        columns.put("owner_id", owner);
        columns.put("claimed_by_owner", owner != null && owner.equals(c.userId()));
        return store.update(tx, ActionRepository.ACTION, id, columns);
      }));
  }

  private Future<JsonObject> release(Command c) {
    UUID id = c.body().uuid("actionId");
    return store.change(c, "action.released", (tx, space) -> lock(tx, c, id).compose(item -> {
      if (!c.userId().toString().equals(item.getString("ownerId")) && !c.access().allows(Access.MANAGE)) {
        return Future.failedFuture(ApiException.forbidden(ErrorMessage.RELEASE_OWNER_ONLY));
      }
      Map<String, Object> columns = new HashMap<>();
      columns.put("owner_id", null);
      columns.put("claimed_by_owner", false);
      return store.update(tx, ActionRepository.ACTION, id, columns);
    }));
  }

  private Future<JsonObject> move(Command c) {
    UUID id = c.body().uuid("actionId");
    UUID after = c.body().optionalUuid("afterId");
    return store.change(c, "action.moved", (tx, space) -> lock(tx, c, id)
      .compose(item -> store.rankAfter(tx, ActionRepository.ACTION, "space_id", c.spaceId(), after, id, "afterId"))
      .compose(rank -> store.update(tx, ActionRepository.ACTION, id, Map.of("rank", rank))));
  }

  private Future<JsonObject> delete(Command c) {
    UUID id = c.body().uuid("actionId");
    return store.change(c, "action.deleted", (tx, space) -> lock(tx, c, id)
      .compose(item -> store.update(tx, ActionRepository.ACTION, id, Map.of("deleted_at", c.time())))
      .map(item -> new JsonObject().put("id", id.toString())));
  }

  private Future<JsonObject> lock(SqlConnection tx, Command c, UUID id) {
    return store.lock(tx, ActionRepository.ACTION, c.spaceId(), id, "actionId");
  }
}

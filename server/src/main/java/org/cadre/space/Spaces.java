package org.cadre.space;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlConnection;
import org.cadre.account.Principal;
import org.cadre.http.ApiException;
import org.cadre.http.JsonBody;
import org.cadre.realtime.EventLog;

import java.util.UUID;

/**
 * Changes to the space tree and its memberships, each one transaction with its events. Callers authorize first;
 * these methods only keep the tree consistent (kinds nest, archived spaces do not change, a space keeps a lead).
 */
public final class Spaces {

  /** The outcome of {@link #setMember}: the member, and whether the membership is new. */
  public record MemberChange(JsonObject member, boolean created) {
  }

  private final SpaceRepository repo;

  public Spaces(SpaceRepository repo) {
    this.repo = repo;
  }

  public SpaceRepository repository() {
    return repo;
  }

  /** Creates a space below {@code parentId} (null: a root network) with the actor as its lead. */
  public Future<Space> create(Principal actor, UUID parentId, Kind kind, String name, String description) {
    return repo.pool().withTransaction(tx -> {
      if (parentId == null) {
        if (kind != Kind.NETWORK) {
          return Future.failedFuture(ApiException.invalid("kind", "A space without a parent must be a network."));
        }
        return create(tx, null, kind, name, description, actor);
      }
      return repo.lockActive(tx, parentId).compose(parent -> {
        if (!parent.kind().mayContain(kind)) {
          return Future.failedFuture(ApiException.invalid("kind", "A " + JsonBody.wireName(parent.kind())
            + " can only hold kinds below it, not a " + JsonBody.wireName(kind) + "."));
        }
        return create(tx, parent, kind, name, description, actor);
      });
    });
  }

  private Future<Space> create(SqlConnection tx, Space parent, Kind kind, String name, String description, Principal actor) {
    return repo.create(tx, parent == null ? null : parent.id(), kind, name, description, actor.userId())
      .compose(space -> repo.addMember(tx, space.id(), actor.userId(), Role.LEAD)
        // The space's own log, read by people who may not see its parent: no parent id, nothing of its siblings.
        // Nor does the parent's log name it, since some of the parent's readers (partners) may not see children.
        .compose(v -> EventLog.append(tx, space.id(), "space.created", new JsonObject()
          .put("space", space.summaryJson(Access.NAMES).put("description", space.description()).put("parentId", null))
          .put("lead", new JsonObject().put("userId", actor.userId().toString()).put("name", actor.name())), actor.userId()))
        .compose(v -> EventLog.notifyAccessChanged(tx, actor.userId(), space.id()))
        .map(space));
  }

  /** Adds the user to the space with the role, or changes their role; the same role again changes nothing. */
  public Future<MemberChange> setMember(Principal actor, UUID spaceId, UUID userId, Role role) {
    return repo.pool().withTransaction(tx -> repo.lockActive(tx, spaceId)
      .compose(space -> repo.publicProfile(tx, userId))
      .compose(profile -> {
        if (profile == null) {
          return Future.failedFuture(ApiException.invalid("userId", "There is no account with this id."));
        }
        JsonObject member = profile.put("role", JsonBody.wireName(role));
        return repo.currentRole(tx, spaceId, userId).compose(current -> {
          if (current == role) {
            // Adding an imported person with the role they hold confirms their membership.
            return repo.confirmMember(tx, spaceId, userId).compose(confirmed -> !confirmed
              ? Future.succeededFuture(new MemberChange(member, false))
              : EventLog.append(tx, spaceId, "member.confirmed", member, actor.userId())
                .compose(v -> EventLog.notifyAccessChanged(tx, userId, spaceId))
                .map(new MemberChange(member, false)));
          }
          Future<Void> change = current == null ? repo.addMember(tx, spaceId, userId, role)
            : ensureAnotherLead(tx, spaceId, userId, current).compose(v -> repo.changeRole(tx, spaceId, userId, role));
          return change
            .compose(v -> EventLog.append(tx, spaceId, current == null ? "member.added" : "member.role-changed",
              member, actor.userId()))
            .compose(v -> EventLog.notifyAccessChanged(tx, userId, spaceId))
            .map(new MemberChange(member, current == null));
        });
      }));
  }

  /** Ends the user's membership of the space, archived or not. */
  public Future<Void> removeMember(Principal actor, UUID spaceId, UUID userId) {
    return repo.pool().withTransaction(tx -> repo.lock(tx, spaceId)
      .compose(space -> repo.currentRole(tx, spaceId, userId))
      .compose(current -> current == null
        ? Future.failedFuture(ApiException.notFound("That member"))
        : ensureAnotherLead(tx, spaceId, userId, current))
      .compose(v -> repo.endMembership(tx, spaceId, userId))
      .compose(v -> EventLog.append(tx, spaceId, "member.removed", new JsonObject().put("userId", userId.toString()), actor.userId()))
      .compose(v -> EventLog.notifyAccessChanged(tx, userId, spaceId)));
  }

  /** A space keeps at least one lead: the last one cannot leave or step down. */
  private Future<Void> ensureAnotherLead(SqlConnection tx, UUID spaceId, UUID userId, Role current) {
    if (current != Role.LEAD) {
      return Future.succeededFuture();
    }
    return repo.otherLeads(tx, spaceId, userId).compose(others -> others > 0 ? Future.succeededFuture()
      : Future.failedFuture(ApiException.conflict("last_lead", "A space needs at least one lead; appoint another lead first.", null)));
  }
}

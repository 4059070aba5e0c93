package org.cadre.space;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlConnection;
import org.cadre.account.Principal;
import org.cadre.http.ApiException;
import org.cadre.http.ErrorMessage;
import org.cadre.http.JsonBody;
import org.cadre.event.EventLog;

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
  private final SpaceChanges changes;

  public Spaces(SpaceRepository repo, SpaceChanges changes) {
    this.repo = repo;
    this.changes = changes;
  }

  public static Spaces of(SpaceChanges changes) {
    return new Spaces(changes.repository(), changes);
  }

  public SpaceRepository repository() {
    return repo;
  }

  public SpaceChanges changes() {
    return changes;
  }

  /** Creates a space below {@code parentId} (null: a root network) with the actor as its lead. */
  public Future<Space> create(Principal actor, UUID parentId, Kind kind, String name, String description) {
    return changes.create(tx -> {
      if (parentId == null) {
        if (kind != Kind.NETWORK) {
          return Future.failedFuture(ApiException.invalid("kind", ErrorMessage.ROOT_NETWORK));
        }
        return create(tx, null, kind, name, description, actor);
      }
      return repo.holdActive(tx, parentId).compose(parent -> {
        if (!parent.kind().mayContain(kind)) {
          return Future.failedFuture(ApiException.invalid("kind", ErrorMessage.KIND_BELOW,
            JsonBody.wireName(parent.kind()), JsonBody.wireName(kind)));
        }
        return create(tx, parent, kind, name, description, actor);
      });
    });
  }

  private Future<SpaceChanges.Applied<Space>> create(SqlConnection tx, Space parent, Kind kind, String name, String description,
                                                     Principal actor) {
    return repo.create(tx, parent == null ? null : parent.id(), kind, name, description, actor.userId())
      .compose(space -> repo.addMember(tx, space.id(), actor.userId(), Role.LEAD)
        // The space's own log, read by people who may not see its parent: no parent id, nothing of its siblings.
        // Nor does the parent's log name it, since some of the parent's readers (partners) may not see children.
        .compose(v -> EventLog.append(tx, space.id(), "space.created", new JsonObject()
          .put("space", space.summaryJson(Access.NAMES).put("description", space.description()).put("parentId", null))
          .put("lead", new JsonObject().put("userId", actor.userId().toString()).put("name", actor.name())), actor.userId()))
        .compose(event -> EventLog.notifyAccessChanged(tx, actor.userId(), space.id())
          .map(new SpaceChanges.Applied<>(space, event))));
  }

  /** Adds the user to the space with the role, or changes their role; the same role again changes nothing. */
  public Future<MemberChange> setMember(Principal actor, UUID spaceId, UUID userId, Role role) {
    return changes.apply(spaceId, actor.userId(), null, SpaceChanges.Archived.REFUSE, (tx, space) -> repo.publicProfile(tx, userId)
      .compose(profile -> {
        if (profile == null) {
          return Future.failedFuture(ApiException.invalid("userId", ErrorMessage.NO_ACCOUNT_ID));
        }
        JsonObject member = profile.put("role", JsonBody.wireName(role));
        return repo.currentRole(tx, spaceId, userId).compose(current -> {
          if (current == role) {
            // Adding an imported person with the role they hold confirms their membership.
            return repo.confirmMember(tx, spaceId, userId).compose(confirmed -> !confirmed
              ? Future.succeededFuture(SpaceChanges.Outcome.unchanged(new MemberChange(member, false)))
              : EventLog.notifyAccessChanged(tx, userId, spaceId)
                .map(new SpaceChanges.Outcome<>(new MemberChange(member, false), new SpaceChanges.Event("member.confirmed", member))));
          }
          Future<Void> change = current == null ? repo.addMember(tx, spaceId, userId, role)
            : ensureAnotherLead(tx, spaceId, userId, current)
              .compose(v -> repo.changeRole(tx, spaceId, userId, role))
              .compose(v -> revokeInvitationsOfFormerLead(tx, actor, spaceId, userId, current));
          return change
            .compose(v -> EventLog.notifyAccessChanged(tx, userId, spaceId))
            .map(new SpaceChanges.Outcome<>(new MemberChange(member, current == null),
              new SpaceChanges.Event(current == null ? "member.added" : "member.role-changed", member)));
        });
      }))
      .map(SpaceChanges.Applied::value);
  }

  /**
   * A user who has just proved their email (signing in through an identity provider) claims the memberships an
   * import gave that email: each is confirmed as a lead would, one {@code member.confirmed} event per space. An
   * archived space keeps its membership waiting.
   */
  public Future<Void> claimImportedMemberships(Principal user) {
    return repo.unconfirmedSpaces(user.userId()).compose(spaceIds -> {
      Future<Void> chain = Future.succeededFuture();
      for (UUID spaceId : spaceIds) {
        chain = chain.compose(v -> changes.apply(spaceId, user.userId(), null, SpaceChanges.Archived.REFUSE,
            (tx, space) -> repo.currentRole(tx, spaceId, user.userId())
              .compose(role -> repo.publicProfile(tx, user.userId()).map(profile -> profile.put("role", JsonBody.wireName(role))))
              .compose(member -> repo.confirmMember(tx, spaceId, user.userId()).compose(confirmed -> !confirmed
                ? Future.succeededFuture(SpaceChanges.Outcome.<Void>unchanged(null))
                : EventLog.notifyAccessChanged(tx, user.userId(), spaceId)
                  .map(new SpaceChanges.Outcome<Void>(null, new SpaceChanges.Event("member.confirmed", member))))))
          .<Void>mapEmpty()
          .recover(err -> err instanceof ApiException ? Future.succeededFuture() : Future.failedFuture(err)));
      }
      return chain;
    });
  }

  /** Ends the user's membership of the space, archived or not. */
  public Future<Void> removeMember(Principal actor, UUID spaceId, UUID userId) {
    return changes.apply(spaceId, actor.userId(), null, SpaceChanges.Archived.ALLOW, (tx, space) -> repo.currentRole(tx, spaceId, userId)
      .compose(current -> current == null
        ? Future.failedFuture(ApiException.notFound(ErrorMessage.NOT_FOUND_MEMBER))
        : ensureAnotherLead(tx, spaceId, userId, current)
          .compose(v -> revokeInvitationsOfFormerLead(tx, actor, spaceId, userId, current)))
      .compose(v -> repo.endMembership(tx, spaceId, userId))
      .compose(v -> EventLog.notifyAccessChanged(tx, userId, spaceId))
      .map(v -> new SpaceChanges.Outcome<Void>(null,
        new SpaceChanges.Event("member.removed", new JsonObject().put("userId", userId.toString()))))).mapEmpty();
  }

  /**
   * A lead who leaves or steps down no longer lets anyone in: the invitations they made that could still be used
   * are revoked, each with its own {@code invitation.revoked} event, as if withdrawn by hand.
   */
  private Future<Void> revokeInvitationsOfFormerLead(SqlConnection tx, Principal actor, UUID spaceId, UUID userId, Role former) {
    if (former != Role.LEAD) {
      return Future.succeededFuture();
    }
    return repo.revokeInvitationsBy(tx, spaceId, userId).compose(revoked -> {
      Future<Void> all = Future.succeededFuture();
      for (SpaceRepository.Invitation invitation : revoked) {
        all = all.compose(v -> EventLog.append(tx, spaceId, "invitation.revoked", invitation.toJson(), actor.userId()).mapEmpty());
      }
      return all;
    });
  }

  /** A space keeps at least one lead: the last one cannot leave or step down. */
  private Future<Void> ensureAnotherLead(SqlConnection tx, UUID spaceId, UUID userId, Role current) {
    if (current != Role.LEAD) {
      return Future.succeededFuture();
    }
    return repo.otherLeads(tx, spaceId, userId).compose(others -> others > 0 ? Future.succeededFuture()
      : Future.failedFuture(ApiException.conflict("last_lead", null, ErrorMessage.LAST_LEAD)));
  }
}

package org.cadre.space;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.cadre.account.Authentication;
import org.cadre.account.Principal;
import org.cadre.account.Tokens;
import org.cadre.http.BodyShape;
import org.cadre.http.ApiException;
import org.cadre.http.ErrorMessage;
import org.cadre.http.Ids;
import org.cadre.http.JsonBody;
import org.cadre.http.Language;
import org.cadre.event.EventLog;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;

/** Invitations into a space: a secret link that admits up to {@code maxUses} people until it expires. */
public final class InvitationRoutes {

  static final Duration DEFAULT_LIFETIME = Duration.ofDays(14);
  static final Duration MAX_LIFETIME = Duration.ofDays(365);

  private final SpaceRepository repo;
  private final SpaceChanges changes;
  private final SpaceAccess access;
  private final InvitationMail mail;

  public InvitationRoutes(SpaceRepository repo, SpaceChanges changes, SpaceAccess access, InvitationMail mail) {
    this.repo = repo;
    this.changes = changes;
    this.access = access;
    this.mail = mail;
  }

  public void mount(Router router) {
    router.get("/api/spaces/:id/invitations").handler(this::list);
    router.post("/api/spaces/:id/invitations").handler(BodyShape.of("role", "expiresAt", "maxUses", "email").checker()).handler(this::create);
    router.delete("/api/spaces/:id/invitations/:invitationId").handler(this::revoke);
    router.post("/api/invitations/:token/accept").handler(BodyShape.of().checker()).handler(this::accept);
  }

  private void create(RoutingContext ctx) {
    Principal me = Authentication.required(ctx);
    UUID id = Ids.path(ctx, "id", ErrorMessage.NOT_FOUND_SPACE);
    JsonBody body = JsonBody.of(ctx);
    Role role = body.enumValue("role", Role.class);
    Instant now = Instant.now();
    Instant expiresAt = body.optionalInstant("expiresAt");
    if (expiresAt == null) {
      expiresAt = now.plus(DEFAULT_LIFETIME);
    } else if (!expiresAt.isAfter(now)) {
      throw ApiException.invalid("expiresAt", ErrorMessage.FIELD_FUTURE, "expiresAt");
    } else if (expiresAt.isAfter(now.plus(MAX_LIFETIME))) {
      throw ApiException.invalid("expiresAt", ErrorMessage.FIELD_WITHIN_DAYS, "expiresAt", MAX_LIFETIME.toDays());
    }
    Integer maxUsesField = body.optionalInt("maxUses", 1, 1000);
    int maxUses = maxUsesField == null ? 1 : maxUsesField;
    String email = body.optionalEmail("email");
    if (email != null && !mail.enabled()) {
      throw ApiException.conflict("mail_off", "email", ErrorMessage.MAIL_OFF);
    }
    Instant expires = expiresAt;
    String token = Tokens.generate("inv_");
    Language language = Language.of(ctx);
    access.require(me, id, Access.MANAGE)
      .compose(a -> changes.change(id, me.userId(), null, "invitation.created",
        (tx, space) -> repo.createInvitation(tx, id, Tokens.digest(token), role, expires, maxUses, me.userId())
          .compose(invitationId -> (email == null ? Future.<Void>succeededFuture()
              : mail.queue(tx, invitationId, new InvitationMail.Invited(email, me.name(), space.name(),
                ZoneId.of(space.timeZone()), role, expires, token, language)))
            .map(v -> new JsonObject()
              .put("id", invitationId.toString())
              .put("role", JsonBody.wireName(role))
              .put("expiresAt", expires.toString())
              .put("maxUses", maxUses)
              .put("emailed", email != null)))))
      .onSuccess(event -> {
        if (email != null) {
          mail.flush();
        }
        SpaceRoutes.created(ctx, event.payload().copy().put("spaceId", id.toString()).put("token", token));
      })
      .onFailure(ctx::fail);
  }

  private void list(RoutingContext ctx) {
    Principal me = Authentication.required(ctx);
    UUID id = Ids.path(ctx, "id", ErrorMessage.NOT_FOUND_SPACE);
    access.require(me, id, Access.MANAGE)
      .compose(a -> repo.openInvitations(id))
      .onSuccess(invitations -> {
        JsonArray out = new JsonArray();
        invitations.forEach(i -> out.add(i.toJson()));
        ctx.json(new JsonObject().put("invitations", out));
      })
      .onFailure(ctx::fail);
  }

  /** Revoked invitations admit nobody more; those who joined through them stay. */
  private void revoke(RoutingContext ctx) {
    Principal me = Authentication.required(ctx);
    UUID id = Ids.path(ctx, "id", ErrorMessage.NOT_FOUND_SPACE);
    UUID invitationId = Ids.path(ctx, "invitationId", ErrorMessage.NOT_FOUND_INVITATION);
    access.require(me, id, Access.MANAGE)
      .compose(a -> changes.change(id, me.userId(), null, "invitation.revoked", (tx, space) -> repo.revokeInvitation(tx, id, invitationId)
        .compose(revoked -> revoked == null ? Future.failedFuture(ApiException.notFound(ErrorMessage.NOT_FOUND_INVITATION))
          : Future.succeededFuture(revoked.toJson()))))
      .onSuccess(v -> ctx.response().setStatusCode(204).end())
      .onFailure(ctx::fail);
  }

  /** Joins the caller to the invitation's space. Someone already a member keeps their role and uses nothing up. */
  private void accept(RoutingContext ctx) {
    Principal me = Authentication.required(ctx);
    Buffer digest = Tokens.digest(ctx.pathParam("token"));
    // The space is locked before the invitation row, in the same order as a withdrawal locks them.
    repo.invitation(repo.pool(), digest, false)
      .compose(found -> found == null ? Future.failedFuture(ApiException.notFound(ErrorMessage.NOT_FOUND_INVITATION))
        : changes.apply(found.spaceId(), me.userId(), null, SpaceChanges.Archived.REFUSE, (tx, space) -> repo.invitation(tx, digest, true)
          .compose(invitation -> join(tx, me, invitation))))
      .map(SpaceChanges.Applied::value)
      .onSuccess(result -> {
        access.invalidate(me.userId());
        ctx.json(result);
      })
      .onFailure(ctx::fail);
  }

  private Future<SpaceChanges.Outcome<JsonObject>> join(SqlConnection tx, Principal me, SpaceRepository.Invitation invitation) {
    if (invitation.revokedAt() != null) {
      return Future.failedFuture(ApiException.conflict("invitation_revoked", null, ErrorMessage.INVITATION_REVOKED));
    }
    if (!invitation.expiresAt().isAfter(Instant.now())) {
      return Future.failedFuture(ApiException.conflict("invitation_expired", null, ErrorMessage.INVITATION_EXPIRED));
    }
    return repo.currentRole(tx, invitation.spaceId(), me.userId()).compose(current -> {
      if (current != null) {
        return Future.succeededFuture(SpaceChanges.Outcome.unchanged(new JsonObject().put("spaceId", invitation.spaceId().toString())
          .put("role", JsonBody.wireName(current)).put("joined", false)));
      }
      if (invitation.uses() >= invitation.maxUses()) {
        return Future.failedFuture(ApiException.conflict("invitation_used_up", null, ErrorMessage.INVITATION_USED_UP));
      }
      JsonObject member = new JsonObject().put("userId", me.userId().toString()).put("name", me.name())
        .put("role", JsonBody.wireName(invitation.role())).put("invitationId", invitation.id().toString());
      return repo.useInvitation(tx, invitation.id())
        .compose(v -> repo.addMember(tx, invitation.spaceId(), me.userId(), invitation.role()))
        .compose(v -> EventLog.notifyAccessChanged(tx, me.userId(), invitation.spaceId()))
        .map(new SpaceChanges.Outcome<>(new JsonObject().put("spaceId", invitation.spaceId().toString())
          .put("role", JsonBody.wireName(invitation.role())).put("joined", true), new SpaceChanges.Event("member.added", member)));
    });
  }
}

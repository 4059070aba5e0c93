package org.cadre.notify;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.cadre.account.Authentication;
import org.cadre.account.Principal;
import org.cadre.http.ApiException;
import org.cadre.http.BodyShape;
import org.cadre.http.ErrorMessage;
import org.cadre.http.JsonBody;

/**
 * {@code GET /api/mail} (whether this server sends email, for everyone), the caller's settings at
 * {@code /api/me/notifications}, and {@code POST /api/mail/unsubscribe}, which needs no session: the signed token is
 * the proof.
 */
public final class NotifyRoutes {

  private final Mailer mailer;
  private final NotifyRepository repo;

  public NotifyRoutes(Mailer mailer) {
    this.mailer = mailer;
    this.repo = mailer.repository();
  }

  public void mount(Router router) {
    router.get("/api/mail").handler(ctx -> ctx.json(new JsonObject().put("enabled", mailer.enabled())));
    router.get("/api/me/notifications").handler(this::settings);
    router.patch("/api/me/notifications").handler(BodyShape.of("meetings", "actions", "digest").checker()).handler(this::update);
    router.post("/api/mail/unsubscribe").handler(BodyShape.of("token").checker()).handler(this::unsubscribe);
  }

  private void settings(RoutingContext ctx) {
    Principal me = Authentication.required(ctx);
    repo.settings(me.userId()).onSuccess(s -> ctx.json(answer(s))).onFailure(ctx::fail);
  }

  /** Changes the kinds sent; answers the settings as GET does. */
  private void update(RoutingContext ctx) {
    Principal me = Authentication.required(ctx);
    JsonBody body = JsonBody.of(ctx);
    Boolean meetings = body.optionalBoolean("meetings");
    Boolean actions = body.optionalBoolean("actions");
    Boolean digest = body.optionalBoolean("digest");
    if (meetings == null && actions == null && digest == null) {
      throw ApiException.invalid(null, ErrorMessage.SEND_ONE_OF, "meetings, actions, digest");
    }
    repo.settings(me.userId())
      .map(s -> new Settings(meetings == null ? s.meetings() : meetings, actions == null ? s.actions() : actions,
        digest == null ? s.digest() : digest))
      .compose(s -> repo.saveSettings(me.userId(), s).map(s))
      .onSuccess(s -> ctx.json(answer(s)))
      .onFailure(ctx::fail);
  }

  private JsonObject answer(Settings s) {
    return new JsonObject().put("enabled", mailer.enabled()).put("settings", s.toJson());
  }

  private void unsubscribe(RoutingContext ctx) {
    String token = JsonBody.of(ctx).string("token", 1, 200);
    mailer.unsubscribeLinks().verify(token)
      .compose(found -> found == null
        ? Future.failedFuture(ApiException.invalid("token", ErrorMessage.UNSUBSCRIBE_INVALID))
        : repo.unsubscribe(found.userId(), found.category()).compose(known -> known
          ? Future.succeededFuture(found)
          : Future.failedFuture(ApiException.invalid("token", ErrorMessage.UNSUBSCRIBE_INVALID))))
      .onSuccess(found -> ctx.json(new JsonObject().put("category", found.category().column())))
      .onFailure(ctx::fail);
  }
}

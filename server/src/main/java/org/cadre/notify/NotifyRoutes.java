package org.cadre.notify;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import org.cadre.account.Authentication;
import org.cadre.account.Principal;
import org.cadre.http.ApiErrors;
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

  private static final String ONE_CLICK = "One-Click";
  private static final long ONE_CLICK_LIMIT = 1024;

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
    // RFC 8058: a mail app's unsubscribe button POSTs "List-Unsubscribe=One-Click" to the List-Unsubscribe link.
    router.post("/unsubscribe").handler(BodyHandler.create(false).setBodyLimit(ONE_CLICK_LIMIT)).handler(this::oneClick)
      .failureHandler(ApiErrors::handle);
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
    unsubscribe(JsonBody.of(ctx).string("token", 1, 200))
      .onSuccess(category -> ctx.json(new JsonObject().put("category", category)))
      .onFailure(ctx::fail);
  }

  private void oneClick(RoutingContext ctx) {
    String token = ctx.request().getParam("token");
    if (!ONE_CLICK.equals(ctx.request().getFormAttribute("List-Unsubscribe"))) {
      throw ApiException.invalid("List-Unsubscribe", ErrorMessage.FIELD_MUST_BE, "List-Unsubscribe", ONE_CLICK,
        String.valueOf(ctx.request().getFormAttribute("List-Unsubscribe")));
    }
    (token == null || token.length() > 200
      ? Future.<String>failedFuture(ApiException.invalid("token", ErrorMessage.UNSUBSCRIBE_INVALID)) : unsubscribe(token))
      .onSuccess(category -> ctx.json(new JsonObject().put("category", category)))
      .onFailure(ctx::fail);
  }

  /** Turns off the kind of email a signed token names; answers that kind. */
  private Future<String> unsubscribe(String token) {
    return mailer.unsubscribeLinks().verify(token)
      .compose(found -> found == null
        ? Future.failedFuture(ApiException.invalid("token", ErrorMessage.UNSUBSCRIBE_INVALID))
        : repo.unsubscribe(found.userId(), found.category()).compose(known -> known
          ? Future.succeededFuture(found.category().column())
          : Future.failedFuture(ApiException.invalid("token", ErrorMessage.UNSUBSCRIBE_INVALID))));
  }
}

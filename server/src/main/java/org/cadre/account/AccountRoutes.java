package org.cadre.account;

import io.vertx.core.http.Cookie;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.cadre.http.TrustedProxies;
import org.cadre.http.BodyShape;
import org.cadre.http.ApiException;
import org.cadre.http.ErrorMessage;
import org.cadre.http.Ids;
import org.cadre.http.JsonBody;
import org.cadre.http.Language;

import java.time.Instant;

/** {@code /api/auth/*} and {@code /api/me*}. */
public final class AccountRoutes {

  private final Accounts accounts;
  private final AccountRepository repo;
  private final ResetMail resetMail;

  public AccountRoutes(Accounts accounts, ResetMail resetMail) {
    this.accounts = accounts;
    this.repo = accounts.repository();
    this.resetMail = resetMail;
  }

  public void mount(Router router) {
    router.post("/api/auth/register").handler(BodyShape.of("email", "password", "name", "organization").checker()).handler(this::register);
    router.post("/api/auth/login").handler(BodyShape.of("email", "password").checker()).handler(this::login);
    router.post("/api/auth/password-reset").handler(BodyShape.of("email").checker()).handler(this::requestReset);
    router.post("/api/auth/password-reset/confirm").handler(BodyShape.of("token", "newPassword").checker()).handler(this::reset);
    router.post("/api/auth/logout").handler(BodyShape.of().checker()).handler(this::logout);
    router.get("/api/me").handler(this::me);
    router.patch("/api/me").handler(BodyShape.of("language").checker()).handler(this::updateMe);
    router.post("/api/me/password").handler(BodyShape.of("currentPassword", "newPassword").checker()).handler(this::changePassword);
    router.get("/api/me/tokens").handler(this::listTokens);
    router.post("/api/me/tokens").handler(BodyShape.of("name", "expiresAt").checker()).handler(this::createToken);
    router.delete("/api/me/tokens/:tokenId").handler(this::deleteToken);
    router.post("/api/me/sessions/revoke-all").handler(BodyShape.of("tokens").checker()).handler(this::revokeAll);
  }

  private void register(RoutingContext ctx) {
    JsonBody body = JsonBody.of(ctx);
    String email = body.email("email");
    String password = body.password("password", 10, 200);
    String name = body.string("name", 1, 100);
    String organization = body.optionalString("organization", 1, Accounts.MAX_ORGANIZATION);
    accounts.registerAndLogIn(email, password, name, organization)
      .onSuccess(session -> {
        ctx.response().addCookie(Authentication.sessionCookie(ctx, session.token(), Accounts.SESSION_LIFETIME.toSeconds()));
        ctx.response().setStatusCode(201);
        ctx.json(session.principal().toJson());
      })
      .onFailure(ctx::fail);
  }

  private void login(RoutingContext ctx) {
    JsonBody body = JsonBody.of(ctx);
    String email = body.email("email");
    String password = body.password("password", 1, 200);
    accounts.login(email, password, TrustedProxies.client(ctx))
      .compose(principal -> accounts.openSession(principal).map(token -> {
        ctx.response().addCookie(Authentication.sessionCookie(ctx, token, Accounts.SESSION_LIFETIME.toSeconds()));
        return principal;
      }))
      .onSuccess(principal -> ctx.json(principal.toJson()))
      .onFailure(ctx::fail);
  }

  /** Always 202 whether or not the email has an account; 409 {@code mail_off} when this server sends no email. */
  private void requestReset(RoutingContext ctx) {
    String email = JsonBody.of(ctx).email("email");
    if (!resetMail.enabled()) {
      throw ApiException.conflict("mail_off", null, ErrorMessage.MAIL_OFF);
    }
    accounts.requestReset(email, TrustedProxies.client(ctx), Language.of(ctx), resetMail)
      .onSuccess(v -> ctx.response().setStatusCode(202).end())
      .onFailure(ctx::fail);
  }

  private void reset(RoutingContext ctx) {
    JsonBody body = JsonBody.of(ctx);
    String token = body.string("token", 1, 200);
    String password = body.password("newPassword", 10, 200);
    accounts.resetPassword(token, password)
      .onSuccess(v -> ctx.response().setStatusCode(204).end())
      .onFailure(ctx::fail);
  }

  private void logout(RoutingContext ctx) {
    Cookie cookie = ctx.request().getCookie(Authentication.SESSION_COOKIE);
    ctx.response().addCookie(Authentication.sessionCookie(ctx, "", 0));
    if (cookie == null) {
      ctx.response().setStatusCode(204).end();
      return;
    }
    repo.deleteSession(Tokens.digest(cookie.getValue()))
      .onSuccess(v -> ctx.response().setStatusCode(204).end())
      .onFailure(ctx::fail);
  }

  private void me(RoutingContext ctx) {
    Principal principal = Authentication.required(ctx);
    repo.profile(principal.userId()).onSuccess(ctx::json).onFailure(ctx::fail);
  }

  /** The caller's preferences; {@code language} null clears the choice. Answers the profile as GET does. */
  private void updateMe(RoutingContext ctx) {
    Principal principal = Authentication.required(ctx);
    JsonBody body = JsonBody.of(ctx);
    if (!body.has("language")) {
      throw ApiException.invalid("language", ErrorMessage.FIELD_REQUIRED_ONE_OF, "language", "en, es, null");
    }
    Language language = body.optionalEnum("language", Language.class);
    repo.setLanguage(principal.userId(), language)
      .compose(v -> repo.profile(principal.userId()))
      .onSuccess(ctx::json)
      .onFailure(ctx::fail);
  }

  private void changePassword(RoutingContext ctx) {
    Principal principal = Authentication.required(ctx);
    JsonBody body = JsonBody.of(ctx);
    String current = body.password("currentPassword", 1, 200);
    String next = body.password("newPassword", 10, 200);
    accounts.changePassword(principal, current, next, TrustedProxies.client(ctx), Authentication.credential(ctx))
      .onSuccess(v -> ctx.response().setStatusCode(204).end())
      .onFailure(ctx::fail);
  }

  private void listTokens(RoutingContext ctx) {
    Principal principal = Authentication.required(ctx);
    repo.listTokens(principal.userId())
      .onSuccess(tokens -> ctx.json(new JsonObject().put("tokens", tokens)))
      .onFailure(ctx::fail);
  }

  private void createToken(RoutingContext ctx) {
    Principal principal = Authentication.required(ctx);
    JsonBody body = JsonBody.optional(ctx);
    String name = body.optionalString("name", 1, 100);
    Instant expiresAt = body.optionalInstant("expiresAt");
    Instant now = Instant.now();
    if (expiresAt != null && !expiresAt.isAfter(now)) {
      throw ApiException.invalid("expiresAt", ErrorMessage.FIELD_FUTURE, "expiresAt");
    }
    if (expiresAt != null && expiresAt.isAfter(now.plus(Accounts.MAX_TOKEN_LIFETIME))) {
      throw ApiException.invalid("expiresAt", ErrorMessage.FIELD_WITHIN_DAYS, "expiresAt", Accounts.MAX_TOKEN_LIFETIME.toDays());
    }
    String token = Tokens.generate("cadre_pat_");
    repo.createToken(principal.userId(), name == null ? "API token" : name, Tokens.digest(token), expiresAt)
      .onSuccess(id -> {
        ctx.response().setStatusCode(201);
        ctx.json(new JsonObject().put("id", id.toString()).put("token", token).put("name", name == null ? "API token" : name)
          .put("expiresAt", expiresAt == null ? null : expiresAt.toString()));
      })
      .onFailure(ctx::fail);
  }

  /** Signs out everywhere, this browser included; {@code tokens: true} ends the API tokens too. */
  private void revokeAll(RoutingContext ctx) {
    Principal principal = Authentication.required(ctx);
    Boolean tokens = JsonBody.optional(ctx).optionalBoolean("tokens");
    repo.revokeAll(principal.userId(), Boolean.TRUE.equals(tokens))
      .onSuccess(ended -> {
        ctx.response().addCookie(Authentication.sessionCookie(ctx, "", 0));
        ctx.json(new JsonObject().put("ended", ended));
      })
      .onFailure(ctx::fail);
  }

  private void deleteToken(RoutingContext ctx) {
    Principal principal = Authentication.required(ctx);
    repo.deleteToken(principal.userId(), Ids.path(ctx, "tokenId", ErrorMessage.NOT_FOUND_TOKEN))
      .onSuccess(deleted -> {
        if (deleted) {
          ctx.response().setStatusCode(204).end();
        } else {
          ctx.fail(ApiException.notFound(ErrorMessage.NOT_FOUND_TOKEN));
        }
      })
      .onFailure(ctx::fail);
  }
}

package org.cadre.account;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import org.cadre.http.ApiException;
import org.cadre.http.ErrorMessage;

/**
 * Resolves the caller from an {@code Authorization: Bearer} API token or the session cookie and leaves it on the
 * routing context (also for the event-bus bridge, whose sockets keep the context of their opening request).
 * A wrong bearer token is refused; a stale cookie is treated as no cookie.
 */
public final class Authentication implements Handler<RoutingContext> {

  public static final String SESSION_COOKIE = "cadre_session";
  private static final String PRINCIPAL = "cadre.principal";
  private static final String CREDENTIAL = "cadre.credential";

  private final AccountRepository repo;

  public Authentication(AccountRepository repo) {
    this.repo = repo;
  }

  @Override
  public void handle(RoutingContext ctx) {
    // Hold the request while the database answers, or a WebSocket upgrade would find it already read.
    boolean paused = !ctx.request().isEnded();
    if (paused) {
      ctx.request().pause();
    }
    resolve(ctx)
      .onComplete(ar -> {
        if (paused) {
          ctx.request().resume();
        }
      })
      .onSuccess(principal -> {
        if (principal != null) {
          ctx.put(PRINCIPAL, principal);
        }
        ctx.next();
      })
      .onFailure(ctx::fail);
  }

  private Future<Principal> resolve(RoutingContext ctx) {
    HttpServerRequest request = ctx.request();
    String header = request.getHeader("Authorization");
    if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      Buffer digest = Tokens.digest(header.substring(7).strip());
      ctx.put(CREDENTIAL, Tokens.hex(digest));
      return repo.tokenPrincipal(digest)
        .compose(p -> p != null ? Future.succeededFuture(p)
          : Future.failedFuture(new ApiException(401, "invalid_token", null, ErrorMessage.INVALID_TOKEN)));
    }
    Cookie cookie = request.getCookie(SESSION_COOKIE);
    if (cookie == null || cookie.getValue().isEmpty()) {
      return Future.succeededFuture();
    }
    Buffer digest = Tokens.digest(cookie.getValue());
    ctx.put(CREDENTIAL, Tokens.hex(digest));
    return repo.sessionPrincipal(digest);
  }

  /** The hex digest of the session or token the request came with, as {@link AccountRepository#CREDENTIALS_CHANNEL} names it. */
  public static String credential(RoutingContext ctx) {
    return ctx.get(CREDENTIAL);
  }


  /** The caller, or null when anonymous. */
  public static Principal current(RoutingContext ctx) {
    return ctx.get(PRINCIPAL);
  }

  /** The caller; anonymous requests fail with 401. */
  public static Principal required(RoutingContext ctx) {
    Principal principal = current(ctx);
    if (principal == null) {
      throw ApiException.unauthenticated();
    }
    return principal;
  }

  /** A route handler that lets only authenticated requests through. */
  public static void requireAuthenticated(RoutingContext ctx) {
    required(ctx);
    ctx.next();
  }

  public static Cookie sessionCookie(RoutingContext ctx, String token, long maxAgeSeconds) {
    return Cookie.cookie(SESSION_COOKIE, token)
      .setPath("/")
      .setHttpOnly(true)
      .setSameSite(CookieSameSite.LAX)
      .setSecure(behindTls(ctx))
      .setMaxAge(maxAgeSeconds);
  }

  /** Secure cookies only over TLS, directly or through a proxy that terminates it. */
  private static boolean behindTls(RoutingContext ctx) {
    return ctx.request().isSSL() || "https".equalsIgnoreCase(ctx.request().getHeader("X-Forwarded-Proto"));
  }
}

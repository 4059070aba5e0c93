package org.cadre.account;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.HostAndPort;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.cadre.http.ApiException;
import org.cadre.http.ErrorMessage;

import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * {@code GET /api/auth/providers} and the two legs of an OIDC sign-in: {@code /start} sends the browser to the
 * provider, {@code /callback} signs it in and sends it on to {@code next}, or to the sign-in page with {@code ?error=}.
 */
public final class OidcRoutes {

  /** A same-site path: one leading slash (not "//host"), no backslash or scheme. */
  private static final Pattern LOCAL_PATH = Pattern.compile("/(?![/\\\\])[^\\\\\\s]*");

  private final OidcSignIn signIn;
  private final List<OidcProvider> order;
  private final String publicUrl;
  /** What a proved email gives beyond the session: the imported memberships it claims (wired in by the server). */
  private final Function<Principal, Future<Void>> proved;

  public OidcRoutes(OidcSignIn signIn, List<OidcProvider> order, String publicUrl, Function<Principal, Future<Void>> proved) {
    this.signIn = signIn;
    this.order = order;
    this.publicUrl = publicUrl;
    this.proved = proved;
  }

  public void mount(Router router) {
    router.get("/api/auth/providers").handler(ctx -> ctx.json(new JsonObject().put("providers", signIn.list(order))));
    router.get("/api/auth/oidc/:provider/start").handler(this::start);
    router.get("/api/auth/oidc/:provider/callback").handler(this::callback);
  }

  private void start(RoutingContext ctx) {
    String provider = provider(ctx);
    String next = ctx.request().getParam("next");
    signIn.start(provider, next != null && LOCAL_PATH.matcher(next).matches() ? next : "/", redirectUri(ctx, provider))
      .onSuccess(url -> redirect(ctx, url))
      .onFailure(ctx::fail);
  }

  private void callback(RoutingContext ctx) {
    String provider = provider(ctx);
    String state = ctx.request().getParam("state");
    String code = ctx.request().getParam("code");
    if (state == null || code == null) {
      // The provider answers an error (the user cancelled, say) without a code.
      redirect(ctx, "/sign-in?error=oidc_failed");
      return;
    }
    signIn.callback(provider, state, code, redirectUri(ctx, provider))
      .compose(result -> proved.apply(result.session().principal()).map(result))
      .onSuccess(result -> {
        ctx.response().addCookie(Authentication.sessionCookie(ctx, result.session().token(), Accounts.SESSION_LIFETIME.toSeconds()));
        redirect(ctx, result.next());
      })
      .onFailure(err -> {
        if (err instanceof OidcSignIn.Refusal refusal) {
          redirect(ctx, "/sign-in?error=" + refusal.code());
        } else {
          ctx.fail(err);
        }
      });
  }

  private String provider(RoutingContext ctx) {
    String id = ctx.pathParam("provider");
    if (!signIn.has(id)) {
      throw ApiException.notFound(ErrorMessage.NOT_FOUND_PROVIDER);
    }
    return id;
  }

  /** What must be registered at the provider: {@code {public URL}/api/auth/oidc/{id}/callback}. */
  private String redirectUri(RoutingContext ctx, String provider) {
    HostAndPort host = ctx.request().authority();
    String base = publicUrl != null ? publicUrl
      : ctx.request().scheme() + "://" + host.host() + (host.port() >= 0 ? ":" + host.port() : "");
    return base + "/api/auth/oidc/" + provider + "/callback";
  }

  private static void redirect(RoutingContext ctx, String location) {
    ctx.response().setStatusCode(302).putHeader("Location", location).putHeader("Cache-Control", "no-store").end();
  }
}

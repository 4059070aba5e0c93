package org.cadre.ops;

import io.vertx.core.Handler;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.cadre.account.Authentication;
import org.cadre.account.Principal;
import org.cadre.http.TrustedProxies;

import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * One JSON object per HTTP request on the {@code org.cadre.access} logger, written when the response ends: method,
 * path, status, duration, bytes sent, client address and the signed-in user. Never the query string, headers or
 * cookies; the paths whose segments are credentials (invitation tokens, calendar-feed secrets, the client's
 * {@code /join/} page) have those segments masked. Health probes and metric scrapes that succeed are left out: they
 * come every few seconds and say nothing; one that fails is logged like any request.
 */
public final class AccessLog implements Handler<RoutingContext> {

  static final Logger LOG = Logger.getLogger("org.cadre.access");
  private static final Pattern SECRET_SEGMENT =
    Pattern.compile("^(/api/invitations/|/api/calendar/|/join/)[^/]+?(\\.ics)?(?=/|$)");

  @Override
  public void handle(RoutingContext ctx) {
    long started = System.nanoTime();
    ctx.addEndHandler(ended -> {
      if (probe(ctx.request().path()) && ctx.response().getStatusCode() < 300) {
        return;
      }
      Principal user = Authentication.current(ctx);
      JsonObject line = new JsonObject()
        .put("method", ctx.request().method().name())
        .put("path", masked(ctx.request().path()))
        .put("status", ctx.response().getStatusCode())
        .put("ms", (System.nanoTime() - started) / 1_000_000)
        .put("bytes", ctx.response().bytesWritten())
        .put("client", TrustedProxies.client(ctx));
      if (user != null) {
        line.put("user", user.userId().toString());
      }
      LOG.info(line.encode());
    });
    ctx.next();
  }

  private static boolean probe(String path) {
    return "/metrics".equals(path) || (path != null && path.startsWith("/health/"));
  }

  static String masked(String path) {
    return path == null ? "" : SECRET_SEGMENT.matcher(path).replaceFirst("$1***$2");
  }
}

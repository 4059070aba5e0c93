package org.cadre.realtime;

import io.vertx.core.json.JsonArray;
import io.vertx.ext.web.RoutingContext;
import org.cadre.http.ApiException;
import org.cadre.http.ErrorMessage;

/**
 * Checks the body of a SockJS {@code xhr_send} before the SockJS handler sees it: that handler answers an empty or
 * malformed body with a 500, where the client made the mistake. A body is a JSON array of frames, each a string.
 */
public final class SockJsSends {

  private SockJsSends() {
  }

  public static void check(RoutingContext ctx) {
    String text = ctx.body() == null ? null : ctx.body().asString();
    if (text == null || text.isBlank()) {
      ctx.fail(ApiException.invalid(null, ErrorMessage.SOCKJS_NO_BODY));
      return;
    }
    try {
      JsonArray frames = new JsonArray(text);
      if (frames.stream().allMatch(String.class::isInstance)) {
        ctx.next();
        return;
      }
    } catch (RuntimeException ignored) {
      // answered below
    }
    ctx.fail(ApiException.invalid(null, ErrorMessage.SOCKJS_SHAPE));
  }
}

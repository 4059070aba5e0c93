package org.cadre.http;

import io.vertx.ext.web.RoutingContext;

import java.util.UUID;

/** Ids in paths and bodies are UUIDs; anything else can name nothing. */
public final class Ids {

  private Ids() {
  }

  /** The UUID, or null when the text is not one. */
  public static UUID parse(String text) {
    if (text == null || text.length() != 36) {
      return null;
    }
    try {
      return UUID.fromString(text);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** A path parameter naming a thing; a malformed id is answered like an unknown one. */
  public static UUID path(RoutingContext ctx, String param, ErrorMessage what) {
    UUID id = parse(ctx.pathParam(param));
    if (id == null) {
      throw ApiException.notFound(what);
    }
    return id;
  }
}

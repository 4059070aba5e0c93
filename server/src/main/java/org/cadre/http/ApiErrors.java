package org.cadre.http;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

import java.util.logging.Level;
import java.util.logging.Logger;

/** Turns every failure on an API route into the JSON error shape. */
public final class ApiErrors {

  private static final Logger LOG = Logger.getLogger(ApiErrors.class.getName());

  private ApiErrors() {
  }

  public static void handle(RoutingContext ctx) {
    ApiException error = translate(ctx);
    if (ctx.response().headWritten()) {
      ctx.response().reset();
      return;
    }
    ctx.response()
      .setStatusCode(error.status())
      .putHeader("content-type", "application/json; charset=utf-8")
      .end(new JsonObject().put("error", error.toJson()).encode());
  }

  private static ApiException translate(RoutingContext ctx) {
    Throwable failure = ctx.failure();
    if (failure instanceof ApiException api) {
      return api;
    }
    if (failure instanceof DecodeException || failure instanceof ClassCastException) {
      return ApiException.invalid(null, "The request body is not a JSON object.");
    }
    if (failure != null) {
      LOG.log(Level.SEVERE, "Unexpected failure on " + ctx.request().method() + " " + ctx.request().path(), failure);
      return new ApiException(500, "internal", "Something went wrong on the server.", null);
    }
    return switch (ctx.statusCode()) {
      case 413 -> new ApiException(413, "too_large", "The request body is larger than this endpoint accepts.", null);
      case 404 -> ApiException.notFound("That resource");
      case 405 -> new ApiException(405, "method_not_allowed", "That method is not allowed here.", null);
      case 401 -> ApiException.unauthenticated();
      case 403 -> ApiException.forbidden("Not allowed.");
      case 400 -> ApiException.invalid(null, "The request is malformed.");
      default -> new ApiException(ctx.statusCode(), "error", "The request failed.", null);
    };
  }
}

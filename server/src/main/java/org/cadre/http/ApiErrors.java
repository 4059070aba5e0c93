package org.cadre.http;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import io.vertx.sqlclient.ClosedConnectionException;
import io.vertx.sqlclient.DatabaseException;

import java.net.ConnectException;
import java.nio.channels.ClosedChannelException;
import java.util.Locale;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Turns every failure on an API route into the JSON error shape. */
public final class ApiErrors {

  private static final Logger LOG = Logger.getLogger(ApiErrors.class.getName());
  /** Seconds a client should wait before retrying while the database is unreachable. */
  public static final int RETRY_AFTER_SECONDS = 5;

  private ApiErrors() {
  }

  public static void handle(RoutingContext ctx) {
    render(ctx, translate(ctx));
  }

  /** For the router's own 400, a path it cannot decode (a bad %-escape); it gives no status to translate. */
  public static void malformedPath(RoutingContext ctx) {
    render(ctx, ApiException.invalid(null, ErrorMessage.PATH_MALFORMED));
  }

  private static void render(RoutingContext ctx, ApiException error) {
    if (ctx.response().headWritten()) {
      ctx.response().reset();
      return;
    }
    if (error.status() == 503) {
      ctx.response().putHeader("Retry-After", String.valueOf(RETRY_AFTER_SECONDS));
    }
    ctx.response()
      .setStatusCode(error.status())
      .putHeader("content-type", "application/json; charset=utf-8")
      .end(new JsonObject().put("error", error.toJson(Language.of(ctx))).encode());
  }

  private static ApiException translate(RoutingContext ctx) {
    Throwable failure = ctx.failure();
    if (failure instanceof DecodeException || failure instanceof ClassCastException) {
      return ApiException.invalid(null, ErrorMessage.BODY_NOT_OBJECT);
    }
    if (failure instanceof HttpException http && http.getStatusCode() >= 400 && http.getStatusCode() < 500) {
      // Vert.x's own refusals, such as a query string with a bad %-escape
      return fromStatus(http.getStatusCode());
    }
    if (failure != null) {
      return of(failure, ctx.request().method() + " " + ctx.request().path());
    }
    return fromStatus(ctx.statusCode());
  }

  private static ApiException fromStatus(int status) {
    return switch (status) {
      case 415 -> new ApiException(415, "unsupported_media_type", null, ErrorMessage.BODY_NOT_JSON_TYPE);
      case 413 -> new ApiException(413, "too_large", null, ErrorMessage.BODY_TOO_LARGE);
      case 404 -> ApiException.notFound(ErrorMessage.NOT_FOUND_RESOURCE);
      case 405 -> new ApiException(405, "method_not_allowed", null, ErrorMessage.METHOD_NOT_ALLOWED);
      case 401 -> ApiException.unauthenticated();
      case 403 -> ApiException.forbidden(ErrorMessage.NOT_ALLOWED);
      case 400 -> ApiException.invalid(null, ErrorMessage.REQUEST_MALFORMED);
      default -> status >= 400 && status < 500
        ? new ApiException(status, "error", null, ErrorMessage.REQUEST_FAILED)
        : new ApiException(500, "internal", null, ErrorMessage.INTERNAL);
    };
  }

  /**
   * The error to answer for a failure, over REST and the bus alike: an {@link ApiException} as it is, 503
   * {@code unavailable} while the database cannot be reached or is too busy to answer in time (a full wait queue, a
   * lock or statement timeout), else 500 {@code internal} (logged with what failed).
   */
  public static ApiException of(Throwable failure, String during) {
    if (failure instanceof ApiException api) {
      return api;
    }
    if (databaseUnreachable(failure)) {
      LOG.warning("Database unreachable during " + during + ": " + failure);
      return new ApiException(503, "unavailable", null, ErrorMessage.UNAVAILABLE)
        .with("retryAfter", RETRY_AFTER_SECONDS);
    }
    LOG.log(Level.SEVERE, "Unexpected failure during " + during, failure);
    return new ApiException(500, "internal", null, ErrorMessage.INTERNAL);
  }

  /** Connection failures of the pg client and its pool, anywhere in the cause chain. */
  static boolean databaseUnreachable(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof ConnectException || t instanceof ClosedConnectionException || t instanceof ClosedChannelException
        || t instanceof TimeoutException) {
        return true;
      }
      // 55P03: a row lock not granted within lock_timeout; 57014: a statement cut off by statement_timeout.
      if (t instanceof DatabaseException db && db.getSqlState() != null && (db.getSqlState().startsWith("08")
        || db.getSqlState().startsWith("57P0") || db.getSqlState().equals("55P03") || db.getSqlState().equals("57014"))) {
        return true;
      }
      String message = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
      if (message.contains("connection refused") || message.contains("pool closed") || message.contains("connection reset")
        || message.contains("timeout while waiting for connection") || message.contains("max wait queue")) {
        return true;
      }
    }
    return false;
  }
}

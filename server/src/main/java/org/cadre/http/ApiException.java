package org.cadre.http;

import io.vertx.core.json.JsonObject;

/**
 * A failure the caller can act on. Rendered everywhere (REST and bus replies) as
 * {@code {"error":{"code","message","field"}}} with {@link #status()} as the HTTP status or bus failure code.
 */
public final class ApiException extends RuntimeException {

  private final int status;
  private final String code;
  private final String field;
  private final JsonObject details = new JsonObject();

  public ApiException(int status, String code, String message, String field) {
    super(message, null, false, false);
    this.status = status;
    this.code = code;
    this.field = field;
  }

  public static ApiException invalid(String field, String message) {
    return new ApiException(400, "invalid", message, field);
  }

  public static ApiException unauthenticated() {
    return new ApiException(401, "unauthenticated", "Log in, or send an API token as 'Authorization: Bearer ...'.", null);
  }

  public static ApiException forbidden(String message) {
    return new ApiException(403, "forbidden", message, null);
  }

  public static ApiException notFound(String what) {
    return new ApiException(404, "not_found", what + " was not found.", null);
  }

  public static ApiException conflict(String code, String message, String field) {
    return new ApiException(409, code, message, field);
  }

  /** Adds something the caller needs to recover, such as the current text after a failed merge. */
  public ApiException with(String key, Object value) {
    details.put(key, value);
    return this;
  }

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }

  public String field() {
    return field;
  }

  /** The inner error object, without the {@code "error"} wrapper. */
  public JsonObject toJson() {
    return new JsonObject().put("code", code).put("message", getMessage()).put("field", field).mergeIn(details);
  }
}

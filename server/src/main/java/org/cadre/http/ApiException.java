package org.cadre.http;

import io.vertx.core.json.JsonObject;

/**
 * A failure the caller can act on. Rendered everywhere (REST and bus replies) as
 * {@code {"error":{"code","message","field"}}} with {@link #status()} as the HTTP status or bus failure code. The
 * message is an {@link ErrorMessage} with its arguments, rendered in the caller's language when answered;
 * {@link #getMessage()} is the English text (logs, the command line).
 */
public final class ApiException extends RuntimeException {

  private final int status;
  private final String code;
  private final String field;
  private final ErrorMessage message;
  private final Object[] args;
  private final JsonObject details = new JsonObject();

  public ApiException(int status, String code, String field, ErrorMessage message, Object... args) {
    super(message.render(Language.EN, args), null, false, false);
    this.status = status;
    this.code = code;
    this.field = field;
    this.message = message;
    this.args = args.clone();
  }

  public static ApiException invalid(String field, ErrorMessage message, Object... args) {
    return new ApiException(400, "invalid", field, message, args);
  }

  public static ApiException unauthenticated() {
    return new ApiException(401, "unauthenticated", null, ErrorMessage.UNAUTHENTICATED);
  }

  public static ApiException forbidden(ErrorMessage message, Object... args) {
    return new ApiException(403, "forbidden", null, message, args);
  }

  /** A 404 whose message says what was not found, such as {@link ErrorMessage#NOT_FOUND_SPACE}. */
  public static ApiException notFound(ErrorMessage message) {
    return new ApiException(404, "not_found", null, message);
  }

  public static ApiException conflict(String code, String field, ErrorMessage message, Object... args) {
    return new ApiException(409, code, field, message, args);
  }

  /** The same failure about another field, such as a nested one named by its whole path. */
  public ApiException at(String otherField) {
    ApiException moved = new ApiException(status, code, otherField, message, args);
    moved.details.mergeIn(details);
    return moved;
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

  public ErrorMessage message() {
    return message;
  }

  public Object[] args() {
    return args.clone();
  }

  /** The message in a language. */
  public String message(Language language) {
    return message.render(language, args);
  }

  /**
   * The inner error object, without the {@code "error"} wrapper, with its message in the caller's language; the code
   * and field are the same in every language.
   */
  public JsonObject toJson(Language language) {
    return new JsonObject().put("code", code).put("message", message(language)).put("field", field).mergeIn(details);
  }
}

package org.cadre.http;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

import io.vertx.core.json.JsonArray;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Typed, validated reads of a JSON request body or bus command. Every read names the field it failed on,
 * so a handler validates everything before it stores anything.
 */
public final class JsonBody {

  /** Instants are stored in PostgreSQL; years outside 1000 to 9999 are typing mistakes anyway. */
  public static final Instant EARLIEST = Instant.parse("1000-01-01T00:00:00Z");
  public static final Instant LATEST = Instant.parse("+10000-01-01T00:00:00Z");
  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

  private final JsonObject json;

  public JsonBody(JsonObject json) {
    this.json = json == null ? new JsonObject() : json;
  }

  /** The body of an API request; a missing or non-object body fails with a 400. */
  public static JsonBody of(RoutingContext ctx) {
    if (ctx.body() == null || ctx.body().isEmpty()) {
      throw ApiException.invalid(null, "The request needs a JSON object body.");
    }
    Object parsed;
    try {
      parsed = ctx.body().asJsonObject();
    } catch (RuntimeException e) {
      throw ApiException.invalid(null, "The request body is not a JSON object.");
    }
    if (parsed == null) {
      throw ApiException.invalid(null, "The request needs a JSON object body.");
    }
    return new JsonBody((JsonObject) parsed);
  }

  /** A body that may be absent (for endpoints whose fields are all optional). */
  public static JsonBody optional(RoutingContext ctx) {
    return ctx.body() == null || ctx.body().isEmpty() ? new JsonBody(null) : of(ctx);
  }

  /** The raw object, for handlers that pass it on whole. */
  public JsonObject json() {
    return json;
  }

  /** Whether the field is present, even as null: updates distinguish "clear it" from "leave it". */
  public boolean has(String field) {
    return json.containsKey(field);
  }

  /** A nested object, or an empty one when absent. */
  public JsonBody object(String field) {
    Object raw = json.getValue(field);
    if (raw != null && !(raw instanceof JsonObject)) {
      throw ApiException.invalid(field, "'" + field + "' must be an object.");
    }
    return new JsonBody((JsonObject) raw);
  }

  public String string(String field, int minLength, int maxLength) {
    return required(field, optionalString(field, minLength, maxLength));
  }

  private static <T> T required(String field, T value) {
    if (value == null) {
      throw ApiException.invalid(field, "'" + field + "' is required.");
    }
    return value;
  }

  /** Trimmed text between the bounds, or null when absent. */
  public String optionalString(String field, int minLength, int maxLength) {
    Object raw = json.getValue(field);
    if (raw == null) {
      return null;
    }
    if (!(raw instanceof String s)) {
      throw ApiException.invalid(field, "'" + field + "' must be a string.");
    }
    String value = s.strip();
    if (hasControlCharacter(value)) {
      throw ApiException.invalid(field, "'" + field + "' must not contain control characters.");
    }
    if (value.length() < minLength) {
      throw ApiException.invalid(field, minLength <= 1
        ? "'" + field + "' must not be blank."
        : "'" + field + "' must be at least " + minLength + " characters.");
    }
    if (value.length() > maxLength) {
      throw ApiException.invalid(field, "'" + field + "' must be at most " + maxLength + " characters.");
    }
    return value;
  }

  /** Free text kept exactly as typed (co-edited notes must not lose a space), or null when absent. */
  public String optionalText(String field, int maxLength) {
    Object raw = json.getValue(field);
    if (raw == null) {
      return null;
    }
    if (!(raw instanceof String value)) {
      throw ApiException.invalid(field, "'" + field + "' must be a string.");
    }
    if (hasControlCharacter(value)) {
      throw ApiException.invalid(field, "'" + field + "' must not contain control characters.");
    }
    if (value.length() > maxLength) {
      throw ApiException.invalid(field, "'" + field + "' must be at most " + maxLength + " characters.");
    }
    return value;
  }

  public Boolean optionalBoolean(String field) {
    Object raw = json.getValue(field);
    if (raw != null && !(raw instanceof Boolean)) {
      throw ApiException.invalid(field, "'" + field + "' must be true or false.");
    }
    return (Boolean) raw;
  }

  public LocalDate optionalDate(String field) {
    Object raw = json.getValue(field);
    if (raw == null) {
      return null;
    }
    if (raw instanceof String s && s.length() == 10) {
      try {
        return LocalDate.parse(s);
      } catch (DateTimeParseException ignored) {
        // fall through to the shared message
      }
    }
    throw ApiException.invalid(field, "'" + field + "' must be a date such as 2026-03-02.");
  }

  /** A list of short strings, each checked like {@link #optionalString}; null when absent. */
  public List<String> optionalStrings(String field, int maxItems, int maxLength) {
    Object raw = json.getValue(field);
    if (raw == null) {
      return null;
    }
    if (!(raw instanceof JsonArray array) || array.size() > maxItems) {
      throw ApiException.invalid(field, "'" + field + "' must be a list of at most " + maxItems + " strings.");
    }
    List<String> out = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      String name = field + "[" + i + "]";
      out.add(required(name, new JsonBody(new JsonObject().put(name, array.getValue(i))).optionalString(name, 1, maxLength)));
    }
    return out;
  }

  /** Passwords are taken as typed: no trimming. */
  public String password(String field, int minLength, int maxLength) {
    Object raw = json.getValue(field);
    if (!(raw instanceof String s)) {
      throw ApiException.invalid(field, raw == null ? "'" + field + "' is required." : "'" + field + "' must be a string.");
    }
    if (s.length() < minLength || s.length() > maxLength) {
      throw ApiException.invalid(field, "'" + field + "' must be " + minLength + " to " + maxLength + " characters.");
    }
    return s;
  }

  public String email(String field) {
    String value = string(field, 3, 254).toLowerCase(Locale.ROOT);
    if (!EMAIL.matcher(value).matches()) {
      throw ApiException.invalid(field, "'" + field + "' must be an email address.");
    }
    return value;
  }

  public <E extends Enum<E>> E enumValue(String field, Class<E> type) {
    E value = optionalEnum(field, type);
    if (value == null) {
      throw ApiException.invalid(field, "'" + field + "' is required (one of " + names(type) + ").");
    }
    return value;
  }

  /** Enum constants are written in JSON in lower case with dashes: {@code IN_PROGRESS} is "in-progress". */
  public <E extends Enum<E>> E optionalEnum(String field, Class<E> type) {
    Object raw = json.getValue(field);
    if (raw == null) {
      return null;
    }
    if (raw instanceof String s) {
      for (E e : type.getEnumConstants()) {
        if (wireName(e).equals(s)) {
          return e;
        }
      }
    }
    throw ApiException.invalid(field, "'" + field + "' must be one of " + names(type) + ".");
  }

  public UUID uuid(String field) {
    return required(field, optionalUuid(field));
  }

  public UUID optionalUuid(String field) {
    Object raw = json.getValue(field);
    if (raw == null) {
      return null;
    }
    UUID id = raw instanceof String s ? Ids.parse(s) : null;
    if (id == null) {
      throw ApiException.invalid(field, "'" + field + "' must be an id.");
    }
    return id;
  }

  public Integer optionalInt(String field, int min, int max) {
    Long value = optionalWholeNumber(field, min, max);
    return value == null ? null : value.intValue();
  }

  public long longValue(String field, long min, long max) {
    return required(field, optionalWholeNumber(field, min, max));
  }

  private Long optionalWholeNumber(String field, long min, long max) {
    Object raw = json.getValue(field);
    if (raw == null) {
      return null;
    }
    if (!(raw instanceof Integer || raw instanceof Long) || ((Number) raw).longValue() < min || ((Number) raw).longValue() > max) {
      throw ApiException.invalid(field, "'" + field + "' must be a whole number from " + min + " to " + max + ".");
    }
    return ((Number) raw).longValue();
  }

  public Instant optionalInstant(String field) {
    Object raw = json.getValue(field);
    if (raw == null) {
      return null;
    }
    if (raw instanceof String s) {
      try {
        Instant instant = Instant.parse(s);
        if (!instant.isBefore(EARLIEST) && instant.isBefore(LATEST)) {
          return instant;
        }
      } catch (DateTimeParseException ignored) {
        // fall through to the shared message
      }
    }
    throw ApiException.invalid(field, "'" + field + "' must be an ISO-8601 instant such as 2026-03-02T15:30:00Z.");
  }

  /** Line breaks and tabs are text; other control characters (NUL above all, which PostgreSQL refuses) are not. */
  private static boolean hasControlCharacter(String value) {
    return value.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t');
  }

  /** The constant whose {@link #wireName} this is (values read back from the database, already checked there). */
  public static <E extends Enum<E>> E fromWire(Class<E> type, String wire) {
    return wire == null ? null : Enum.valueOf(type, wire.toUpperCase(Locale.ROOT).replace('-', '_'));
  }

  public static String wireName(Enum<?> e) {
    return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  private static <E extends Enum<E>> String names(Class<E> type) {
    return String.join(", ", Arrays.stream(type.getEnumConstants()).map(JsonBody::wireName).toList());
  }
}

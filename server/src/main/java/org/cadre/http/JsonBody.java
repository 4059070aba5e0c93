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
import java.util.function.Function;
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
  /** Where this object sits in the document ("" for a request body), so errors name the whole path. */
  private final String path;

  public JsonBody(JsonObject json) {
    this(json, "");
  }

  private JsonBody(JsonObject json, String path) {
    this.json = json == null ? new JsonObject() : json;
    this.path = path;
  }

  /** The body of an API request; a missing or non-object body fails with a 400. */
  public static JsonBody of(RoutingContext ctx) {
    if (ctx.body() == null || ctx.body().isEmpty()) {
      throw ApiException.invalid(null, ErrorMessage.BODY_REQUIRED);
    }
    Object parsed;
    try {
      parsed = ctx.body().asJsonObject();
    } catch (RuntimeException e) {
      throw ApiException.invalid(null, ErrorMessage.BODY_NOT_OBJECT);
    }
    if (parsed == null) {
      throw ApiException.invalid(null, ErrorMessage.BODY_REQUIRED);
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
      throw invalid(field, ErrorMessage.FIELD_OBJECT, field);
    }
    return new JsonBody((JsonObject) raw);
  }

  public String string(String field, int minLength, int maxLength) {
    return required(field, optionalString(field, minLength, maxLength));
  }

  private <T> T required(String field, T value) {
    if (value == null) {
      throw invalid(field, ErrorMessage.FIELD_REQUIRED, field);
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
      throw invalid(field, ErrorMessage.FIELD_STRING, field);
    }
    String value = s.strip();
    if (hasControlCharacter(value)) {
      throw invalid(field, ErrorMessage.FIELD_CONTROL, field);
    }
    if (value.length() < minLength) {
      throw minLength <= 1 ? invalid(field, ErrorMessage.FIELD_BLANK, field) : invalid(field, ErrorMessage.FIELD_MIN_LENGTH, field, minLength);
    }
    if (value.length() > maxLength) {
      throw invalid(field, ErrorMessage.FIELD_MAX_LENGTH, field, maxLength);
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
      throw invalid(field, ErrorMessage.FIELD_STRING, field);
    }
    if (hasControlCharacter(value)) {
      throw invalid(field, ErrorMessage.FIELD_CONTROL, field);
    }
    if (value.length() > maxLength) {
      throw invalid(field, ErrorMessage.FIELD_MAX_LENGTH, field, maxLength);
    }
    return value;
  }

  public Boolean optionalBoolean(String field) {
    Object raw = json.getValue(field);
    if (raw != null && !(raw instanceof Boolean)) {
      throw invalid(field, ErrorMessage.FIELD_BOOLEAN, field);
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
    throw invalid(field, ErrorMessage.FIELD_DATE, field);
  }

  /** A list of short strings, each checked like {@link #optionalString}; null when absent. */
  public List<String> optionalStrings(String field, int maxItems, int maxLength) {
    Object raw = json.getValue(field);
    if (raw == null) {
      return null;
    }
    if (!(raw instanceof JsonArray array) || array.size() > maxItems) {
      throw invalid(field, ErrorMessage.FIELD_STRINGS, field, maxItems);
    }
    List<String> out = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      String name = field + "[" + i + "]";
      out.add(required(name, new JsonBody(new JsonObject().put(name, array.getValue(i)), path).optionalString(name, 1, maxLength)));
    }
    return out;
  }

  /** Passwords are taken as typed: no trimming. */
  public String password(String field, int minLength, int maxLength) {
    Object raw = json.getValue(field);
    if (!(raw instanceof String s)) {
      throw invalid(field, raw == null ? ErrorMessage.FIELD_REQUIRED : ErrorMessage.FIELD_STRING, field);
    }
    if (s.length() < minLength || s.length() > maxLength) {
      throw invalid(field, ErrorMessage.FIELD_LENGTH_RANGE, field, minLength, maxLength);
    }
    return s;
  }

  public String email(String field) {
    return required(field, optionalEmail(field));
  }

  public <E extends Enum<E>> E enumValue(String field, Class<E> type) {
    E value = optionalEnum(field, type);
    if (value == null) {
      throw invalid(field, ErrorMessage.FIELD_REQUIRED_ONE_OF, field, names(type));
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
    throw invalid(field, ErrorMessage.FIELD_ONE_OF, field, names(type));
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
      throw invalid(field, ErrorMessage.FIELD_ID, field);
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
      throw invalid(field, ErrorMessage.FIELD_WHOLE_NUMBER, field, min, max);
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
    throw invalid(field, ErrorMessage.FIELD_INSTANT, field);
  }

  // Documents deeper than a request body (the team history): each nested read knows its JSON path.

  /** A document's object at {@code path} (such as "$"): its errors name fields as {@code $.meetings[2].title}. */
  public static JsonBody at(JsonObject json, String path) {
    return new JsonBody(json, path);
  }

  /** The field's whole path: the field itself in a request body, {@code $.team.kind} in a document. */
  public String name(String field) {
    return path.isEmpty() ? field : path + "." + field;
  }

  /** A 400 naming this body's field by its whole path. */
  public ApiException invalid(String field, ErrorMessage message, Object... args) {
    return ApiException.invalid(name(field), message, args);
  }

  /** A required nested object whose errors name their fields under this one's path. */
  public JsonBody nested(String field) {
    return required(field, optionalNested(field));
  }

  /** As {@link #nested}, or null when absent. */
  public JsonBody optionalNested(String field) {
    Object raw = json.getValue(field);
    if (raw == null) {
      return null;
    }
    if (!(raw instanceof JsonObject o)) {
      throw invalid(field, ErrorMessage.FIELD_OBJECT, field);
    }
    return new JsonBody(o, name(field));
  }

  /** An array of objects, each read by {@code read} as a body at {@code field[i]}; a missing array is empty. */
  public <T> List<T> objects(String field, int maxEntries, Function<JsonBody, T> read) {
    Object raw = json.getValue(field);
    if (raw == null) {
      return List.of();
    }
    if (!(raw instanceof JsonArray array)) {
      throw invalid(field, ErrorMessage.FIELD_ARRAY, field);
    }
    if (array.size() > maxEntries) {
      throw invalid(field, ErrorMessage.FIELD_MAX_ENTRIES, field, maxEntries);
    }
    List<T> values = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      String at = name(field) + "[" + i + "]";
      if (!(array.getValue(i) instanceof JsonObject o)) {
        throw ApiException.invalid(at, ErrorMessage.FIELD_ENTRY_OBJECT, field);
      }
      values.add(read.apply(new JsonBody(o, at)));
    }
    return values;
  }

  /** Required, non-blank text kept exactly as written (a document's titles round-trip unchanged). */
  public String text(String field, int maxLength) {
    String value = required(field, optionalText(field, maxLength));
    if (value.isBlank()) {
      throw invalid(field, ErrorMessage.FIELD_BLANK, field);
    }
    return value;
  }

  /** Emails are case-insensitive: kept in lower case; null when absent. */
  public String optionalEmail(String field) {
    String value = optionalString(field, 3, 254);
    if (value == null) {
      return null;
    }
    if (!EMAIL.matcher(value).matches()) {
      throw invalid(field, ErrorMessage.FIELD_EMAIL, field);
    }
    return value.toLowerCase(Locale.ROOT);
  }

  public int intValue(String field, int min, int max) {
    return required(field, optionalInt(field, min, max));
  }

  public Instant instant(String field) {
    return required(field, optionalInstant(field));
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

package org.cadre.history;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.cadre.http.JsonBody;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Typed reads of one object of a team-history document; every failure names the field by its JSON path. */
final class Fields {

  private final JsonObject json;
  private final String path;

  Fields(JsonObject json, String path) {
    this.json = json;
    this.path = path;
  }

  String path() {
    return path;
  }

  String path(String field) {
    return path + "." + field;
  }

  HistoryException error(String field, String message) {
    return new HistoryException(path(field), message);
  }

  /** Text that must be present and not blank. */
  String text(String field, int maxLength) {
    String value = optionalText(field, maxLength);
    if (value == null) {
      throw error(field, "'" + field + "' is required.");
    }
    if (value.isBlank()) {
      throw error(field, "'" + field + "' must not be blank.");
    }
    return value;
  }

  /** Text kept as written, or null when absent. */
  String optionalText(String field, int maxLength) {
    Object raw = json.getValue(field);
    if (raw == null) {
      return null;
    }
    if (!(raw instanceof String value)) {
      throw error(field, "'" + field + "' must be a string.");
    }
    if (value.length() > maxLength) {
      throw error(field, "'" + field + "' must be at most " + maxLength + " characters.");
    }
    if (hasControlCharacter(value)) {
      throw error(field, "'" + field + "' must not contain control characters other than line breaks and tabs.");
    }
    return value;
  }

  String email(String field) {
    String value = optionalEmail(field);
    if (value == null) {
      throw error(field, "'" + field + "' is required.");
    }
    return value;
  }

  /** Emails are case-insensitive: they are kept in lower case. */
  String optionalEmail(String field) {
    String value = optionalText(field, 254);
    if (value == null) {
      return null;
    }
    if (!isEmail(value)) {
      throw error(field, "'" + field + "' must be an email address, not '" + value + "'.");
    }
    return value.toLowerCase(Locale.ROOT);
  }

  <E extends Enum<E>> E enumValue(String field, Class<E> type) {
    E value = optionalEnum(field, type);
    if (value == null) {
      throw error(field, "'" + field + "' is required (one of " + names(type) + ").");
    }
    return value;
  }

  <E extends Enum<E>> E optionalEnum(String field, Class<E> type) {
    Object raw = json.getValue(field);
    if (raw == null) {
      return null;
    }
    if (raw instanceof String s) {
      for (E e : type.getEnumConstants()) {
        if (JsonBody.wireName(e).equals(s)) {
          return e;
        }
      }
    }
    throw error(field, "'" + field + "' must be one of " + names(type) + ", not " + quoted(raw) + ".");
  }

  Instant instant(String field) {
    Instant value = optionalInstant(field);
    if (value == null) {
      throw error(field, "'" + field + "' is required.");
    }
    return value;
  }

  Instant optionalInstant(String field) {
    Object raw = json.getValue(field);
    if (raw == null) {
      return null;
    }
    if (raw instanceof String s) {
      try {
        Instant instant = Instant.parse(s);
        if (!instant.isBefore(JsonBody.EARLIEST) && instant.isBefore(JsonBody.LATEST)) {
          return instant;
        }
      } catch (DateTimeParseException ignored) {
        // the message below says what is expected
      }
    }
    throw error(field, "'" + field + "' must be an ISO-8601 instant between the years 1000 and 9999 such as 2026-03-02T15:30:00Z, not " + quoted(raw) + ".");
  }

  LocalDate optionalDate(String field) {
    Object raw = json.getValue(field);
    if (raw == null) {
      return null;
    }
    if (raw instanceof String s && s.length() == 10) {
      try {
        return LocalDate.parse(s);
      } catch (DateTimeParseException ignored) {
        // the message below says what is expected
      }
    }
    throw error(field, "'" + field + "' must be a date written YYYY-MM-DD, not " + quoted(raw) + ".");
  }

  int wholeNumber(String field, int min, int max) {
    Integer value = optionalWholeNumber(field, min, max);
    if (value == null) {
      throw error(field, "'" + field + "' is required.");
    }
    return value;
  }

  Integer optionalWholeNumber(String field, int min, int max) {
    Object raw = json.getValue(field);
    if (raw == null) {
      return null;
    }
    if (!(raw instanceof Integer || raw instanceof Long) || ((Number) raw).longValue() < min || ((Number) raw).longValue() > max) {
      throw error(field, "'" + field + "' must be a whole number from " + min + " to " + max + ", not " + quoted(raw) + ".");
    }
    return ((Number) raw).intValue();
  }

  /** A missing flag is false. */
  boolean flag(String field) {
    Object raw = json.getValue(field);
    if (raw == null) {
      return false;
    }
    if (!(raw instanceof Boolean b)) {
      throw error(field, "'" + field + "' must be true or false.");
    }
    return b;
  }

  Fields object(String field) {
    Fields value = optionalObject(field);
    if (value == null) {
      throw error(field, "'" + field + "' is required.");
    }
    return value;
  }

  Fields optionalObject(String field) {
    Object raw = json.getValue(field);
    if (raw == null) {
      return null;
    }
    if (!(raw instanceof JsonObject o)) {
      throw error(field, "'" + field + "' must be an object.");
    }
    return new Fields(o, path(field));
  }

  /** An array of objects, each read by {@code read}; a missing array is empty. */
  <T> List<T> list(String field, int maxEntries, Function<Fields, T> read) {
    JsonArray array = array(field, maxEntries);
    List<T> values = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      String at = path(field) + "[" + i + "]";
      if (!(array.getValue(i) instanceof JsonObject o)) {
        throw new HistoryException(at, "Each entry of '" + field + "' must be an object.");
      }
      values.add(read.apply(new Fields(o, at)));
    }
    return values;
  }

  /** An array of non-blank strings; a missing array is empty. */
  List<String> strings(String field, int maxEntries, int maxLength) {
    JsonArray array = array(field, maxEntries);
    List<String> values = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      String at = path(field) + "[" + i + "]";
      if (!(array.getValue(i) instanceof String s) || s.isBlank() || s.length() > maxLength || hasControlCharacter(s)) {
        throw new HistoryException(at, "Each entry of '" + field + "' must be a non-blank string of at most " + maxLength + " characters.");
      }
      values.add(s);
    }
    return values;
  }

  private JsonArray array(String field, int maxEntries) {
    Object raw = json.getValue(field);
    if (raw == null) {
      return new JsonArray();
    }
    if (!(raw instanceof JsonArray array)) {
      throw error(field, "'" + field + "' must be an array.");
    }
    if (array.size() > maxEntries) {
      throw error(field, "'" + field + "' may hold at most " + maxEntries + " entries.");
    }
    return array;
  }

  /** The shape the server's account emails accept: something@domain.tld, with no spaces. */
  private static boolean isEmail(String s) {
    int at = s.indexOf('@');
    int dot = s.lastIndexOf('.');
    return at > 0 && at == s.lastIndexOf('@') && dot > at + 1 && dot < s.length() - 1 && s.chars().noneMatch(Character::isWhitespace);
  }

  /** Line breaks and tabs are text; other control characters (NUL above all, which PostgreSQL refuses) are not. */
  private static boolean hasControlCharacter(String value) {
    return value.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t');
  }

  /** The offending value, shortened, for the error message. */
  private static String quoted(Object raw) {
    if (raw instanceof String s) {
      return "'" + (s.length() > 40 ? s.substring(0, 40) + "..." : s) + "'";
    }
    if (raw instanceof JsonObject) {
      return "an object";
    }
    return raw instanceof JsonArray ? "an array" : String.valueOf(raw);
  }

  private static <E extends Enum<E>> String names(Class<E> type) {
    return Arrays.stream(type.getEnumConstants()).map(JsonBody::wireName).collect(Collectors.joining(", "));
  }
}

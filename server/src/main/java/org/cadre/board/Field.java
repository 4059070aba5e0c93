package org.cadre.board;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import org.cadre.http.ApiException;
import org.cadre.http.ErrorMessage;
import org.cadre.http.BodyShape;
import org.cadre.http.JsonBody;
import org.cadre.http.Links;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * One field of a board entity: its JSON name, its column, and how a value sent by a client is read and checked.
 * Entities are declared as lists of fields so that create, update, validation and JSON output share one definition.
 */
public record Field(String name, String column, Type type, int floor, int limit, Class<? extends Enum<?>> enumType,
                    String refTable, boolean onCreate, boolean onEdit, boolean needed, boolean clearable) {

  public enum Type {
    /** Trimmed single-line text. */
    TEXT,
    /** Text kept as typed, merged three-way when edited concurrently. */
    LONG_TEXT,
    INT, BOOL, ENUM, DATE, INSTANT,
    /** The id of another entity of the same space, in {@code refTable}. */
    REF,
    /** The id of a current member of the space. */
    MEMBER,
    TAGS,
    /** Data artifacts: [{type, title, link}]. */
    ARTIFACTS,
    /** Shown but never written by clients (ids, ranks, timestamps). */
    READ_ONLY
  }

  private static final int MAX_ARTIFACTS = 20;
  /** The fields of one data artifact. */
  static final BodyShape ARTIFACT = BodyShape.of("type", "title", "link");

  public static Field of(String name, String column, Type type) {
    return new Field(name, column, type, 0, Integer.MAX_VALUE, null, null, false, false, false, false);
  }

  public static Field text(String name, String column, int max) {
    return of(name, column, Type.TEXT).max(max);
  }

  public static Field longText(String name, String column, int max) {
    return of(name, column, Type.LONG_TEXT).max(max);
  }

  public static Field integer(String name, String column, int min, int max) {
    return new Field(name, column, Type.INT, min, max, null, null, false, false, false, false);
  }

  public static Field enumOf(String name, String column, Class<? extends Enum<?>> type) {
    return new Field(name, column, Type.ENUM, 0, 0, type, null, false, false, false, false);
  }

  public static Field ref(String name, String column, String table) {
    return new Field(name, column, Type.REF, 0, 0, null, table, false, false, false, false);
  }

  public static Field readOnly(String name, String column) {
    return of(name, column, Type.READ_ONLY);
  }

  public Field max(int value) {
    return new Field(name, column, type, floor, value, enumType, refTable, onCreate, onEdit, needed, clearable);
  }

  /** Settable when created and changeable afterwards. */
  public Field editable() {
    return new Field(name, column, type, floor, limit, enumType, refTable, true, true, needed, clearable);
  }

  /** Settable only when created. */
  public Field creatable() {
    return new Field(name, column, type, floor, limit, enumType, refTable, true, false, needed, clearable);
  }

  public Field required() {
    return new Field(name, column, type, floor, limit, enumType, refTable, onCreate, onEdit, true, clearable);
  }

  /** May be cleared with null. */
  public Field nullable() {
    return new Field(name, column, type, floor, limit, enumType, refTable, onCreate, onEdit, needed, true);
  }

  /** Whether it is text that two people may edit at once. */
  public boolean mergeable() {
    return type == Type.TEXT || type == Type.LONG_TEXT;
  }

  /** Reads and checks the value the body carries for this field, as the value to bind in SQL. */
  Object read(JsonBody body) {
    if (body.json().getValue(name) == null) {
      if (!clearable || needed) {
        throw ApiException.invalid(name, ErrorMessage.FIELD_NOT_NULL, name);
      }
      // Cleared text is stored empty: text columns are never null.
      return type == Type.TEXT || type == Type.LONG_TEXT ? "" : null;
    }
    return switch (type) {
      case TEXT -> body.optionalString(name, 1, limit);
      case LONG_TEXT -> body.optionalText(name, limit);
      case INT -> body.optionalInt(name, floor, limit);
      case BOOL -> body.optionalBoolean(name);
      case ENUM -> JsonBody.wireName(readEnum(body));
      case DATE -> body.optionalDate(name);
      case INSTANT -> OffsetDateTime.ofInstant(body.optionalInstant(name), ZoneOffset.UTC);
      case REF, MEMBER -> body.optionalUuid(name);
      case TAGS -> tags(body);
      case ARTIFACTS -> artifacts(body);
      case READ_ONLY -> throw new IllegalStateException(name + " is read-only");
    };
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private Enum<?> readEnum(JsonBody body) {
    return body.optionalEnum(name, (Class) enumType);
  }

  private String[] tags(JsonBody body) {
    List<String> tags = body.optionalStrings(name, 20, 50);
    for (int i = 0; i < tags.size(); i++) {
      if (!tags.get(i).matches("[a-z0-9][a-z0-9-]*")) {
        throw ApiException.invalid(name + "[" + i + "]", ErrorMessage.TAG_SHAPE);
      }
    }
    return tags.stream().distinct().toArray(String[]::new);
  }

  private JsonArray artifacts(JsonBody body) {
    if (!(body.json().getValue(name) instanceof JsonArray array) || array.size() > MAX_ARTIFACTS) {
      throw ApiException.invalid(name, ErrorMessage.ARTIFACTS_MAX, name, MAX_ARTIFACTS);
    }
    JsonArray out = new JsonArray();
    for (int i = 0; i < array.size(); i++) {
      String path = name + "[" + i + "]";
      if (!(array.getValue(i) instanceof JsonObject artifact)) {
        throw ApiException.invalid(path, ErrorMessage.ARTIFACT_SHAPE);
      }
      JsonBody item = new JsonBody(artifact);
      try {
        String link = item.optionalString("link", 1, 2000);
        if (link != null && !Links.isSafe(link)) {
          throw ApiException.invalid("link", ErrorMessage.FIELD_LINK, "link");
        }
        out.add(new JsonObject()
          .put("type", JsonBody.wireName(item.enumValue("type", org.cadre.history.ArtifactType.class)))
          .put("title", item.string("title", 1, 200))
          .put("link", link));
      } catch (ApiException e) {
        throw e.at(path + "." + e.field());
      }
    }
    return out;
  }

  /** The column's value as JSON. */
  Object json(Row row) {
    Object value = row.getValue(column);
    if (value == null) {
      return null;
    }
    if (value instanceof UUID || value instanceof LocalDate) {
      return value.toString();
    }
    if (value instanceof OffsetDateTime time) {
      return time.toInstant().toString();
    }
    if (value instanceof String[] strings) {
      return new JsonArray(List.of(strings));
    }
    return value;
  }
}

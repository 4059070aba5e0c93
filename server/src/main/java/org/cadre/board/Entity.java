package org.cadre.board;

import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import org.cadre.http.ApiException;
import org.cadre.http.ErrorMessage;
import org.cadre.http.BodyShape;
import org.cadre.http.JsonBody;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A kind of board item (a norm, an agenda item, an action item...): its table and its fields. Every item has an
 * {@code id} and a {@code space_id}; {@code softDeleted} items keep their row so that late edits can be told why
 * they failed.
 */
public record Entity(ErrorMessage label, String table, List<Field> fields, boolean softDeleted) {

  /** The columns a select needs to build {@link #json}. */
  public String columns() {
    return fields.stream().map(Field::column).distinct().collect(Collectors.joining(", "));
  }

  public JsonObject json(Row row) {
    JsonObject out = new JsonObject();
    for (Field field : fields) {
      out.put(field.name(), field.json(row));
    }
    return out;
  }

  public boolean hasColumn(String column) {
    return fields.stream().anyMatch(f -> f.column().equals(column));
  }

  public Field field(String name) {
    return fields.stream().filter(f -> f.name().equals(name)).findFirst()
      .orElseThrow(() -> new IllegalArgumentException(label + " has no field " + name));
  }

  /** What a create may send: its creatable fields (the command adds its own, such as {@code afterId}). */
  public BodyShape createShape() {
    return shape(fields.stream().filter(Field::onCreate).toList());
  }

  /**
   * What an update may send: its editable fields, and under {@code base} the text each edit started from
   * ({@link BoardStore#edit}).
   */
  public BodyShape editShape() {
    List<Field> editable = fields.stream().filter(Field::onEdit).toList();
    return shape(editable).object("base",
      BodyShape.of(editable.stream().filter(Field::mergeable).map(Field::name).toArray(String[]::new)));
  }

  private static BodyShape shape(List<Field> fields) {
    BodyShape shape = BodyShape.of();
    for (Field field : fields) {
      shape = field.type() == Field.Type.ARTIFACTS ? shape.listOf(field.name(), Field.ARTIFACT)
        : shape.and(field.name());
    }
    return shape;
  }

  /** The fields a create sends, read and checked; required ones must be there. */
  public Map<Field, Object> readNew(JsonBody body) {
    Map<Field, Object> values = new LinkedHashMap<>();
    for (Field field : fields) {
      if (field.onCreate() && body.has(field.name())) {
        values.put(field, field.read(body));
      } else if (field.needed()) {
        throw ApiException.invalid(field.name(), ErrorMessage.FIELD_REQUIRED, field.name());
      }
    }
    return values;
  }

  /** The fields an update sends, read and checked; at least one. */
  public Map<Field, Object> readChanges(JsonBody body) {
    Map<Field, Object> values = new LinkedHashMap<>();
    for (Field field : fields) {
      if (field.onEdit() && body.has(field.name())) {
        values.put(field, field.read(body));
      }
    }
    if (values.isEmpty()) {
      throw ApiException.invalid(null, ErrorMessage.NOTHING_TO_CHANGE,
        fields.stream().filter(Field::onEdit).map(Field::name).collect(Collectors.joining(", ")));
    }
    return values;
  }
}

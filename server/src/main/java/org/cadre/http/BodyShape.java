package org.cadre.http;

import io.vertx.core.Handler;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The fields a request body or bus command may carry, declared once where the route or command is registered and
 * checked before its handler runs: a field nobody reads would otherwise be dropped while the request succeeds.
 * Nested objects (and lists of objects) have shapes of their own.
 */
public final class BodyShape {

  private static final BodyShape SCALAR = new BodyShape(Map.of(), false);

  private final Map<String, BodyShape> fields;
  /** Whether this shape describes each element of a list rather than an object. */
  private final boolean list;

  private BodyShape(Map<String, BodyShape> fields, boolean list) {
    this.fields = Collections.unmodifiableMap(fields);
    this.list = list;
  }

  /** Scalar fields (strings, numbers, ids, lists of strings). */
  public static BodyShape of(String... names) {
    return new BodyShape(Map.of(), false).and(names);
  }

  public BodyShape and(String... names) {
    Map<String, BodyShape> out = new LinkedHashMap<>(fields);
    for (String name : names) {
      out.putIfAbsent(name, SCALAR);
    }
    return new BodyShape(out, list);
  }

  /** Every field of both. */
  public BodyShape and(BodyShape other) {
    Map<String, BodyShape> out = new LinkedHashMap<>(fields);
    other.fields.forEach(out::putIfAbsent);
    return new BodyShape(out, list);
  }

  /** A nested object with its own fields. */
  public BodyShape object(String name, BodyShape nested) {
    Map<String, BodyShape> out = new LinkedHashMap<>(fields);
    out.put(name, new BodyShape(nested.fields, false));
    return new BodyShape(out, list);
  }

  /** A list whose elements are objects of this shape. */
  public BodyShape listOf(String name, BodyShape each) {
    Map<String, BodyShape> out = new LinkedHashMap<>(fields);
    out.put(name, new BodyShape(each.fields, true));
    return new BodyShape(out, list);
  }

  /** The top-level field names, in the order declared. */
  public Set<String> names() {
    return fields.keySet();
  }

  public boolean allows(String name) {
    return fields.containsKey(name);
  }

  /**
   * Refuses the first field the shape does not know, as 400 {@code invalid} with its path as the field.
   *
   * @param what the command or route, as the message names it
   */
  public void check(JsonObject json, String what) {
    check(json, what, "");
  }

  private void check(JsonObject json, String what, String prefix) {
    for (Map.Entry<String, Object> entry : json) {
      String path = prefix + entry.getKey();
      BodyShape nested = fields.get(entry.getKey());
      if (nested == null) {
        String known = String.join(", ", fields.keySet());
        throw prefix.isEmpty() ? ApiException.invalid(path, ErrorMessage.FIELD_UNKNOWN, path, what, known)
          : ApiException.invalid(path, ErrorMessage.FIELD_UNKNOWN_IN, path, what, prefix.substring(0, prefix.length() - 1), known);
      }
      // Wrong types are the handler's to report; only objects the shape describes are looked into.
      if (nested == SCALAR) {
        continue;
      }
      if (!nested.list && entry.getValue() instanceof JsonObject object) {
        nested.check(object, what, path + ".");
      } else if (nested.list && entry.getValue() instanceof JsonArray array) {
        for (int i = 0; i < array.size(); i++) {
          if (array.getValue(i) instanceof JsonObject element) {
            nested.check(element, what, path + "[" + i + "].");
          }
        }
      }
    }
  }

  /**
   * A route handler that checks the request's JSON body (when it has one) and passes on; a body that is not an
   * object is left for the route's own {@link JsonBody#of} to refuse. Messages name the route, such as
   * {@code POST /api/spaces/:id/children}.
   */
  public Handler<RoutingContext> checker() {
    return ctx -> {
      if (ctx.body() != null && !ctx.body().isEmpty()) {
        Object parsed;
        try {
          parsed = ctx.body().asJsonObject();
        } catch (RuntimeException e) {
          parsed = null;
        }
        if (parsed instanceof JsonObject json) {
          check(json, ctx.request().method() + " " + ctx.currentRoute().getPath());
        }
      }
      ctx.next();
    };
  }
}

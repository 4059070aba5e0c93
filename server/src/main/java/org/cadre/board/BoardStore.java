package org.cadre.board;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import org.cadre.http.ApiException;
import org.cadre.http.ErrorMessage;
import org.cadre.http.JsonBody;
import org.cadre.realtime.Commands.Command;
import org.cadre.event.SpaceEvent;
import org.cadre.space.Space;
import org.cadre.space.SpaceChanges;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;

/**
 * The SQL every board feature shares: a change runs in one transaction that locks the space, applies the change
 * and appends its event, so writers of one space are serialized and their events come out in seq order.
 */
public final class BoardStore {

  /** Merging texts longer than this (together) is CPU work for a worker thread, not the event loop. */
  private static final int LARGE_MERGE = 4_000;

  private final Vertx vertx;
  private final Pool pool;
  private final SpaceChanges changes;

  public BoardStore(Vertx vertx, Pool pool, SpaceChanges changes) {
    this.vertx = vertx;
    this.pool = pool;
    this.changes = changes;
  }

  public Pool pool() {
    return pool;
  }

  /**
   * Runs {@code work} in a transaction on the command's (unarchived, locked) space and appends its result as the
   * payload of an event of {@code eventType}. Answers the event, which is also what every subscriber receives.
   */
  public Future<JsonObject> change(Command command, String eventType, BiFunction<SqlConnection, Space, Future<JsonObject>> work) {
    return changes.change(command.spaceId(), command.userId(), command.time(), command.retry(), eventType, work).map(SpaceEvent::toJson);
  }

  /**
   * Inserts an item of the command's space with the fields read from the body and the {@code fixed} columns the
   * feature sets itself; its creator and creation time are the command's.
   */
  public Future<JsonObject> insert(SqlConnection tx, Entity entity, Command command, Map<Field, Object> values,
                                   Map<String, Object> fixed) {
    UUID spaceId = command.spaceId();
    Map<String, Object> columns = new LinkedHashMap<>(fixed);
    columns.put("space_id", spaceId);
    if (entity.hasColumn("created_at")) {
      columns.putIfAbsent("created_at", command.time());
    }
    if (entity.hasColumn("created_by")) {
      columns.put("created_by", command.userId());
    }
    values.forEach((field, value) -> columns.put(field.column(), value));
    List<String> placeholders = new ArrayList<>();
    for (int i = 1; i <= columns.size(); i++) {
      placeholders.add("$" + i);
    }
    return checkReferences(tx, spaceId, values)
      .compose(v -> tx.preparedQuery("insert into " + entity.table() + " (" + String.join(", ", columns.keySet())
          + ") values (" + String.join(", ", placeholders) + ") returning " + entity.columns())
        .execute(Tuple.from(new ArrayList<>(columns.values()))))
      .map(rows -> entity.json(rows.iterator().next()));
  }

  /**
   * The item, locked for the transaction. An id of another space is answered exactly like a missing one; a
   * deleted item says so, so that someone still editing it knows why their edit failed.
   */
  public Future<JsonObject> lock(SqlConnection tx, Entity entity, UUID spaceId, UUID id, String idField) {
    return find(tx, entity, spaceId, id, idField, true);
  }

  /** {@link #lock}, optionally without the lock, for reads. */
  public Future<JsonObject> find(SqlClient client, Entity entity, UUID spaceId, UUID id, String idField, boolean lock) {
    String deleted = entity.softDeleted() ? ", deleted_at is not null as deleted" : ", false as deleted";
    return client.preparedQuery("select " + entity.columns() + deleted + " from " + entity.table()
        + " where id = $1 and space_id = $2" + (lock ? " for update" : ""))
      .execute(Tuple.of(id, spaceId))
      .map(rows -> {
        if (rows.size() == 0) {
          throw new ApiException(404, "not_found", idField, ErrorMessage.ENTITY_NOT_FOUND, entity.label());
        }
        Row row = rows.iterator().next();
        if (row.getBoolean("deleted")) {
          throw new ApiException(410, "deleted", idField, ErrorMessage.ENTITY_DELETED, entity.label());
        }
        return entity.json(row);
      });
  }

  /**
   * Applies an update's fields to the locked item. A text field sent with the text its editor started from
   * (under {@code base}) is merged three-way with what is stored now, so concurrent edits both land; when they
   * cannot be merged the reply is a conflict carrying the current text.
   */
  public Future<JsonObject> edit(SqlConnection tx, Entity entity, UUID spaceId, UUID id, String idField, JsonBody body,
                                 Map<String, Object> alsoSet) {
    Map<Field, Object> changes = entity.readChanges(body);
    JsonBody base = body.object("base");
    return lock(tx, entity, spaceId, id, idField).compose(current -> {
      Map<String, Object> columns = new LinkedHashMap<>();
      Future<Void> merges = Future.succeededFuture();
      for (Map.Entry<Field, Object> change : changes.entrySet()) {
        Field field = change.getKey();
        Object value = change.getValue();
        if (base.json().getValue(field.name()) != null && field.mergeable() && value != null) {
          String from = base.optionalText(field.name(), field.limit());
          String now = current.getString(field.name(), "");
          merges = merges.compose(v -> merge(field, from, (String) value, now).map(text -> {
            columns.put(field.column(), text);
            return null;
          }));
        } else {
          columns.put(field.column(), value);
        }
      }
      return merges.compose(v -> {
        columns.putAll(alsoSet);
        return checkReferences(tx, spaceId, changes).compose(x -> update(tx, entity, id, columns));
      });
    });
  }

  private Future<String> merge(Field field, String base, String edited, String current) {
    return merge(field.name(), field.limit(), base, edited, current);
  }

  /**
   * The three-way merge of a text field that is not an {@link Entity}'s (such as a protocol step's notes): the same
   * merge, the same conflict answer and the same limit rule as {@link #edit}.
   */
  public Future<String> merge(String name, int limit, String base, String edited, String current) {
    if (base.length() + edited.length() + current.length() <= LARGE_MERGE) {
      return Future.succeededFuture(merged(name, limit, base, edited, current));
    }
    return vertx.executeBlocking(() -> merged(name, limit, base, edited, current), false);
  }

  private static String merged(String name, int limit, String base, String edited, String current) {
    TextMerge.Result result = TextMerge.merge(base, edited, current);
    if (result instanceof TextMerge.Merged merged) {
      if (merged.text().length() > limit) {
        throw ApiException.invalid(name, ErrorMessage.MERGE_TOO_LONG, name, limit);
      }
      return merged.text();
    }
    throw ApiException.conflict("edit_conflict", name, ErrorMessage.EDIT_CONFLICT, name)
      .with("current", current);
  }

  /** Sets the columns of one item (and its {@code updated_at}) and answers its new state. */
  public Future<JsonObject> update(SqlClient tx, Entity entity, UUID id, Map<String, Object> columns) {
    List<Object> args = new ArrayList<>();
    args.add(id);
    List<String> sets = new ArrayList<>();
    columns.forEach((column, value) -> {
      args.add(value);
      sets.add(column + " = $" + args.size());
    });
    if (entity.hasColumn("updated_at")) {
      sets.add("updated_at = now()");
    }
    return tx.preparedQuery("update " + entity.table() + " set " + String.join(", ", sets) + " where id = $1 returning "
        + entity.columns())
      .execute(Tuple.from(args))
      .map(rows -> entity.json(rows.iterator().next()));
  }

  public Future<List<JsonObject>> list(SqlClient client, Entity entity, String where, Tuple args, String orderBy) {
    return client.preparedQuery("select " + entity.columns() + " from " + entity.table() + " where " + where
        + live(entity) + " order by " + orderBy)
      .execute(args)
      .map(rows -> {
        List<JsonObject> out = new ArrayList<>(rows.size());
        rows.forEach(row -> out.add(entity.json(row)));
        return out;
      });
  }

  /** Ids that name other items or people must belong to this space; an id from elsewhere is refused by name. */
  public Future<Void> checkReferences(SqlClient tx, UUID spaceId, Map<Field, Object> values) {
    Future<Void> checks = Future.succeededFuture();
    for (Map.Entry<Field, Object> entry : values.entrySet()) {
      Field field = entry.getKey();
      if (entry.getValue() instanceof UUID id && (field.type() == Field.Type.REF || field.type() == Field.Type.MEMBER)) {
        checks = checks.compose(v -> field.type() == Field.Type.REF ? requireItem(tx, spaceId, field.refTable(), id, field.name())
          : requireMember(tx, spaceId, id, field.name()));
      }
    }
    return checks;
  }

  public Future<Void> requireItem(SqlClient tx, UUID spaceId, String table, UUID id, String field) {
    String live = table.equals("agenda_items") || table.equals("action_items") ? " and deleted_at is null" : "";
    return tx.preparedQuery("select 1 from " + table + " where id = $1 and space_id = $2" + live)
      .execute(Tuple.of(id, spaceId))
      .map(rows -> {
        if (rows.size() == 0) {
          throw ApiException.invalid(field, ErrorMessage.REFERENCE_UNKNOWN, field);
        }
        return null;
      });
  }

  public Future<Void> requireMember(SqlClient tx, UUID spaceId, UUID userId, String field) {
    return tx.preparedQuery("select 1 from memberships where space_id = $1 and user_id = $2 and left_at is null")
      .execute(Tuple.of(spaceId, userId))
      .map(rows -> {
        if (rows.size() == 0) {
          throw ApiException.invalid(field, ErrorMessage.NOT_A_MEMBER, field);
        }
        return null;
      });
  }

  /**
   * The rank that puts an item right after {@code afterId} (null: first) among the rows of {@code table} sharing
   * {@code scope}, computed under the space lock so concurrent moves are applied one after the other.
   */
  public Future<String> rankAfter(SqlClient tx, Entity entity, String scopeColumn, UUID scope, UUID afterId, UUID moving,
                                  String field) {
    String live = live(entity);
    Future<String> afterRank = afterId == null ? Future.succeededFuture(null)
      : tx.preparedQuery("select rank from " + entity.table() + " where id = $1 and " + scopeColumn + " = $2" + live)
        .execute(Tuple.of(afterId, scope))
        .map(rows -> {
          if (rows.size() == 0 || afterId.equals(moving)) {
            throw ApiException.invalid(field, ErrorMessage.SAME_LIST, field);
          }
          return rows.iterator().next().getString(0);
        });
    return afterRank.compose(after -> tx.preparedQuery("select min(rank) from " + entity.table() + " where " + scopeColumn + " = $1"
          + live + " and ($2::uuid is null or id <> $2) and ($3::text is null or rank > $3)")
        .execute(Tuple.of(scope, moving, after))
        .map(rows -> Rank.between(after, rows.iterator().next().getString(0))));
  }

  /** The rank after the last item of the list. */
  public Future<String> rankLast(SqlClient tx, Entity entity, String scopeColumn, UUID scope) {
    return tx.preparedQuery("select max(rank) from " + entity.table() + " where " + scopeColumn + " = $1" + live(entity))
      .execute(Tuple.of(scope))
      .map(rows -> Rank.between(rows.iterator().next().getString(0), null));
  }

  private static String live(Entity entity) {
    return entity.softDeleted() ? " and deleted_at is null" : "";
  }
}

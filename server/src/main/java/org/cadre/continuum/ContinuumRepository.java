package org.cadre.continuum;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The SQL of continuum ratings. Rows are only ever added: a subject's history is all its rows. */
public final class ContinuumRepository {

  private static final String COLUMNS = "r.id, r.continuum, r.subject, r.rater_role, r.current_level, r.target_level, "
    + "r.checked, r.note, r.rated_by, u.name as rated_by_name, r.rated_at";

  private final Pool pool;

  public ContinuumRepository(Pool pool) {
    this.pool = pool;
  }

  public Future<JsonObject> insert(SqlClient tx, UUID spaceId, String continuum, String subject, String raterRole,
                                   int current, int target, List<String> checked, String note, UUID ratedBy, OffsetDateTime at) {
    return tx.preparedQuery("with r as (insert into continuum_ratings (space_id, continuum, subject, rater_role, current_level, "
        + "target_level, checked, note, rated_by, rated_at) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) returning *) "
        + "select " + COLUMNS + " from r join users u on u.id = r.rated_by")
      .execute(Tuple.from(new Object[] {spaceId, continuum, subject, raterRole, current, target, new JsonArray(checked),
        note, ratedBy, at}))
      .map(rows -> json(rows.iterator().next()));
  }

  /** Every rating in the space, oldest first. */
  public Future<List<JsonObject>> all(UUID spaceId) {
    return pool.preparedQuery("select " + COLUMNS + " from continuum_ratings r join users u on u.id = r.rated_by "
        + "where r.space_id = $1 order by r.rated_at, r.id").execute(Tuple.of(spaceId))
      .map(rows -> {
        List<JsonObject> out = new ArrayList<>();
        rows.forEach(row -> out.add(json(row)));
        return out;
      });
  }

  public Future<Boolean> any(UUID spaceId) {
    return pool.preparedQuery("select exists (select 1 from continuum_ratings where space_id = $1)").execute(Tuple.of(spaceId))
      .map(rows -> rows.iterator().next().getBoolean(0));
  }

  private static JsonObject json(Row row) {
    Object checked = row.getValue("checked");
    return new JsonObject()
      .put("id", row.getUUID("id").toString())
      .put("continuum", row.getString("continuum"))
      .put("subject", row.getString("subject"))
      .put("raterRole", row.getString("rater_role"))
      .put("current", row.getInteger("current_level"))
      .put("target", row.getInteger("target_level"))
      .put("checked", checked instanceof JsonArray array ? array : new JsonArray())
      .put("note", row.getString("note"))
      .put("ratedBy", row.getUUID("rated_by").toString())
      .put("ratedByName", row.getString("rated_by_name"))
      .put("ratedAt", row.getOffsetDateTime("rated_at").toInstant().toString());
  }
}

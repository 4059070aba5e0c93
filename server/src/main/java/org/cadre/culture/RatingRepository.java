package org.cadre.culture;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.time.OffsetDateTime;
import java.util.UUID;

/** The SQL of members' row ratings: every rating is a new row. */
final class RatingRepository {

  private final Pool pool;

  RatingRepository(Pool pool) {
    this.pool = pool;
  }

  /** Stores a rating in the change's transaction; answers its id. */
  static Future<UUID> insert(SqlClient tx, UUID space, String row, int level, UUID user, String note, OffsetDateTime at) {
    return tx.preparedQuery("insert into ratings (space_id, row_id, level, user_id, note, at) values ($1, $2, $3, $4, $5, $6) "
        + "returning id")
      .execute(Tuple.of(space, row, level, user, note, at))
      .map(rows -> rows.iterator().next().getUUID(0));
  }

  /** The user's latest rating of each row of the space they rated, by row: {row, level, note, at}. */
  Future<JsonArray> latestBy(UUID space, UUID user) {
    return pool.preparedQuery("select distinct on (row_id) row_id, level, note, at from ratings "
        + "where space_id = $1 and user_id = $2 order by row_id, at desc, id desc").execute(Tuple.of(space, user))
      .map(rows -> {
        JsonArray ratings = new JsonArray();
        for (Row row : rows) {
          ratings.add(new JsonObject().put("row", row.getString("row_id")).put("level", row.getInteger("level"))
            .put("note", row.getString("note")).put("at", row.getOffsetDateTime("at").toInstant().toString()));
        }
        return ratings;
      });
  }
}

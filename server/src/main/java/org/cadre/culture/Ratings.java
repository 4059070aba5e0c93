package org.cadre.culture;

import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import org.cadre.http.ApiException;
import org.cadre.realtime.Commands;
import org.cadre.realtime.Commands.Command;
import org.cadre.realtime.EventLog;
import org.cadre.space.Access;

/**
 * Members' ratings of continuum rows, 1 to 3 with a note. Every rating is kept; the engine counts each person's
 * latest per row and takes the median.
 */
public final class Ratings {

  private final Pool pool;

  public Ratings(Pool pool) {
    this.pool = pool;
  }

  public void register(Commands commands) {
    commands.register("rating.record", Access.WRITE, HttpMethod.POST, "/culture/ratings", this::rate);
  }

  private Future<JsonObject> rate(Command c) {
    String row = c.body().string("row", 2, 2);
    if (!CultureRoutes.ROWS.contains(row)) {
      throw ApiException.invalid("row", "'row' must be one of " + String.join(", ", CultureRoutes.ROWS) + ".");
    }
    int level = (int) c.body().longValue("level", 1, 3);
    String note = c.body().optionalText("note", 2000);
    return pool.withTransaction(tx -> tx.preparedQuery("select 1 from spaces where id = $1 and archived_at is null for update")
        .execute(Tuple.of(c.spaceId()))
        .compose(rows -> rows.size() == 0 ? Future.failedFuture(ApiException.conflict("archived", "This space is archived.", null))
          : tx.preparedQuery("insert into ratings (space_id, row_id, level, user_id, note, at) values ($1, $2, $3, $4, $5, $6) returning id")
            .execute(Tuple.of(c.spaceId(), row, level, c.userId(), note == null ? "" : note, c.time())))
        .compose(rows -> EventLog.append(tx, c.spaceId(), "rating.recorded", new JsonObject()
          .put("id", rows.iterator().next().getUUID(0).toString())
          .put("row", row).put("level", level).put("userId", c.userId().toString()).put("note", note == null ? "" : note), c.userId(),
          c.time())))
      .map(event -> event.toJson());
  }

}

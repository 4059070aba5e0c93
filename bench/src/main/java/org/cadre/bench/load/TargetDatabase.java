package org.cadre.bench.load;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;

import java.util.HashMap;
import java.util.Map;

/** A target's own database, read by the harness: the renames it stored, and how many transactions it committed. */
final class TargetDatabase {

  private final Pool pool;

  TargetDatabase(Vertx vertx, String url) {
    this.pool = PgBuilder.pool().connectingTo(PgConnectOptions.fromUri(url)).using(vertx).build();
  }

  /** How many times each rename whose name starts with {@code prefix} is in {@code table}'s event log. */
  Future<Map<String, Integer>> renames(String table, String prefix) {
    return pool.preparedQuery("select payload->>'name' as name, count(*)::int as n from " + table
        + " where type = 'space.updated' and payload->>'name' like $1 group by 1").execute(Tuple.of(prefix + "%"))
      .map(rows -> {
        Map<String, Integer> out = new HashMap<>();
        for (Row row : rows) {
          out.put(row.getString("name"), row.getInteger("n"));
        }
        return out;
      });
  }

  /** Transactions committed in this database so far (PostgreSQL's statistics, flushed within a second or so). */
  Future<Long> commits() {
    return pool.query("select xact_commit from pg_stat_database where datname = current_database()").execute()
      .map(rows -> rows.iterator().next().getLong(0));
  }

  /** How many of the teams below {@code space} have a culture snapshot at their current seq (Cadre's schema). */
  Future<Long> teamsScoredAtSeq(String space) {
    return pool.preparedQuery("select count(*) from spaces s join culture_snapshots c on c.space_id = s.id and c.seq = s.seq "
        + "where s.kind = 'team' and $1::uuid = any(s.path)").execute(Tuple.of(space))
      .map(rows -> rows.iterator().next().getLong(0));
  }

  Future<Void> close() {
    return pool.close();
  }
}

package org.cadre.job;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;

import java.time.Duration;

/** The {@code jobs} table: which server runs a job now. */
final class JobRepository {

  private final Pool pool;

  JobRepository(Pool pool) {
    this.pool = pool;
  }

  /** A job not seen before is due at once. */
  Future<Void> register(String name) {
    return pool.preparedQuery("insert into jobs (name, due_at) values ($1, now()) on conflict (name) do nothing")
      .execute(Tuple.of(name)).mapEmpty();
  }

  /**
   * True for exactly one caller per period: the row lock makes a concurrent claim wait, then see the moved
   * {@code due_at} and match nothing.
   */
  Future<Boolean> claim(String name, Duration every, String server) {
    return pool.preparedQuery("update jobs set due_at = now() + make_interval(secs => $2), started_at = now(), "
        + "started_by = $3, finished_at = null where name = $1 and due_at <= now()")
      .execute(Tuple.of(name, every.toMillis() / 1000.0, server))
      .map(rows -> rows.rowCount() == 1);
  }

  Future<Void> finished(String name) {
    return pool.preparedQuery("update jobs set finished_at = now() where name = $1").execute(Tuple.of(name)).mapEmpty();
  }
}

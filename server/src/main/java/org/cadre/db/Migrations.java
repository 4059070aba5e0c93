package org.cadre.db;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/** Applies the SQL files of the migrations module (classpath {@code db/migration}) with Flyway. */
public final class Migrations {

  private Migrations() {
  }

  /** Runs Flyway off the event loop: it is blocking JDBC. Answers how many migrations were applied. */
  public static Future<Integer> migrate(Vertx vertx, Database db) {
    return vertx.executeBlocking(() -> {
      MigrateResult result = Flyway.configure()
        .dataSource(db.jdbcUrl(), db.user(), db.password())
        .locations("classpath:db/migration")
        .load()
        .migrate();
      return result.migrationsExecuted;
    });
  }
}

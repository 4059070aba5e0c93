package org.cadre.db;

import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import org.cadre.test.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(VertxExtension.class)
class MigrationsTest {

  @Test
  void anEmptyDatabaseGetsEveryMigrationAndAMigratedOneNone(Vertx vertx) throws Exception {
    String url = TestDatabases.fresh();
    try (Database db = Database.external(url)) {
      int first = Migrations.migrate(vertx, db).await();
      assertTrue(first >= 1, "every migration runs on an empty database");
      assertEquals(0, Migrations.migrate(vertx, db).await(), "nothing runs twice");
    }
    assertEquals(0, TestDatabases.count(url, "select count(*) from flyway_schema_history where not success"));
    for (String table : new String[] {"users", "organizations", "sessions", "api_tokens", "spaces", "memberships",
      "invitations", "events", "login_failures"}) {
      assertEquals(1, TestDatabases.count(url, "select count(*) from information_schema.tables where table_name = '" + table + "'"), table);
    }
  }

  @Test
  void aBadDatabaseUrlIsExplained() {
    IllegalArgumentException error = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
      () -> Database.external("mysql://nope"));
    assertTrue(error.getMessage().contains("DATABASE_URL"), error.getMessage());
  }
}

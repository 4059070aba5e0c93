package org.cadre.db;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.cadre.test.ApiClient;
import org.cadre.test.TestDatabases;
import org.cadre.test.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The server's pool waits a bounded time: a change blocked by a lock held elsewhere answers 503 instead of hanging. */
@ExtendWith(VertxExtension.class)
class PoolLimitsTest {

  @Test
  void aChangeWaitingForARowLockHeldElsewhereGivesUpWith503AndNothingStored(Vertx vertx) throws Exception {
    try (TestServer server = TestServer.start(vertx, TestDatabases.fresh())) {
      ApiClient admin = server.admin();
      String network = admin.expect(201, "POST", "/api/spaces", new JsonObject().put("name", "Locked").put("kind", "network"))
        .getString("id");
      try (Connection other = TestDatabases.jdbc(server.databaseUrl())) {
        other.setAutoCommit(false);
        try (PreparedStatement lock = other.prepareStatement("select 1 from spaces where id = ? for update")) {
          lock.setObject(1, UUID.fromString(network));
          lock.execute();
        }
        ApiClient.Response blocked = admin.call("PATCH", "/api/spaces/" + network, new JsonObject().put("name", "Renamed"));
        assertEquals(503, blocked.status());
        assertEquals("unavailable", blocked.error().getString("code"));
        other.rollback();
      }
      assertEquals("Locked", admin.expect(200, "GET", "/api/spaces/" + network, null).getString("name"));
      assertEquals("Renamed", admin.expect(200, "PATCH", "/api/spaces/" + network, new JsonObject().put("name", "Renamed"))
        .getString("name"));
    }
  }
}

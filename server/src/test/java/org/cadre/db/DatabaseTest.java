package org.cadre.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The embedded database's start-up: what it refuses, and data directories made by an earlier Cadre. */
class DatabaseTest {

  @Test
  void aTakenPortIsNamedInOneLine(@TempDir Path dataDir) throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      IOException e = assertThrows(IOException.class, () -> Database.embedded(dataDir, taken.getLocalPort()));
      assertTrue(e.getMessage().contains("port " + taken.getLocalPort() + " on localhost is in use"), e.getMessage());
      assertTrue(e.getMessage().contains("CADRE_DB_PORT"), e.getMessage());
    }
  }

  @Test
  void aDataDirectoryThatTrustedLocalConnectionsNowRequiresThePassword(@TempDir Path dataDir) throws Exception {
    // What Cadre made before: zonky's defaults, which trust every local connection.
    EmbeddedPostgres.builder().setDataDirectory(dataDir.resolve("postgres")).setCleanDataDirectory(false)
      .setRegisterShutdownHook(false).start().close();
    assertTrue(Files.readString(dataDir.resolve("postgres/pg_hba.conf")).contains("trust"));

    try (Database db = Database.embedded(dataDir, 0)) {
      String url = "jdbc:postgresql://localhost:" + db.connectOptions().getPort() + "/postgres";
      assertFalse(Files.readAllLines(dataDir.resolve("postgres/pg_hba.conf")).stream()
        .anyMatch(line -> !line.startsWith("#") && line.contains("trust")), "no trust rule is left");
      DriverManager.getConnection(url, "postgres", Files.readString(dataDir.resolve("db-password")).trim()).close();
      SQLException refused = assertThrows(SQLException.class, () -> DriverManager.getConnection(url, "postgres", "postgres"));
      assertTrue(refused.getMessage().contains("password authentication failed"), refused.getMessage());
      assertEquals(db.password(), Files.readString(dataDir.resolve("db-password")).trim());
    }
  }
}

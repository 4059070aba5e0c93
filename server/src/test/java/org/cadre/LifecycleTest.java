package org.cadre;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Without DATABASE_URL the server runs its own PostgreSQL in the data directory, keeps it, and stops it cleanly. */
@ExtendWith(VertxExtension.class)
class LifecycleTest {

  @Test
  void theEmbeddedDatabaseKeepsItsDataAcrossRestartsAndStopsWithTheServer(Vertx vertx, @TempDir Path dataDir) throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    CadreConfig config = new CadreConfig(port, null, dataDir, "boss@cadre.test", "boss-password-1", false, 1, 0, false, java.util.List.of(), -1,
      org.cadre.http.TrustedProxies.none(), null, java.util.List.of(), null, java.time.Duration.ofSeconds(60));
    WebClient web = WebClient.create(vertx);
    JsonObject login = new JsonObject().put("email", "boss@cadre.test").put("password", "boss-password-1");

    Cadre first = Cadre.start(vertx, config).await();
    String networkId = createNetwork(web, port, login);
    first.stop().await();
    assertFalse(Files.exists(dataDir.resolve("postgres/postmaster.pid")), "PostgreSQL stopped with the server");
    assertThrows(Exception.class, () -> web.get(port, "localhost", "/api/me").send().await(), "the port is closed");

    String port1 = Files.readString(dataDir.resolve("db-port"));
    Cadre second = Cadre.start(vertx, config).await();
    try {
      assertEquals(port1, Files.readString(dataDir.resolve("db-port")), "the database port is kept across restarts");
      String cookie = web.post(port, "localhost", "/api/auth/login").sendJsonObject(login).await().cookies().get(0).split(";")[0];
      var spaces = web.get(port, "localhost", "/api/spaces").putHeader("Cookie", cookie).send().await().bodyAsJsonObject();
      assertTrue(spaces.encode().contains(networkId), "the network made before the restart is still there");
    } finally {
      second.stop().await();
    }
  }

  @Test
  void theEmbeddedDatabaseCommitsDurablyAndAdmitsOnlyItsPasswordOnLoopback(Vertx vertx, @TempDir Path dataDir) throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    Cadre cadre = Cadre.start(vertx, new CadreConfig(port, null, dataDir, null, null, false, 1, 0, false, java.util.List.of(), -1,
      org.cadre.http.TrustedProxies.none(), null, java.util.List.of(), null, java.time.Duration.ofSeconds(60))).await();
    try {
      Path passwordFile = dataDir.resolve("db-password");
      assertEquals(PosixFilePermissions.fromString("rw-------"), Files.getPosixFilePermissions(passwordFile));
      String password = Files.readString(passwordFile).trim();
      String url = "jdbc:postgresql://localhost:" + Files.readString(dataDir.resolve("db-port")).trim() + "/postgres";
      try (Connection conn = DriverManager.getConnection(url, "postgres", password); Statement st = conn.createStatement()) {
        assertEquals("on", show(st, "fsync"));
        assertEquals("on", show(st, "synchronous_commit"));
        assertEquals("localhost", show(st, "listen_addresses"));
        assertEquals("", show(st, "unix_socket_directories"), "no socket file in /tmp");
      }
      SQLException refused = assertThrows(SQLException.class, () -> DriverManager.getConnection(url, "postgres", "postgres"));
      assertTrue(refused.getMessage().contains("password authentication failed"), refused.getMessage());
      List<String> rules = Files.readAllLines(dataDir.resolve("postgres/pg_hba.conf")).stream()
        .filter(line -> !line.isBlank() && !line.startsWith("#")).toList();
      assertFalse(rules.isEmpty());
      assertTrue(rules.stream().allMatch(line -> line.contains("scram-sha-256")), String.join("\n", rules));
    } finally {
      cadre.stop().await();
    }
  }

  private static String show(Statement st, String setting) throws SQLException {
    try (ResultSet rs = st.executeQuery("show " + setting)) {
      rs.next();
      return rs.getString(1);
    }
  }

  /** Logs the configured admin in and creates a network, answering its id. */
  private static String createNetwork(WebClient web, int port, JsonObject login) {
    var response = web.post(port, "localhost", "/api/auth/login").sendJsonObject(login).await();
    assertEquals(200, response.statusCode(), response.bodyAsString());
    String cookie = response.cookies().get(0).split(";")[0];
    return web.post(port, "localhost", "/api/spaces").putHeader("Cookie", cookie)
      .sendJsonObject(new JsonObject().put("name", "Persistent network").put("kind", "network")).await()
      .bodyAsJsonObject().getString("id");
  }
}

package org.cadre.http;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.cadre.test.ApiClient;
import org.cadre.test.BusClient;
import org.cadre.test.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * With its database stopped the server answers 503 {@code unavailable} with Retry-After, over REST and the bus,
 * and serves again once the database is back. Runs on a PostgreSQL of its own, since it stops it.
 */
@ExtendWith(VertxExtension.class)
class DatabaseOutageTest {

  private static EmbeddedPostgres postgres(Path dir, int port) throws Exception {
    return EmbeddedPostgres.builder().setDataDirectory(dir).setCleanDataDirectory(false).setPort(port).start();
  }

  @Test
  void anUnreachableDatabaseAnswers503UnavailableOverRestAndTheBusThenServesAgain(Vertx vertx, @TempDir Path dir) throws Exception {
    EmbeddedPostgres pg = postgres(dir, 0);
    int port = pg.getPort();
    TestServer server = TestServer.start(vertx, "postgres://postgres:postgres@localhost:" + port + "/postgres");
    try {
      ApiClient admin = server.admin();
      String network = admin.expect(201, "POST", "/api/spaces", new JsonObject().put("name", "Outage").put("kind", "network"))
        .getString("id");
      String team = admin.expect(201, "POST", "/api/spaces/" + network + "/children",
        new JsonObject().put("name", "Outage team").put("kind", "team")).getString("id");
      try (BusClient bus = BusClient.connect(vertx, server.port(), admin)) {
        bus.ok(new JsonObject().put("type", "board.get").put("spaceId", team));

        pg.close();

        for (String[] call : new String[][] {{"GET", "/api/me"}, {"GET", "/api/spaces"}, {"GET", "/api/spaces/" + team + "/board"}}) {
          ApiClient.Response response = admin.call(call[0], call[1], null);
          assertEquals(503, response.status(), () -> String.join(" ", call) + ": " + response.json());
          assertEquals("unavailable", response.error().getString("code"));
          assertEquals("5", response.raw().getHeader("Retry-After"));
        }
        ApiClient.Response login = server.anonymous().call("POST", "/api/auth/login",
          new JsonObject().put("email", TestServer.ADMIN_EMAIL).put("password", TestServer.ADMIN_PASSWORD));
        assertEquals(503, login.status(), String.valueOf(login.json()));

        JsonObject reply = bus.request(new JsonObject().put("type", "norm.create").put("spaceId", team).put("text", "Listen"));
        assertEquals("err", reply.getString("type"), reply::encode);
        assertEquals(503, reply.getInteger("failureCode"), reply::encode);
        assertEquals("unavailable", new JsonObject(reply.getString("message")).getString("code"));
      }

      pg = postgres(dir, port);
      ApiClient.Response back = admin.call("GET", "/api/me", null);
      for (int tries = 0; back.status() == 503 && tries < 50; tries++) {
        Thread.sleep(200);
        back = admin.call("GET", "/api/me", null);
      }
      assertEquals(200, back.status(), String.valueOf(back.json()));
      admin.expect(201, "POST", "/api/spaces/" + team + "/norms", new JsonObject().put("text", "Listen"));
    } finally {
      server.close();
      pg.close();
    }
  }
}

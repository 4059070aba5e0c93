package org.cadre.space;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.cadre.history.HistoryBuilder;
import org.cadre.history.HistoryJson;
import org.cadre.test.ApiClient;
import org.cadre.test.TestDatabases;
import org.cadre.test.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A new space meets where its parent does, whether created or imported. */
@ExtendWith(VertxExtension.class)
class TimeZoneInheritanceTest {

  @Test
  void createdAndImportedSpacesTakeTheirParentsTimeZone(Vertx vertx) {
    try (TestServer server = TestServer.start(vertx, TestDatabases.fresh())) {
      ApiClient admin = server.admin();
      String network = admin.expect(201, "POST", "/api/spaces", new JsonObject().put("name", "Zones").put("kind", "network")).getString("id");
      admin.expect(200, "PATCH", "/api/spaces/" + network + "/settings", new JsonObject().put("timeZone", "America/Chicago"));
      String district = admin.expect(201, "POST", "/api/spaces/" + network + "/children",
        new JsonObject().put("name", "District").put("kind", "district")).getString("id");
      assertEquals("America/Chicago", admin.expect(200, "GET", "/api/spaces/" + district, null).getString("timeZone"));

      admin.expect(200, "PATCH", "/api/spaces/" + district + "/settings", new JsonObject().put("timeZone", "America/Denver"));
      String site = admin.expect(201, "POST", "/api/spaces/" + district + "/children",
        new JsonObject().put("name", "Site").put("kind", "site")).getString("id");
      String team = admin.expect(201, "POST", "/api/spaces/" + site + "/children",
        new JsonObject().put("name", "Team").put("kind", "team")).getString("id");
      assertEquals("America/Denver", admin.expect(200, "GET", "/api/spaces/" + team, null).getString("timeZone"));

      String imported = admin.expect(201, "POST", "/api/spaces/" + site + "/import",
        HistoryJson.write(HistoryBuilder.team().build())).getString("spaceId");
      assertEquals("America/Denver", admin.expect(200, "GET", "/api/spaces/" + imported, null).getString("timeZone"));
    }
  }
}

package org.cadre.demo;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.sqlclient.Pool;
import org.cadre.account.AccountRepository;
import org.cadre.account.Accounts;
import org.cadre.account.PasswordHasher;
import org.cadre.db.Database;
import org.cadre.space.SpaceChanges;
import org.cadre.space.SpaceRepository;
import org.cadre.space.Spaces;
import org.cadre.test.ApiClient;
import org.cadre.test.TestDatabases;
import org.cadre.test.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(VertxExtension.class)
class DemoNetworkTest {

  @Test
  void seedingTwiceGivesOneNetworkWithEveryRoleAndASafePartner(Vertx vertx) throws Exception {
    String url = TestDatabases.fresh();
    try (TestServer server = TestServer.start(vertx, url); Database db = Database.external(url)) {
      var pool = db.pool(vertx, 2);
      demo(vertx, pool).seed().await();
      long spaces = TestDatabases.count(url, "select count(*) from spaces");
      long memberships = TestDatabases.count(url, "select count(*) from memberships");
      long events = TestDatabases.count(url, "select count(*) from events");
      long continuumRatings = TestDatabases.count(url, "select count(*) from continuum_ratings");
      demo(vertx, pool).seed().await();
      assertTrue(continuumRatings > 0, "the demo rates its partnerships");
      assertEquals(continuumRatings, TestDatabases.count(url, "select count(*) from continuum_ratings"));
      assertEquals(spaces, TestDatabases.count(url, "select count(*) from spaces"));
      assertEquals(memberships, TestDatabases.count(url, "select count(*) from memberships"));
      assertEquals(events, TestDatabases.count(url, "select count(*) from events"));
      assertEquals(8, spaces);
      assertEquals(4, TestDatabases.count(url, "select count(distinct role) from memberships"));
      pool.close().await();

      ApiClient partner = server.anonymous().login("priya.raman@coastline.demo", DemoNetwork.PASSWORD);
      JsonArray tree = partner.expect(200, "GET", "/api/spaces", null).getJsonArray("spaces");
      assertEquals(1, tree.size());
      assertEquals("Lincoln 9th Grade Pathway Team", tree.getJsonObject(0).getString("name"));

      ApiClient district = server.anonymous().login("daniel.reyes@riverside.demo", DemoNetwork.PASSWORD);
      JsonObject root = district.expect(200, "GET", "/api/spaces", null).getJsonArray("spaces").getJsonObject(0);
      assertEquals("Harbor Valley Pathways Network", root.getString("name"));
      assertTrue(root.encode().contains("Jefferson Health Academy Team"));
    }
  }

  private static DemoNetwork demo(Vertx vertx, Pool pool) {
    Accounts accounts = new Accounts(vertx, new AccountRepository(pool), new PasswordHasher());
    // Nobody subscribes here: the committed events need go nowhere.
    SpaceChanges changes = new SpaceChanges(new SpaceRepository(pool), event -> { });
    return new DemoNetwork(accounts, Spaces.of(changes), DemoNetwork.commands(vertx, pool, changes, new SimpleMeterRegistry()), Instant.now());
  }
}

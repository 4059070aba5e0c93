package org.cadre.space;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.cadre.demo.SampleHistories;
import org.cadre.history.HistoryJson;
import org.cadre.test.ApiClient;
import org.cadre.test.SpaceTree;
import org.cadre.test.TestDatabases;
import org.cadre.test.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Rules that must hold when requests race: they are checked under the space's lock. */
@ExtendWith(VertxExtension.class)
class ConcurrencyTest {

  private static TestServer server;
  private static SpaceTree tree;

  @BeforeAll
  static void start(Vertx vertx) {
    server = TestServer.start(vertx, TestDatabases.fresh());
    tree = SpaceTree.build(server, "race");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static String newTeam(String name) {
    return tree.admin.expect(201, "POST", "/api/spaces/" + tree.site + "/children",
      new JsonObject().put("name", name).put("kind", "team")).getString("id");
  }

  @Test
  void twoLeadsRemovingEachOtherAtOnceLeaveOneLead() {
    for (int round = 0; round < 10; round++) {
      String team = newTeam("Two leads " + round);
      tree.admin.expect(201, "POST", "/api/spaces/" + team + "/members", new JsonObject().put("userId", tree.lead.userId()).put("role", "lead"));
      Future<ApiClient.Response> first = tree.admin.callAsync("DELETE", "/api/spaces/" + team + "/members/" + tree.lead.userId(), null);
      Future<ApiClient.Response> second = tree.lead.callAsync("DELETE", "/api/spaces/" + team + "/members/" + tree.admin.userId(), null);
      Future.join(first, second).await();
      List<Integer> statuses = List.of(first.result().status(), second.result().status());
      // One removal wins; the other finds either no other lead (409) or, if it came second, no right left (403).
      assertEquals(1, statuses.stream().filter(status -> status == 204).count(), statuses::toString);
      assertTrue(statuses.contains(409) || statuses.contains(403), statuses::toString);
      assertEquals(1, TestDatabases.count(server.databaseUrl(),
        "select count(*) from memberships where space_id = '" + team + "' and role = 'lead' and left_at is null"));
    }
  }

  @Test
  void archivingAtOnceSucceedsOnceAndRefusesTheRest() {
    String team = newTeam("Archived at once");
    List<Future<ApiClient.Response>> calls = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      calls.add(tree.admin.callAsync("POST", "/api/spaces/" + team + "/archive", null));
    }
    Future.join(calls).await();
    assertEquals(1, calls.stream().filter(c -> c.result().status() == 200).count());
    assertEquals(4, calls.stream().filter(c -> c.result().status() == 409).count());
  }

  @Test
  void parallelWrongPasswordsCannotSlipUnderTheLimit() {
    server.register("guessed@school.test", "Guessed");
    List<Future<ApiClient.Response>> calls = new ArrayList<>();
    for (int i = 0; i < 25; i++) {
      calls.add(server.anonymous().callAsync("POST", "/api/auth/login",
        new JsonObject().put("email", "guessed@school.test").put("password", "guess " + i)));
    }
    Future.join(calls).await();
    assertEquals(10, calls.stream().filter(c -> c.result().status() == 401).count());
    assertEquals(15, calls.stream().filter(c -> c.result().status() == 429).count());
  }

  @Test
  void spacesAreCreatedAndImportedBelowAParentThatAnotherCreationHolds() throws Exception {
    String site = tree.admin.expect(201, "POST", "/api/spaces/" + tree.district + "/children",
      new JsonObject().put("name", "Held site").put("kind", "site")).getString("id");
    // A creation still running below the site holds it as every creation does; one taking the row's exclusive lock
    // would wait for it (5 s of lock_timeout, then 503).
    try (Connection held = TestDatabases.jdbc(server.databaseUrl()); Statement st = held.createStatement()) {
      held.setAutoCommit(false);
      st.executeQuery("select id from spaces where id = '" + site + "' for share").close();
      tree.admin.expect(201, "POST", "/api/spaces/" + site + "/children", new JsonObject().put("name", "Beside").put("kind", "team"));
      tree.admin.expect(201, "POST", "/api/spaces/" + site + "/import",
        HistoryJson.write(SampleHistories.team(new Random(5), null, 4, Instant.parse("2026-06-01T00:00:00Z"))));
      held.rollback();
    }
    assertEquals(2, TestDatabases.count(server.databaseUrl(), "select count(*) from spaces where parent_id = '" + site + "'"));
  }

  @Test
  void archivingWaitsForACreationBelowTheSpaceAndTheCreationStands() throws Exception {
    String site = tree.admin.expect(201, "POST", "/api/spaces/" + tree.district + "/children",
      new JsonObject().put("name", "Archived after").put("kind", "site")).getString("id");
    String child;
    Future<ApiClient.Response> archived;
    try (Connection creating = TestDatabases.jdbc(server.databaseUrl()); Statement st = creating.createStatement()) {
      creating.setAutoCommit(false);
      st.executeQuery("select id from spaces where id = '" + site + "' for share").close();
      archived = tree.admin.callAsync("POST", "/api/spaces/" + site + "/archive", null);
      Thread.sleep(300);
      assertTrue(!archived.isComplete(), "the archive waits while a creation holds the site");
      child = UUID.randomUUID().toString();
      st.execute("insert into spaces (id, parent_id, kind, name, path, time_zone) select '" + child + "', id, 'team', "
        + "'Created meanwhile', path || '" + child + "'::uuid, time_zone from spaces where id = '" + site + "'");
      creating.commit();
    }
    assertEquals(200, archived.await().status());
    assertEquals(1, TestDatabases.count(server.databaseUrl(), "select count(*) from spaces where id = '" + child + "'"));
  }

  @Test
  void membersCanStillBeRemovedFromAnArchivedSpace() {
    String team = newTeam("Archived with members");
    tree.admin.expect(201, "POST", "/api/spaces/" + team + "/members", new JsonObject().put("userId", tree.member.userId()).put("role", "member"));
    tree.admin.expect(200, "POST", "/api/spaces/" + team + "/archive", null);
    tree.admin.expect(204, "DELETE", "/api/spaces/" + team + "/members/" + tree.member.userId(), null);
    assertEquals("names", tree.member.expect(200, "GET", "/api/spaces/" + team, null).getString("access"));
  }
}

package org.cadre.space;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.cadre.test.ApiClient;
import org.cadre.test.SpaceTree;
import org.cadre.test.TestDatabases;
import org.cadre.test.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.List;

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
  void membersCanStillBeRemovedFromAnArchivedSpace() {
    String team = newTeam("Archived with members");
    tree.admin.expect(201, "POST", "/api/spaces/" + team + "/members", new JsonObject().put("userId", tree.member.userId()).put("role", "member"));
    tree.admin.expect(200, "POST", "/api/spaces/" + team + "/archive", null);
    tree.admin.expect(204, "DELETE", "/api/spaces/" + team + "/members/" + tree.member.userId(), null);
    assertEquals("names", tree.member.expect(200, "GET", "/api/spaces/" + team, null).getString("access"));
  }
}

package org.cadre.space;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.sqlclient.Pool;
import org.cadre.db.Database;
import org.cadre.event.SpaceEvent;
import org.cadre.http.ApiException;
import org.cadre.http.ErrorMessage;
import org.cadre.test.SpaceTree;
import org.cadre.test.TestDatabases;
import org.cadre.test.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The one path of a change, on a pool of one connection so that every change reuses it: what a change leaves behind
 * when it fails at each step, and that the connection goes back out of any transaction.
 */
@ExtendWith(VertxExtension.class)
class SpaceChangesTest {

  private static TestServer server;
  private static SpaceTree tree;
  private static Pool pool;
  private static SpaceChanges changes;
  private static final List<SpaceEvent> fannedOut = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void start(Vertx vertx) {
    server = TestServer.start(vertx, TestDatabases.fresh());
    tree = SpaceTree.build(server, "changes");
    pool = Database.external(server.databaseUrl()).pool(vertx, "single", 1);
    changes = new SpaceChanges(new SpaceRepository(pool), fannedOut::add);
  }

  @AfterAll
  static void stop() {
    pool.close().await();
    server.close();
  }

  private static String nameOf(String space) {
    return tree.admin.expect(200, "GET", "/api/spaces/" + space, null).getString("name");
  }

  private static long seqOf(String space) {
    return TestDatabases.count(server.databaseUrl(), "select seq from spaces where id = '" + space + "'");
  }

  private static Future<SpaceEvent> rename(String space, UUID actor, String name) {
    return changes.change(UUID.fromString(space), actor, null, "space.updated", (tx, locked) ->
      changes.repository().update(tx, locked.id(), name, null).map(updated -> new JsonObject().put("name", updated.name())));
  }

  @Test
  void aCommittedChangeStoresItsWorkAndEventAndFansOutOnce() {
    long before = seqOf(tree.team);
    fannedOut.clear();
    SpaceEvent event = rename(tree.team, UUID.fromString(tree.admin.userId()), "Renamed once").await();
    assertEquals(before + 1, event.seq());
    assertEquals("Renamed once", nameOf(tree.team));
    assertEquals(before + 1, seqOf(tree.team));
    assertEquals(List.of(event.seq()), fannedOut.stream().map(SpaceEvent::seq).toList());
  }

  @Test
  void anAppendThatFailsBehindItsCommitStoresNothingAndLeavesTheConnectionClean() {
    String name = nameOf(tree.site);
    long before = seqOf(tree.site);
    fannedOut.clear();
    // No such user: the event's actor breaks a foreign key, after the rename itself has run.
    assertThrows(RuntimeException.class, () -> rename(tree.site, UUID.randomUUID(), "Never stored").await());
    assertEquals(name, nameOf(tree.site), "the rename before the failed append was rolled back");
    assertEquals(before, seqOf(tree.site));
    assertTrue(fannedOut.isEmpty());
    // The one connection is out of that transaction: the next change commits for real.
    rename(tree.site, UUID.fromString(tree.admin.userId()), name + " again").await();
    assertEquals(name + " again", nameOf(tree.site));
  }

  @Test
  void workThatFailsAfterWritingIsRolledBackBeforeTheConnectionIsReused() {
    String name = nameOf(tree.district);
    String description = descriptionOf(tree.district);
    long before = seqOf(tree.district);
    Future<SpaceEvent> failed = changes.change(UUID.fromString(tree.district), UUID.fromString(tree.admin.userId()), null,
      "space.updated", (tx, locked) -> changes.repository().update(tx, locked.id(), null, "Half done")
        .compose(updated -> Future.failedFuture(ApiException.invalid("name", ErrorMessage.NOT_FOUND_SPACE))));
    assertThrows(ApiException.class, failed::await);
    assertEquals(description, descriptionOf(tree.district));
    assertEquals(before, seqOf(tree.district));
    // Were the connection still in that transaction, this change's commit would store the half-done write too.
    rename(tree.district, UUID.fromString(tree.admin.userId()), name + " kept").await();
    assertEquals(name + " kept", nameOf(tree.district));
    assertEquals(description, descriptionOf(tree.district), "the failed work's write is gone for good");
    assertEquals(before + 1, seqOf(tree.district));
  }

  private static String descriptionOf(String space) {
    return tree.admin.expect(200, "GET", "/api/spaces/" + space, null).getString("description");
  }

  @Test
  void aMissingSpaceFailsAsNotFoundAndTheConnectionStaysUsable() {
    ApiException missing = assertThrows(ApiException.class,
      () -> rename(UUID.randomUUID().toString(), UUID.fromString(tree.admin.userId()), "Nobody").await());
    assertEquals(404, missing.status());
    rename(tree.team, UUID.fromString(tree.admin.userId()), "After a miss").await();
    assertEquals("After a miss", nameOf(tree.team));
  }
}

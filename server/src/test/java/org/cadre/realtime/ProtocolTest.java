package org.cadre.realtime;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.cadre.test.ApiClient;
import org.cadre.test.BusClient;
import org.cadre.test.SpaceTree;
import org.cadre.test.TeamFixture;
import org.cadre.test.TestDatabases;
import org.cadre.test.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The contract of docs/protocol.md, frame by frame. */
@ExtendWith(VertxExtension.class)
class ProtocolTest {

  private static TestServer server;
  private static SpaceTree tree;
  private static TeamFixture team;

  @BeforeAll
  static void start(Vertx vertx) {
    server = TestServer.start(vertx, TestDatabases.fresh());
    tree = SpaceTree.build(server, "pt");
    team = TeamFixture.create(server, tree.site, "pt");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static BusClient bus(ApiClient as) {
    return BusClient.connect(server.vertx(), server.port(), as);
  }

  private static long seqOf(String spaceId) {
    return TestDatabases.count(server.databaseUrl(), "select seq from spaces where id = '" + spaceId + "'");
  }

  private static Future<?> renameAsync(String spaceId, String name) {
    return tree.admin.callAsync("PATCH", "/api/spaces/" + spaceId, new JsonObject().put("description", name));
  }

  /**
   * The seqs of the events the socket received on the address until it has {@code last}, in arrival order,
   * failing when the subscription's frames break the protocol on the way.
   */
  private static List<Long> seqsUntil(BusClient client, String address, long last) {
    List<Long> seqs = new ArrayList<>();
    while (seqs.isEmpty() || seqs.get(seqs.size() - 1) < last) {
      JsonObject body = client.take(f -> address.equals(f.getString("address"))).getJsonObject("body");
      if (body.containsKey("seq") && body.containsKey("payload")) {
        assertNotNull(body.getString("serverTime"), "every event frame says when it was sent");
        seqs.add(body.getLong("seq"));
      }
    }
    return seqs;
  }

  private static List<Long> range(long fromInclusive, long toInclusive) {
    List<Long> seqs = new ArrayList<>();
    for (long s = fromInclusive; s <= toInclusive; s++) {
      seqs.add(s);
    }
    return seqs;
  }

  @Test
  void theFirstFrameOnEverySocketIsHelloWithTheProtocolTheClockAndTheUser() {
    try (BusClient client = bus(tree.member)) {
      JsonObject first = client.take(f -> true);
      assertEquals("rec", first.getString("type"));
      assertEquals("cadre.hello", first.getString("address"));
      JsonObject hello = first.getJsonObject("body");
      assertEquals("hello", hello.getString("type"));
      assertEquals(1, hello.getInteger("protocol"));
      assertEquals(tree.member.userId(), hello.getString("userId"));
      assertNotNull(Instant.parse(hello.getString("serverTime")));
    }
  }

  @Test
  void subscribingWithAfterSeqSendsExactlyTheMissedEventsThenLiveOnesInOrderEvenWhileChangesAreWritten() {
    for (int i = 0; i < 5; i++) {
      renameAsync(tree.site, "Before resuming " + i).await();
    }
    long resumeFrom = seqOf(tree.site) - 3;
    try (BusClient client = bus(tree.observer)) {
      List<Future<?>> writes = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        writes.add(renameAsync(tree.site, "During the resume " + i));
      }
      String address = "space." + tree.site;
      client.register(address, resumeFrom);
      Future.all(writes).await();
      long last = seqOf(tree.site);

      List<JsonObject> frames = new ArrayList<>();
      while (frames.isEmpty() || !frames.get(frames.size() - 1).containsKey("seq")
        || frames.get(frames.size() - 1).getLong("seq") < last || frames.stream().noneMatch(f -> "subscribed".equals(f.getString("type")))) {
        frames.add(client.take(f -> address.equals(f.getString("address"))).getJsonObject("body"));
      }
      List<Long> seqs = frames.stream().filter(f -> f.containsKey("payload")).map(f -> f.getLong("seq")).toList();
      assertEquals(range(resumeFrom + 1, last), seqs, "each missed and live event once, in seq order");
      JsonObject subscribed = frames.stream().filter(f -> "subscribed".equals(f.getString("type"))).findFirst().orElseThrow();
      int at = frames.indexOf(subscribed);
      long confirmedSeq = subscribed.getLong("seq");
      assertNotNull(subscribed.getString("serverTime"));
      assertTrue(frames.subList(0, at).stream().allMatch(f -> f.getLong("seq") <= confirmedSeq),
        "the backlog up to the confirmed seq comes before the confirmation");
      assertTrue(frames.subList(at + 1, frames.size()).stream().allMatch(f -> f.getLong("seq") > confirmedSeq),
        "what follows the confirmation is live");
      assertNull(client.poll(f -> address.equals(f.getString("address"))
        && f.getJsonObject("body").containsKey("payload"), 300), "no event twice");
    }
  }

  @Test
  void subscribingWithoutAfterSeqIsLiveOnlyFromTheSpacesCurrentSeq() {
    renameAsync(tree.site, "Before a live-only subscription").await();
    long now = seqOf(tree.site);
    try (BusClient client = bus(tree.member)) {
      assertEquals(now, client.subscribe("space." + tree.site).getLong("seq"));
      renameAsync(tree.site, "Live").await();
      assertEquals(now + 1, client.next("space." + tree.site).getLong("seq"));
    }
  }

  @Test
  void aBacklogBeyondTheBoundAnswersResyncInsteadOfTheEvents() {
    String space = tree.admin.expect(201, "POST", "/api/spaces/" + tree.district + "/children",
      new JsonObject().put("name", "Busy site").put("kind", "site")).getString("id");
    int extra = SpaceStream.BACKLOG_LIMIT + 5;
    TestDatabases.execute(server.databaseUrl(), "with cur as (select seq from spaces where id = '" + space + "'), "
      + "ins as (insert into events (space_id, seq, type, payload) select '" + space + "', cur.seq + g, 'space.updated', "
      + "'{}'::jsonb from cur, generate_series(1, " + extra + ") g) "
      + "update spaces set seq = seq + " + extra + " where id = '" + space + "'");
    long last = seqOf(space);
    String address = "space." + space;
    try (BusClient client = bus(tree.admin)) {
      client.register(address, 0);
      JsonObject resync = client.take(f -> address.equals(f.getString("address"))).getJsonObject("body");
      assertEquals("resync", resync.getString("type"));
      assertEquals(last, resync.getLong("seq"));
      JsonObject subscribed = client.take(f -> address.equals(f.getString("address"))).getJsonObject("body");
      assertEquals("subscribed", subscribed.getString("type"));
      assertEquals(last, subscribed.getLong("seq"));
      renameAsync(space, "After the resync").await();
      assertEquals(last + 1, client.next(address).getLong("seq"));
    }
    try (BusClient client = bus(tree.admin)) {
      client.register(address, last - 4);
      assertEquals(range(last - 3, last), seqsUntil(client, address, last), "a backlog within the bound is sent");
    }
  }

  /**
   * Finding 10: while a user's rights reload, events waiting on the same cache load used to be delivered last
   * first. The cache is forced to reload while events flow: the change listener drops (every right is stale until
   * it reconnects, then the missed events come in one batch), and the subscribers' own memberships and other
   * users' change on the way. Every socket must still see every seq once, in order.
   */
  @Test
  void everySocketReceivesTheSpacesEventsInSeqOrderWhileTheAccessCacheReloads() {
    String address = "space." + tree.site;
    List<ApiClient> watchers = List.of(tree.lead, tree.member, tree.partner, tree.observer, tree.admin, tree.observer);
    List<BusClient> sockets = new ArrayList<>();
    List<ApiClient> others = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      others.add(server.register("other" + i + ".order@district.test", "Other " + i));
    }
    try {
      for (ApiClient watcher : watchers) {
        BusClient socket = bus(watcher);
        socket.subscribe(address);
        sockets.add(socket);
      }
      long first = seqOf(tree.site) + 1;
      for (int round = 0; round < 3; round++) {
        TestDatabases.execute(server.databaseUrl(), "select pg_terminate_backend(pid) from pg_stat_activity "
          + "where datname = current_database() and query ilike 'LISTEN%'");
        List<Future<?>> writes = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
          writes.add(renameAsync(tree.site, "Round " + round + " change " + i));
        }
        for (ApiClient watcher : List.of(tree.member, tree.observer, tree.partner)) {
          // The watcher's own rights change elsewhere: their cached memberships reload.
          writes.add(tree.admin.callAsync("POST", "/api/spaces/" + tree.sibling + "/members",
            new JsonObject().put("userId", watcher.userId()).put("role", "observer")));
        }
        for (ApiClient other : others) {
          writes.add(tree.admin.callAsync("POST", "/api/spaces/" + tree.site + "/members",
            new JsonObject().put("userId", other.userId()).put("role", "member")));
        }
        Future.all(writes).await();
        List<Future<?>> removals = new ArrayList<>();
        for (ApiClient watcher : List.of(tree.member, tree.observer, tree.partner)) {
          removals.add(tree.admin.callAsync("DELETE", "/api/spaces/" + tree.sibling + "/members/" + watcher.userId(), null));
        }
        for (ApiClient other : others) {
          removals.add(tree.admin.callAsync("DELETE", "/api/spaces/" + tree.site + "/members/" + other.userId(), null));
        }
        for (int i = 0; i < 10; i++) {
          removals.add(renameAsync(tree.site, "Round " + round + " after " + i));
        }
        Future.all(removals).await();
      }
      long last = seqOf(tree.site);
      for (int i = 0; i < sockets.size(); i++) {
        assertEquals(range(first, last), seqsUntil(sockets.get(i), address, last), "socket " + i + " in seq order");
      }
    } finally {
      sockets.forEach(BusClient::close);
    }
  }

  private static JsonObject norm(String text, String commandId) {
    return new JsonObject().put("type", "norm.create").put("spaceId", team.id).put("text", text).put("commandId", commandId);
  }

  @Test
  void aRetriedCommandAnswersItsFirstResultOnAnyServerOverTheBusAndRestAndAppliesOnce() {
    Vertx otherVertx = Vertx.vertx();
    String key = "retry-" + UUID.randomUUID();
    try (TestServer other = TestServer.start(otherVertx, server.databaseUrl());
         BusClient here = bus(team.member);
         BusClient there = BusClient.connect(otherVertx, other.port(), team.member)) {
      JsonObject firstReply = here.ok(norm("Start on time", key));
      assertNotNull(firstReply.getString("serverTime"), "command replies say when they were sent");
      JsonObject retried = there.ok(norm("Start on time", key));
      assertEquals(firstReply.getLong("seq"), retried.getLong("seq"));
      assertEquals(firstReply.getJsonObject("payload"), retried.getJsonObject("payload"));

      var rest = io.vertx.ext.web.client.WebClient.create(otherVertx).post(other.port(), "localhost", team.path("/norms"))
        .putHeader("Cookie", "cadre_session=" + team.member.session())
        .putHeader("Idempotency-Key", key)
        .sendJsonObject(new JsonObject().put("text", "Start on time")).await();
      JsonObject restReply = rest.bodyAsJsonObject();
      assertEquals(firstReply.getLong("seq"), restReply.getLong("seq"), rest.bodyAsString());
      assertNotNull(restReply.getString("serverTime"));
      assertEquals(1, TestDatabases.count(server.databaseUrl(),
        "select count(*) from norms where space_id = '" + team.id + "' and text = 'Start on time'"));
    } finally {
      otherVertx.close().await();
    }
  }

  @Test
  void concurrentDuplicatesOnTwoServersApplyOnceAndAllAnswerTheWinnersResult() {
    Vertx otherVertx = Vertx.vertx();
    String key = "dup-" + UUID.randomUUID();
    try (TestServer other = TestServer.start(otherVertx, server.databaseUrl())) {
      io.vertx.ext.web.client.WebClient web = io.vertx.ext.web.client.WebClient.create(server.vertx());
      List<Future<io.vertx.ext.web.client.HttpResponse<io.vertx.core.buffer.Buffer>>> sent = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        sent.add(web.post(i % 2 == 0 ? server.port() : other.port(), "localhost", team.path("/norms"))
          .putHeader("Cookie", "cadre_session=" + team.member.session())
          .putHeader("Idempotency-Key", key)
          .sendJsonObject(new JsonObject().put("text", "Listen first")));
      }
      Future.all(sent).await();
      Set<Long> seqs = new HashSet<>();
      for (var response : sent) {
        assertEquals(201, response.result().statusCode(), response.result().bodyAsString());
        seqs.add(response.result().bodyAsJsonObject().getLong("seq"));
      }
      assertEquals(1, seqs.size(), "every duplicate answers the same event");
      assertEquals(1, TestDatabases.count(server.databaseUrl(),
        "select count(*) from norms where space_id = '" + team.id + "' and text = 'Listen first'"));
      assertEquals(1, TestDatabases.count(server.databaseUrl(), "select count(*) from events where space_id = '" + team.id
        + "' and type = 'norm.created' and payload->>'text' = 'Listen first'"));
    } finally {
      otherVertx.close().await();
    }
  }

  @Test
  void aKeyReusedForAnotherCommandIsRefusedWithIdempotencyMismatch() {
    String key = "mismatch-" + UUID.randomUUID();
    try (BusClient client = bus(team.member)) {
      client.ok(norm("Assume good intent", key));
      JsonObject reused = client.request(new JsonObject().put("type", "goal.create").put("spaceId", team.id)
        .put("title", "Raise attendance").put("commandId", key));
      assertEquals("err", reused.getString("type"));
      assertEquals(409, reused.getInteger("failureCode"));
      assertEquals("idempotency_mismatch", new JsonObject(reused.getString("message")).getString("code"));
      JsonObject badKey = client.request(norm("Assume good intent", "spaces are not allowed"));
      assertEquals(400, badKey.getInteger("failureCode"));
      assertEquals("commandId", new JsonObject(badKey.getString("message")).getString("field"));
    }
  }

  @Test
  void aRefusedCommandIsAnsweredWithExactlyOneErrorFrame() {
    try (BusClient client = bus(tree.observer)) {
      client.take(f -> "cadre.hello".equals(f.getString("address")));
      JsonObject refused = client.request(new JsonObject().put("type", "norm.create").put("spaceId", team.id).put("text", "x"));
      assertEquals("err", refused.getString("type"));
      assertEquals("RECIPIENT_FAILURE", refused.getString("failureType"));
      assertEquals(403, refused.getInteger("failureCode"));
      JsonObject unknown = client.request(new JsonObject().put("type", "nope").put("spaceId", team.id));
      assertEquals(400, unknown.getInteger("failureCode"));
      client.ok(new JsonObject().put("type", "catchup").put("spaceId", tree.site).put("afterSeq", Long.MAX_VALUE - 1));
      assertEquals(List.of(), client.frames(), "no second frame for a refused command");
    }
  }
}

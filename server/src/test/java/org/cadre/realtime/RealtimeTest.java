package org.cadre.realtime;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import org.cadre.event.EventLog;
import org.cadre.test.BusClient;
import org.cadre.test.SpaceTree;
import org.cadre.test.TestDatabases;
import org.cadre.test.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(VertxExtension.class)
class RealtimeTest {

  private static TestServer server;
  private static SpaceTree tree;

  @BeforeAll
  static void start(Vertx vertx) {
    server = TestServer.start(vertx, TestDatabases.fresh());
    tree = SpaceTree.build(server, "rt");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private BusClient bus(org.cadre.test.ApiClient as) {
    return BusClient.connect(server.vertx(), server.port(), as);
  }

  private void rename(String spaceId, String name) {
    tree.admin.expect(200, "PATCH", "/api/spaces/" + spaceId, new JsonObject().put("name", name));
  }

  /** The site's rename to that name, as the client received it (failing when it does not arrive). */
  private JsonObject renamed(BusClient client, String name) {
    return client.take(f -> "rec".equals(f.getString("type")) && ("space." + tree.site).equals(f.getString("address"))
      && "space.updated".equals(f.getJsonObject("body").getString("type"))
      && name.equals(f.getJsonObject("body").getJsonObject("payload").getString("name")));
  }

  private static JsonObject catchup(String spaceId, long afterSeq) {
    return new JsonObject().put("type", "catchup").put("spaceId", spaceId).put("afterSeq", afterSeq);
  }

  /** Runs {@code test} with the member's bus client on a second server with its own Vert.x: nothing passes between the two but PostgreSQL. */
  private void onAnotherServer(Consumer<BusClient> test) {
    Vertx otherVertx = Vertx.vertx();
    try (TestServer other = TestServer.start(otherVertx, server.databaseUrl());
         BusClient onOther = BusClient.connect(otherVertx, other.port(), tree.member)) {
      test.accept(onOther);
    } finally {
      otherVertx.close().await();
    }
  }

  @Test
  void aChangeMadeThroughOneServerReachesABusSubscriberOfAnother() {
    onAnotherServer(onOther -> {
      onOther.subscribe("space." + tree.site);
      rename(tree.site, "Renamed through the first server");

      JsonObject event = onOther.next("space." + tree.site);
      assertEquals("space.updated", event.getString("type"));
      assertEquals(tree.site, event.getString("space"));
      assertEquals("Renamed through the first server", event.getJsonObject("payload").getString("name"));
      assertEquals(tree.admin.userId(), event.getString("actor"));
      assertTrue(event.getLong("seq") > 0);
      assertNotNull(event.getString("at"));
    });
  }

  @Test
  void manyChangesOnOneServerReachAnotherServersSubscriberInSeqOrder() {
    onAnotherServer(onOther -> {
      onOther.subscribe("space." + tree.site);
      // Sent at once, so that several share one batch of notifications.
      List<CompletableFuture<Void>> sent = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        String name = "Burst " + i;
        sent.add(CompletableFuture.runAsync(() -> rename(tree.site, name)));
      }
      sent.forEach(CompletableFuture::join);
      long previous = -1;
      List<String> names = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        JsonObject event = onOther.next("space." + tree.site);
        if (previous >= 0) {
          assertEquals(previous + 1, event.getLong("seq"), "no gap and no repeat");
        }
        previous = event.getLong("seq");
        names.add(event.getJsonObject("payload").getString("name"));
      }
      assertEquals(40, names.stream().distinct().count(), "every rename arrived once");
    });
  }

  @Test
  void anEventWhoseNotificationWasLostStillReachesTheSubscribersOfEveryServer() {
    Pool pool = PgBuilder.pool().connectingTo(PgConnectOptions.fromUri(server.databaseUrl())).using(server.vertx()).build();
    try (BusClient here = bus(tree.member)) {
      onAnotherServer(onOther -> {
        here.subscribe("space." + tree.site);
        onOther.subscribe("space." + tree.site);
        rename(tree.site, "Announced as usual");
        renamed(here, "Announced as usual");
        renamed(onOther, "Announced as usual");

        // Appended and committed, but handed to no fanout: as if its server died between the commit and the notice.
        pool.withTransaction(tx -> EventLog.append(tx, UUID.fromString(tree.site), "space.updated",
          new JsonObject().put("name", "Never announced"), null)).await();

        renamed(here, "Never announced");
        renamed(onOther, "Never announced");
      });
    } finally {
      pool.close().await();
    }
  }

  @Test
  void catchUpAfterADisconnectAnswersExactlyTheMissedEventsInOrder() {
    long lastSeen;
    try (BusClient first = bus(tree.member)) {
      first.subscribe("space." + tree.site);
      rename(tree.site, "Before the disconnect");
      lastSeen = first.next("space." + tree.site).getLong("seq");
    }
    List<String> missed = List.of("Missed one", "Missed two", "Missed three");
    missed.forEach(name -> rename(tree.site, name));

    try (BusClient again = bus(tree.member)) {
      again.subscribe("space." + tree.site);
      JsonObject reply = again.ok(catchup(tree.site, lastSeen));
      JsonArray events = reply.getJsonArray("events");
      assertEquals(3, events.size(), events::encodePrettily);
      for (int i = 0; i < 3; i++) {
        JsonObject event = events.getJsonObject(i);
        assertEquals(lastSeen + 1 + i, event.getLong("seq"));
        assertEquals(missed.get(i), event.getJsonObject("payload").getString("name"));
      }
      assertEquals(false, reply.getBoolean("more"));
    }
  }

  @Test
  void anEventCarriedInItsNoticeAndOneTooLargeForItArriveAsTheLogHoldsThem() {
    try (BusClient client = bus(tree.admin)) {
      String address = "space." + tree.team;
      client.subscribe(address);
      String big = "Too long for a notification. ".repeat(300); // 8,700 bytes: PostgreSQL's limit is 8,000
      tree.admin.expect(201, "POST", "/api/spaces/" + tree.team + "/action-items", new JsonObject().put("title", "Small"));
      tree.admin.expect(201, "POST", "/api/spaces/" + tree.team + "/action-items",
        new JsonObject().put("title", "Large").put("description", big));
      JsonObject small = client.next(address);
      JsonObject large = client.next(address);
      JsonObject logged = client.ok(catchup(tree.team, small.getLong("seq") - 1));
      for (JsonObject live : List.of(small, large)) {
        JsonObject stored = logged.getJsonArray("events").stream().map(JsonObject.class::cast)
          .filter(e -> e.getLong("seq").equals(live.getLong("seq"))).findFirst().orElseThrow();
        live.remove("serverTime");
        stored.remove("serverTime");
        assertEquals(stored, live);
      }
      assertEquals(big, large.getJsonObject("payload").getString("description"));
      assertEquals(small.getLong("seq") + 1, large.getLong("seq"));
    }
  }

  @Test
  void concurrentChangesReachSubscribersOnceEachInSeqOrder() {
    try (BusClient client = bus(tree.observer)) {
      client.subscribe("space." + tree.site);
      long before = client.ok(catchup(tree.site, 0)).getJsonArray("events").stream()
        .mapToLong(e -> ((JsonObject) e).getLong("seq")).max().orElse(0);
      List<io.vertx.core.Future<?>> writes = new ArrayList<>();
      io.vertx.ext.web.client.WebClient web = io.vertx.ext.web.client.WebClient.create(server.vertx());
      for (int i = 0; i < 20; i++) {
        writes.add(web.patch(server.port(), "localhost", "/api/spaces/" + tree.site)
          .putHeader("Cookie", "cadre_session=" + tree.admin.session())
          .sendJsonObject(new JsonObject().put("description", "Concurrent " + i)));
      }
      io.vertx.core.Future.all(writes).await();
      for (int i = 1; i <= 20; i++) {
        assertEquals(before + i, client.next("space." + tree.site).getLong("seq"));
      }
      // Only events count: a team below the site may announce its metrics there meanwhile.
      assertNull(client.poll(f -> ("space." + tree.site).equals(f.getString("address"))
        && f.getJsonObject("body").containsKey("payload"), 300), "no event twice");
    }
  }

  @Test
  void eventsStillArriveAfterTheChangeListenerLosesItsConnection() {
    try (BusClient client = bus(tree.observer)) {
      client.subscribe("space." + tree.site);
      rename(tree.site, "Before the listener drops");
      client.next("space." + tree.site);

      TestDatabases.execute(server.databaseUrl(), "select pg_terminate_backend(pid) from pg_stat_activity "
        + "where datname = current_database() and query ilike 'LISTEN%'");
      rename(tree.site, "While the listener is down");
      // The notice of this change may be lost with the connection: the relay re-reads the log on reconnecting.
      JsonObject event = client.next("space." + tree.site);
      assertEquals("While the listener is down", event.getJsonObject("payload").getString("name"));
    }
  }

  @Test
  void registeringOnASpaceOrUserAddressTheCallerMayNotReadIsRefused() {
    try (BusClient partner = bus(tree.partner)) {
      partner.register("space." + tree.district);
      JsonObject refused = partner.take(f -> !"cadre.hello".equals(f.getString("address")));
      assertEquals(new JsonObject().put("type", "err").put("address", "space." + tree.district).put("body", "access_denied"), refused);
      partner.register("user." + tree.member.userId());
      assertEquals(new JsonObject().put("type", "err").put("address", "user." + tree.member.userId()).put("body", "access_denied"),
        partner.take(f -> !"cadre.hello".equals(f.getString("address"))));
      partner.subscribe("user." + tree.partner.userId());
      partner.subscribe("space." + tree.site);
      assertNull(partner.poll(f -> "err".equals(f.getString("type")), 300), "one frame per refusal, nothing more");
    }
  }

  @Test
  void aRemovedMemberStopsReceivingTheSpaceAtOnce() {
    org.cadre.test.ApiClient leaving = server.register("leaving@district.test", "Leaving");
    tree.admin.expect(201, "POST", "/api/spaces/" + tree.site + "/members",
      new JsonObject().put("email", "leaving@district.test").put("role", "member"));
    try (BusClient gone = bus(leaving); BusClient staying = bus(tree.observer)) {
      gone.subscribe("space." + tree.site);
      gone.subscribe("user." + leaving.userId());
      staying.subscribe("space." + tree.site);

      tree.lead.expect(204, "DELETE", "/api/spaces/" + tree.site + "/members/" + leaving.userId(), null);
      JsonObject notice = gone.next("user." + leaving.userId());
      assertEquals("access.changed", notice.getString("type"));
      assertEquals(tree.site, notice.getString("spaceId"));

      rename(tree.site, "After the removal");
      JsonObject seen = staying.take(f -> "rec".equals(f.getString("type"))
        && f.getJsonObject("body").getJsonObject("payload", new JsonObject()).containsKey("name")
        && "After the removal".equals(f.getJsonObject("body").getJsonObject("payload").getString("name")));
      assertNotNull(seen);
      JsonObject unsubscribed = gone.next("space." + tree.site);
      assertEquals("unsubscribed", unsubscribed.getString("type"));
      assertEquals("access_revoked", unsubscribed.getString("reason"));
      assertNull(gone.poll(f -> ("space." + tree.site).equals(f.getString("address")), 500),
        "a removed member must not receive the space's events");
      JsonObject refused = gone.request(catchup(tree.site, 0));
      assertEquals("err", refused.getString("type"));
      assertEquals(404, refused.getInteger("failureCode"));
    }
  }

  @Test
  void commandsRunAsTheSessionsUserWhateverHeadersTheClientSends() {
    try (BusClient partner = bus(tree.partner)) {
      JsonObject forged = new JsonObject().put("cadre-user", tree.admin.userId()).put("cadre-access", "MANAGE");
      JsonObject reply = partner.request(catchup(tree.district, 0), forged);
      assertEquals("err", reply.getString("type"));
      assertEquals(404, reply.getInteger("failureCode"));
      assertEquals("not_found", new JsonObject(reply.getString("message")).getString("code"));
    }
  }

  @Test
  void commandsAreValidatedBeforeTheyRun() {
    try (BusClient member = bus(tree.member)) {
      JsonObject unknown = member.request(new JsonObject().put("type", "explode").put("spaceId", tree.site));
      assertEquals(400, unknown.getInteger("failureCode"));
      assertEquals("type", new JsonObject(unknown.getString("message")).getString("field"));
      JsonObject badSpace = member.request(new JsonObject().put("type", "catchup").put("spaceId", "nope"));
      assertEquals("spaceId", new JsonObject(badSpace.getString("message")).getString("field"));
      JsonObject badSeq = member.request(new JsonObject().put("type", "catchup").put("spaceId", tree.site).put("afterSeq", "x"));
      assertEquals(400, badSeq.getInteger("failureCode"));
      assertEquals("afterSeq", new JsonObject(badSeq.getString("message")).getString("field"));
    }
  }

  @Test
  void aConnectionSendingTooManyCommandsIsSlowedDown() {
    try (BusClient member = bus(tree.member)) {
      long limited = member.burst(Collections.nCopies(CommandRate.BURST * 2, catchup(tree.site, Long.MAX_VALUE - 1))).stream()
        .filter(reply -> Integer.valueOf(429).equals(reply.getInteger("failureCode")))
        .count();
      assertTrue(limited > 0, "a burst beyond the limit must be refused in part");
    }
  }

  @Test
  void aSocketWithoutASessionOrTokenIsRefused() {
    assertThrows(Exception.class, () -> BusClient.connect(server.vertx(), server.port(), null, null));
    assertThrows(Exception.class, () -> BusClient.connect(server.vertx(), server.port(), "Cookie", "cadre_session=forged"));
    assertThrows(Exception.class, () -> BusClient.connect(server.vertx(), server.port(), "Authorization", "Bearer forged"));
  }

  @Test
  void loggingOutClosesTheConnectionsOpenedWithThatSessionOnly() {
    org.cadre.test.ApiClient laptop = server.anonymous().login("observer.rt@district.test", "password-observer.rt@district.test");
    try (BusClient onLaptop = bus(laptop); BusClient elsewhere = bus(tree.observer)) {
      onLaptop.subscribe("space." + tree.site);
      elsewhere.subscribe("space." + tree.site);
      laptop.expect(204, "POST", "/api/auth/logout", null);
      assertNull(onLaptop.poll(f -> false, 5_000));
      assertTrue(onLaptop.isClosed(), "the logged-out session's socket is closed");
      assertTrue(!elsewhere.isClosed(), "another session of the same user stays open");
    }
  }

  @Test
  void aSocketWhoseSessionVanishedWhileTheListenerWasDownIsClosedOnReconnect() {
    org.cadre.test.ApiClient phone = server.anonymous().login("member.rt@district.test", "password-member.rt@district.test");
    try (BusClient onPhone = bus(phone)) {
      onPhone.subscribe("space." + tree.site);
      TestDatabases.execute(server.databaseUrl(), "select pg_terminate_backend(pid) from pg_stat_activity "
        + "where datname = current_database() and query ilike 'LISTEN%'");
      // Deleted behind the server's back: no notice is ever sent for it.
      TestDatabases.execute(server.databaseUrl(), "delete from sessions where token_hash = sha256(convert_to('"
        + phone.session() + "', 'UTF8'))");
      onPhone.poll(f -> false, 8_000);
      assertTrue(onPhone.isClosed(), "the re-check after reconnecting closes it");
    }
  }

  @Test
  void deletingATokenClosesTheConnectionsOpenedWithIt() {
    JsonObject created = tree.member.expect(201, "POST", "/api/me/tokens", new JsonObject().put("name", "to revoke"));
    try (BusClient client = BusClient.connect(server.vertx(), server.port(), "Authorization", "Bearer " + created.getString("token"))) {
      client.subscribe("space." + tree.site);
      tree.member.expect(204, "DELETE", "/api/me/tokens/" + created.getString("id"), null);
      client.poll(f -> false, 5_000);
      assertTrue(client.isClosed());
    }
  }

  @Test
  void anExpiredTokenIsRefusedAndTheRecheckClosesItsConnections() {
    JsonObject created = tree.member.expect(201, "POST", "/api/me/tokens",
      new JsonObject().put("name", "short-lived").put("expiresAt", java.time.Instant.now().plus(java.time.Duration.ofDays(1)).toString()));
    String token = created.getString("token");
    try (BusClient client = BusClient.connect(server.vertx(), server.port(), "Authorization", "Bearer " + token)) {
      client.subscribe("space." + tree.site);
      TestDatabases.execute(server.databaseUrl(), "update api_tokens set expires_at = now() - interval '1 second' where id = '"
        + created.getString("id") + "'");
      server.vertx().eventBus().publish(Addresses.CREDENTIALS_RECHECK, null);
      client.poll(f -> false, 5_000);
      assertTrue(client.isClosed(), "the periodic re-check closes a connection whose token has expired");
    }
    org.cadre.test.ApiClient.Response refused = tree.member.withToken(token).get("/api/me");
    assertEquals(401, refused.status());
    assertEquals("invalid_token", refused.error().getString("code"));
  }

  @Test
  void changingThePasswordEndsTheOtherSessionsAndTheirConnections() {
    String email = "pw.rt@district.test";
    org.cadre.test.ApiClient here = server.register(email, "Password Changer");
    org.cadre.test.ApiClient there = server.anonymous().login(email, "password-" + email);
    try (BusClient onHere = bus(here); BusClient onThere = bus(there)) {
      onHere.register("user." + here.userId());
      onThere.register("user." + there.userId());
      here.expect(204, "POST", "/api/me/password",
        new JsonObject().put("currentPassword", "password-" + email).put("newPassword", "a brand new password"));
      onThere.poll(f -> false, 5_000);
      assertTrue(onThere.isClosed(), "the other session's socket is closed");
      assertTrue(!onHere.isClosed(), "the session that changed the password stays");
    }
    assertEquals(401, there.get("/api/me").status());
    assertEquals(200, here.get("/api/me").status());
    assertEquals(401, server.anonymous().call("POST", "/api/auth/login",
      new JsonObject().put("email", email).put("password", "password-" + email)).status());
    server.anonymous().login(email, "a brand new password");
  }

  @Test
  void anApiTokenOpensTheBusToo() {
    String token = tree.member.expect(201, "POST", "/api/me/tokens", new JsonObject().put("name", "bus")).getString("token");
    try (BusClient client = BusClient.connect(server.vertx(), server.port(), "Authorization", "Bearer " + token)) {
      client.subscribe("space." + tree.site);
      assertNotNull(client.ok(catchup(tree.site, 0)).getJsonArray("events"));
    }
    assertNotNull(UUID.fromString(tree.member.userId()));
  }
}

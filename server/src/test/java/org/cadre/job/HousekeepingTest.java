package org.cadre.job;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.sqlclient.Pool;
import org.cadre.account.AccountHousekeeping;
import org.cadre.account.AccountRepository;
import org.cadre.db.Database;
import org.cadre.space.InvitationHousekeeping;
import org.cadre.space.SpaceRepository;
import org.cadre.test.ApiClient;
import org.cadre.test.TestDatabases;
import org.cadre.test.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The housekeeping jobs purge exactly what can no longer be used (past its grace, where it has one) and keep the
 * rest; every server deploys them, and one run per period serves them all.
 */
@ExtendWith(VertxExtension.class)
class HousekeepingTest {

  private static final String JOBS_DONE = "select count(*) from jobs where name in ('account.housekeeping', "
    + "'space.invitation-housekeeping') and finished_at is not null";

  @Test
  void purgesWhatRanOutKeepsTheRestAndRunsOncePerPeriodAcrossServers(Vertx vertx) throws Exception {
    String url = TestDatabases.fresh();
    try (TestServer first = TestServer.start(vertx, url)) {
      awaitCount(url, JOBS_DONE, 2);
      ApiClient owner = first.register("keeper@school.test", "Keeper");
      String user = owner.userId();
      String network = first.admin().expect(201, "POST", "/api/spaces",
        new JsonObject().put("name", "Housekept").put("kind", "network")).getString("id");
      String admin = first.admin().userId();
      seed(url, user, network, admin);

      try (TestServer second = TestServer.start(vertx, url)) {
        Thread.sleep(500);
        assertEquals(1, TestDatabases.count(url, "select count(*) from sessions where user_id = '" + user
          + "' and expires_at < now()"), "a second server starting within the period runs no purge of its own");
        assertEquals(1, TestDatabases.count(url, "select count(distinct started_by) from jobs"));
      }

      Pool pool = Database.external(url).pool(vertx, 2);
      AccountRepository.Purged purged = new AccountHousekeeping(new AccountRepository(pool)).run().await();
      assertEquals(new AccountRepository.Purged(1, 1, 1, 1, 1), purged);
      assertEquals(3, new InvitationHousekeeping(new SpaceRepository(pool)).run().await());
      pool.close().await();

      assertEquals(0, TestDatabases.count(url, "select count(*) from sessions where expires_at <= now()"));
      assertEquals(2, TestDatabases.count(url, "select count(*) from sessions where user_id = '" + user + "'"),
        "the live session seeded and the one registering opened");
      assertEquals(List.of("test:recent"), labels(url, "select key from login_failures where key like 'test:%' order by key"));
      assertEquals(List.of("live"), labels(url, "select next_path from oidc_states order by next_path"));
      assertEquals(1, TestDatabases.count(url, "select count(*) from password_resets where expires_at > now()"));
      assertEquals(0, TestDatabases.count(url, "select count(*) from password_resets where expires_at <= now()"));
      assertEquals(List.of("expired yesterday", "for a year", "forever"),
        labels(url, "select name from api_tokens order by name"));
      assertEquals(List.of("expired yesterday", "open, used long ago", "revoked yesterday", "used up yesterday"),
        labels(url, "select convert_from(token_hash, 'UTF8') from invitations order by 1"));
      assertEquals(200, owner.get("/api/me").status(), "the caller's own session outlives the purge");
    }
  }

  @Test
  void acceptingAnInvitationStampsItsLastUse(Vertx vertx) {
    try (TestServer server = TestServer.start(vertx, TestDatabases.fresh())) {
      ApiClient admin = server.admin();
      String network = admin.expect(201, "POST", "/api/spaces",
        new JsonObject().put("name", "Invited").put("kind", "network")).getString("id");
      String token = admin.expect(201, "POST", "/api/spaces/" + network + "/invitations",
        new JsonObject().put("role", "observer")).getString("token");
      String unused = "select count(*) from invitations where last_used_at is null";
      assertEquals(1, TestDatabases.count(server.databaseUrl(), unused));
      server.register("joiner@school.test", "Joiner").expect(200, "POST", "/api/invitations/" + token + "/accept", null);
      assertEquals(0, TestDatabases.count(server.databaseUrl(), unused));
    }
  }

  /** Each row is labelled by a text column (invitations by their token, which is otherwise a digest). */
  private static void seed(String url, String user, String network, String admin) {
    TestDatabases.execute(url, "insert into sessions (token_hash, user_id, expires_at) values "
      + "(sha256('s1'), '" + user + "', now() - interval '1 second'), "
      + "(sha256('s2'), '" + user + "', now() + interval '1 day')");
    TestDatabases.execute(url, "insert into password_resets (token_hash, user_id, expires_at) values "
      + "(sha256('r1'), '" + user + "', now() - interval '1 second'), (sha256('r2'), '" + user + "', now() + interval '1 hour')");
    TestDatabases.execute(url, "insert into login_failures (key, failures, window_start) values "
      + "('test:lapsed', 4, now() - interval '16 minutes'), ('test:recent', 4, now() - interval '14 minutes')");
    TestDatabases.execute(url, "insert into oidc_states (state_hash, provider, nonce, code_verifier, next_path, expires_at) values "
      + "(sha256('o1'), 'p', 'n', 'v', 'expired', now() - interval '1 second'), "
      + "(sha256('o2'), 'p', 'n', 'v', 'live', now() + interval '5 minutes')");
    TestDatabases.execute(url, "insert into api_tokens (user_id, name, token_hash, expires_at) values "
      + "('" + user + "', 'expired long ago', sha256('t1'), now() - interval '31 days'), "
      + "('" + user + "', 'expired yesterday', sha256('t2'), now() - interval '1 day'), "
      + "('" + user + "', 'for a year', sha256('t3'), now() + interval '365 days'), "
      + "('" + user + "', 'forever', sha256('t4'), null)");
    String invitation = "insert into invitations (space_id, token_hash, role, expires_at, max_uses, uses, revoked_at, "
      + "last_used_at, created_by, created_at) values ";
    String row = "('" + network + "', convert_to('%s', 'UTF8'), 'member', now() + interval '%s', %d, %d, %s, %s, '"
      + admin + "', now() - interval '%s')";
    List<String> rows = List.of(
      String.format(row, "expired long ago", "-31 days", 1, 0, "null", "null", "60 days"),
      String.format(row, "expired yesterday", "-1 day", 1, 0, "null", "null", "60 days"),
      String.format(row, "revoked long ago", "10 days", 1, 0, "now() - interval '31 days'", "null", "60 days"),
      String.format(row, "revoked yesterday", "10 days", 1, 0, "now() - interval '1 day'", "null", "60 days"),
      String.format(row, "used up long ago", "10 days", 2, 2, "null", "now() - interval '31 days'", "60 days"),
      String.format(row, "used up yesterday", "10 days", 2, 2, "null", "now() - interval '1 day'", "60 days"),
      String.format(row, "open, used long ago", "10 days", 2, 1, "null", "now() - interval '31 days'", "60 days"));
    TestDatabases.execute(url, invitation + String.join(", ", rows));
  }

  private static List<String> labels(String url, String sql) throws Exception {
    List<String> out = new ArrayList<>();
    try (var conn = TestDatabases.jdbc(url); Statement st = conn.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }

  private static void awaitCount(String url, String sql, long expected) throws InterruptedException {
    for (int i = 0; i < 100 && TestDatabases.count(url, sql) != expected; i++) {
      Thread.sleep(50);
    }
    assertEquals(expected, TestDatabases.count(url, sql), sql);
  }
}

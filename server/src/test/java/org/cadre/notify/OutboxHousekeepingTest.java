package org.cadre.notify;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.sqlclient.Pool;
import org.cadre.db.Database;
import org.cadre.test.TestDatabases;
import org.cadre.test.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Sent mail leaves the outbox after a month, but never while its meeting is still ahead. */
@ExtendWith(VertxExtension.class)
class OutboxHousekeepingTest {

  @Test
  void mailDoneAMonthAgoIsPurgedExceptForAMeetingStillAheadAndMailNotDoneStays(Vertx vertx) {
    String url = TestDatabases.fresh();
    try (TestServer server = TestServer.start(vertx, url)) {
      String network = server.admin().expect(201, "POST", "/api/spaces", new JsonObject().put("name", "Outbox")
        .put("kind", "network")).getString("id");
      String team = server.admin().expect(201, "POST", "/api/spaces/" + network + "/children",
        new JsonObject().put("name", "Outbox team").put("kind", "team")).getString("id");
      UUID ahead = UUID.randomUUID();
      UUID past = UUID.randomUUID();
      TestDatabases.execute(url, "insert into meetings (id, space_id, title, starts_at, ends_at) values "
        + "('" + ahead + "', '" + team + "', 'Far ahead', now() + interval '60 days', now() + interval '60 days 1 hour'), "
        + "('" + past + "', '" + team + "', 'Long past', now() - interval '60 days', now() - interval '60 days' + interval '1 hour')");
      insert(url, "sent long ago, meeting past", past, "now() - interval '31 days'", null);
      insert(url, "sent long ago, meeting ahead", ahead, "now() - interval '31 days'", null);
      insert(url, "failed long ago", UUID.randomUUID(), null, "now() - interval '31 days'");
      insert(url, "sent last week", UUID.randomUUID(), "now() - interval '7 days'", null);
      insert(url, "never sent", UUID.randomUUID(), null, null);

      Pool pool = Database.external(url).pool(vertx, 1);
      assertEquals(2, new NotifyRepository(pool).purgeDone(MailJobs.KEPT).await());
      pool.close().await();
      assertEquals(List.of("never sent", "sent last week", "sent long ago, meeting ahead"), titles(url));
    }
  }

  private static void insert(String url, String title, UUID subject, String sentAt, String failedAt) {
    TestDatabases.execute(url, "insert into mail_outbox (kind, subject_id, recipient, occasion, to_address, title, text_body, "
      + "html_body, sent_at, failed_at) values ('reminder', '" + subject + "', 'someone', '" + title + "', 'a@b.test', '"
      + title + "', '', '', " + sentAt + ", " + failedAt + ")");
  }

  private static List<String> titles(String url) {
    List<String> titles = new java.util.ArrayList<>();
    try (var db = TestDatabases.jdbc(url); var rows = db.createStatement().executeQuery("select title from mail_outbox order by title")) {
      while (rows.next()) {
        titles.add(rows.getString(1));
      }
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
    return titles;
  }
}

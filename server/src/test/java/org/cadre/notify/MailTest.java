package org.cadre.notify;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.cadre.test.ApiClient;
import org.cadre.test.TeamFixture;
import org.cadre.test.TestDatabases;
import org.cadre.test.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Email through a real SMTP server (GreenMail): what is sent, to whom, in which language, and only once. */
@ExtendWith(VertxExtension.class)
class MailTest {

  private static final Duration CHECK = Duration.ofMillis(200);

  private GreenMail smtp;

  @BeforeEach
  void startSmtp() {
    smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    smtp.start();
  }

  @AfterEach
  void stopSmtp() {
    smtp.stop();
  }

  private MailSettings settings() {
    return new MailSettings("localhost", smtp.getSmtp().getPort(), null, null, "disabled", "Cadre <cadre@district.test>");
  }

  private TestServer server(Vertx vertx, String url, PrometheusMeterRegistry meters) {
    return TestServer.withMail(vertx, url, settings(), CHECK, meters);
  }

  /** A message's plain-text and HTML parts. */
  private record Parts(String text, String html) {
  }

  private static Parts parts(MimeMessage message) throws Exception {
    String text = null;
    String html = null;
    MimeMultipart multipart = (MimeMultipart) message.getContent();
    for (int i = 0; i < multipart.getCount(); i++) {
      BodyPart part = multipart.getBodyPart(i);
      if (part.isMimeType("text/plain")) {
        text = (String) part.getContent();
      } else if (part.isMimeType("text/html")) {
        html = (String) part.getContent();
      }
    }
    assertNotNull(text, "a plain-text part");
    assertNotNull(html, "an HTML part");
    return new Parts(text, html);
  }

  /** The message's first recipient; unchecked, so streams of messages can map and filter by it. */
  private static String to(MimeMessage message) {
    try {
      return message.getRecipients(Message.RecipientType.TO)[0].toString();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String from(MimeMessage message) {
    try {
      return message.getFrom()[0].toString();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String group(String text, String regex) {
    Matcher m = Pattern.compile(regex).matcher(text);
    assertTrue(m.find(), "expected " + regex + " in:\n" + text);
    return m.group(1);
  }

  /** The received messages whose subject starts so, by recipient. */
  private List<MimeMessage> received(String subjectStart) throws Exception {
    List<MimeMessage> out = new ArrayList<>();
    for (MimeMessage m : smtp.getReceivedMessages()) {
      if (m.getSubject().startsWith(subjectStart)) {
        out.add(m);
      }
    }
    return out;
  }

  private List<MimeMessage> await(String subjectStart, int count) throws Exception {
    long until = System.currentTimeMillis() + 15_000;
    while (received(subjectStart).size() < count && System.currentTimeMillis() < until) {
      Thread.sleep(50);
    }
    return received(subjectStart);
  }

  private static Map<String, Integer> byRecipient(List<MimeMessage> messages) {
    Map<String, Integer> out = new TreeMap<>();
    for (MimeMessage m : messages) {
      out.merge(to(m), 1, Integer::sum);
    }
    return out;
  }

  @Test
  void anInvitationIsMailedInTheInvitersLanguageWithAWorkingLink(Vertx vertx) throws Exception {
    String url = TestDatabases.fresh();
    try (TestServer server = server(vertx, url, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT))) {
      ApiClient admin = server.admin();
      String network = admin.expect(201, "POST", "/api/spaces", new JsonObject().put("name", "Red <Norte> & Sur")
        .put("kind", "network")).getString("id");
      JsonObject created = admin.expect(201, "POST", "/api/spaces/" + network + "/invitations?lang=es",
        new JsonObject().put("role", "member").put("email", "Nueva@School.test"));
      assertEquals(true, created.getBoolean("emailed"));

      List<MimeMessage> mail = await("", 1);
      assertEquals(1, mail.size());
      MimeMessage message = mail.get(0);
      assertEquals("nueva@school.test", to(message));
      assertEquals("Administrator te invitó a Red <Norte> & Sur en Cadre", message.getSubject());
      Parts parts = parts(message);
      String link = "http://localhost:" + server.port() + "/join/" + created.getString("token");
      assertTrue(parts.text().contains("como miembro"), parts.text());
      assertTrue(parts.text().contains("(UTC)"), "the expiry in the space's zone: " + parts.text());
      assertTrue(parts.text().contains(link), parts.text());
      assertTrue(parts.html().contains("<html lang=\"es\">"), parts.html());
      assertTrue(parts.html().contains("Red &lt;Norte&gt; &amp; Sur"), "the space's name is escaped: " + parts.html());
      assertFalse(parts.html().contains("<Norte>"));
      assertTrue(parts.html().contains("href=\"" + link + "\""));

      ApiClient invitee = server.register("nueva@school.test", "Nueva");
      String token = group(parts.text(), "/join/(\\S+)");
      assertEquals(true, invitee.expect(200, "POST", "/api/invitations/" + token + "/accept", null).getBoolean("joined"));
    }
  }

  @Test
  void withoutAnSmtpServerEmailIsOffAndSaysSo(Vertx vertx) {
    try (TestServer server = TestServer.start(vertx, TestDatabases.fresh())) {
      ApiClient admin = server.admin();
      assertEquals(false, server.anonymous().get("/api/mail").json().getBoolean("enabled"));
      assertEquals(false, admin.get("/api/me/notifications").json().getBoolean("enabled"));
      String network = admin.expect(201, "POST", "/api/spaces", new JsonObject().put("name", "Quiet")
        .put("kind", "network")).getString("id");
      ApiClient.Response invite = admin.call("POST", "/api/spaces/" + network + "/invitations",
        new JsonObject().put("role", "member").put("email", "someone@school.test"));
      assertEquals(409, invite.status());
      assertEquals("mail_off", invite.error().getString("code"));
      ApiClient.Response reset = server.anonymous().call("POST", "/api/auth/password-reset",
        new JsonObject().put("email", TestServer.ADMIN_EMAIL));
      assertEquals(409, reset.status());
      assertEquals("mail_off", reset.error().getString("code"));
      assertEquals(0, TestDatabases.count(server.databaseUrl(), "select count(*) from mail_outbox"));
    }
  }

  @Test
  void aResetLinkWorksOnceBeforeItExpiresAndSignsTheUserOutEverywhere(Vertx vertx) throws Exception {
    String url = TestDatabases.fresh();
    try (TestServer server = server(vertx, url, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT))) {
      ApiClient user = server.register("forgetful@school.test", "Forgetful");
      user.expect(200, "PATCH", "/api/me", new JsonObject().put("language", "es"));
      ApiClient anonymous = server.anonymous();
      // The same answer whether or not an account has the email.
      assertEquals(202, anonymous.call("POST", "/api/auth/password-reset", new JsonObject().put("email", "nobody@school.test")).status());
      assertEquals(202, anonymous.call("POST", "/api/auth/password-reset", new JsonObject().put("email", "Forgetful@school.test")).status());

      List<MimeMessage> mail = await("", 1);
      Thread.sleep(300);
      mail = received("");
      assertEquals(1, mail.size(), "nothing goes to an address without an account");
      assertEquals("forgetful@school.test", to(mail.get(0)));
      assertEquals("Elige una contraseña nueva para Cadre", mail.get(0).getSubject(), "in the language the user chose");
      Parts parts = parts(mail.get(0));
      assertTrue(parts.text().startsWith("Hola, Forgetful:"), parts.text());
      String token = java.net.URLDecoder.decode(group(parts.text(), "/reset-password\\?token=(\\S+)"), java.nio.charset.StandardCharsets.UTF_8);
      assertTrue(parts.html().contains("/reset-password?token="));
      assertEquals(1, TestDatabases.count(url, "select count(*) from password_resets where token_hash = sha256('"
        + token + "'::bytea)"), "only the digest is stored");

      assertEquals(400, anonymous.call("POST", "/api/auth/password-reset/confirm",
        new JsonObject().put("token", token).put("newPassword", "short")).status());
      assertEquals(204, anonymous.call("POST", "/api/auth/password-reset/confirm",
        new JsonObject().put("token", token).put("newPassword", "a-brand-new-password")).status());
      assertEquals(401, user.get("/api/me").status(), "the old session ended");
      server.anonymous().login("forgetful@school.test", "a-brand-new-password");
      ApiClient.Response again = anonymous.call("POST", "/api/auth/password-reset/confirm",
        new JsonObject().put("token", token).put("newPassword", "another-new-password"));
      assertEquals(400, again.status(), "a link works once");
      assertEquals("token", again.error().getString("field"));

      // A second link, lapsed.
      assertEquals(202, anonymous.call("POST", "/api/auth/password-reset", new JsonObject().put("email", "forgetful@school.test")).status());
      List<MimeMessage> second = await("", 2);
      String lapsed = java.net.URLDecoder.decode(group(parts(second.get(1)).text(), "/reset-password\\?token=(\\S+)"),
        java.nio.charset.StandardCharsets.UTF_8);
      TestDatabases.execute(url, "update password_resets set expires_at = now() - interval '1 second'");
      assertEquals(400, anonymous.call("POST", "/api/auth/password-reset/confirm",
        new JsonObject().put("token", lapsed).put("newPassword", "another-new-password")).status(), "an expired link");
      server.anonymous().login("forgetful@school.test", "a-brand-new-password");

      // Asking too often is refused like logging in too often.
      int status = 202;
      for (int i = 0; i < 3 && status == 202; i++) {
        status = anonymous.call("POST", "/api/auth/password-reset", new JsonObject().put("email", "forgetful@school.test")).status();
      }
      assertEquals(429, status);
    }
  }

  @Test
  void twoServersSendEachReminderDueItemAndDigestOnceToThoseWhoTakeIt(Vertx vertx) throws Exception {
    String url = TestDatabases.fresh();
    PrometheusMeterRegistry metersA = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    PrometheusMeterRegistry metersB = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    try (TestServer a = server(vertx, url, metersA); TestServer b = server(vertx, url, metersB)) {
      ApiClient admin = a.admin();
      String network = admin.expect(201, "POST", "/api/spaces", new JsonObject().put("name", "Mail network")
        .put("kind", "network")).getString("id");
      TeamFixture team = TeamFixture.create(a, network, "mail");
      // The member reads Spanish and takes no meeting mail.
      team.member.expect(200, "PATCH", "/api/me", new JsonObject().put("language", "es"));
      JsonObject off = team.member.expect(200, "PATCH", "/api/me/notifications", new JsonObject().put("meetings", false));
      assertEquals(false, off.getJsonObject("settings").getBoolean("meetings"));
      assertEquals(true, off.getJsonObject("settings").getBoolean("digest"));

      Instant startsAt = Instant.now().plus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MINUTES);
      team.run(team.lead, "POST", "/meetings", new JsonObject().put("title", "Data review").put("startsAt", startsAt.toString())
        .put("location", "Room 12"));
      LocalDate today = LocalDate.now(ZoneOffset.UTC);
      team.run(team.lead, "POST", "/action-items", new JsonObject().put("title", "Call families")
        .put("ownerId", team.member.userId()).put("dueDate", today.plusDays(1).toString()));
      team.run(team.lead, "POST", "/action-items", new JsonObject().put("title", "Print the <survey>")
        .put("ownerId", team.lead.userId()).put("dueDate", today.minusDays(1).toString()));

      // Everyone taking part but the member: the administrator (the team's first lead), the lead and the partner.
      List<MimeMessage> reminders = await("Reminder: Data review", 3);
      List<MimeMessage> due = await("Vence el", 1);
      List<MimeMessage> overdue = await("Overdue: Print the <survey>", 1);
      List<MimeMessage> digests = await("", 3 + 1 + 1 + 5);
      Thread.sleep(1_500); // several more runs of every scan on both servers
      reminders = received("Reminder: Data review");
      assertEquals(Map.of(TestServer.ADMIN_EMAIL, 1, "lead.board.mail@district.test", 1,
        "partner.board.mail@partner-college.test", 1), byRecipient(reminders));
      assertEquals(Map.of("member.board.mail@district.test", 1), byRecipient(received("Vence el")));
      assertEquals(Map.of("lead.board.mail@district.test", 1), byRecipient(received("Overdue: Print the <survey>")));
      Map<String, Integer> digestsTo = byRecipient(received("Your week in Cadre"));
      digestsTo.putAll(byRecipient(received("Tu semana en Cadre")));
      assertEquals(Map.of(TestServer.ADMIN_EMAIL, 1, "lead.board.mail@district.test", 1, "member.board.mail@district.test", 1,
        "partner.board.mail@partner-college.test", 1, "observer.board.mail@district.test", 1), digestsTo);
      assertEquals(0, received("Recordatorio").size(), "the member turned meeting mail off");
      assertEquals(1, TestDatabases.count(url, "select count(*) from events where type = 'meeting.reminder-sent' "
        + "and actor_id is null"), "the meeting is marked reminded once, by Cadre, as the culture score counts it");
      assertEquals(1, TestDatabases.count(url, "select count(*) from meetings where reminder_sent_at is not null"));

      Parts reminder = parts(reminders.get(0));
      assertTrue(reminder.text().contains("Board team mail meets for Data review on "), reminder.text());
      assertTrue(reminder.text().contains("Where: Room 12"), reminder.text());
      assertTrue(reminder.text().contains("/spaces/" + team.id + "/meetings/"), reminder.text());
      Parts spanish = parts(received("Vence el").get(0));
      assertTrue(spanish.text().startsWith("Hola, Member mail:"), spanish.text());
      assertTrue(spanish.text().contains("Tu tarea «Call families» de Board team mail vence el"), spanish.text());
      assertTrue(spanish.html().contains("<html lang=\"es\">"));
      assertTrue(parts(received("Overdue: Print the <survey>").get(0)).html().contains("Print the &lt;survey&gt;"));
      int total = smtp.getReceivedMessages().length;
      double sent = metersA.get("cadre.mail.sent").counter().count() + metersB.get("cadre.mail.sent").counter().count();
      assertEquals(total, (int) sent, "every message counted once, by the server that sent it");
      assertEquals(total, TestDatabases.count(url, "select count(*) from mail_outbox where sent_at is not null"));

      // A new week (its digests forgotten): each gets one more, with what is open now.
      TestDatabases.execute(url, "delete from mail_outbox where kind = 'digest'");
      long until = System.currentTimeMillis() + 15_000;
      while (received("Your week in Cadre").size() + received("Tu semana en Cadre").size() < 2 * 5
        && System.currentTimeMillis() < until) {
        Thread.sleep(50);
      }
      Thread.sleep(500);
      assertEquals(2 * 5, received("Your week in Cadre").size() + received("Tu semana en Cadre").size());
      List<MimeMessage> memberDigests = received("Tu semana en Cadre");
      assertEquals(List.of("member.board.mail@district.test"), memberDigests.stream().map(MailTest::to).distinct().toList(), "only the member reads Spanish (their first may predate their choice)");
      Parts memberDigest = parts(memberDigests.get(memberDigests.size() - 1));
      assertTrue(memberDigest.text().contains("- Call families (Board team mail, vence el"), memberDigest.text());
      assertTrue(memberDigest.text().contains("- Data review (Board team mail): "), memberDigest.text());
      assertTrue(memberDigest.html().contains("<li>Call families (Board team mail, vence el"), memberDigest.html());

      // The partner's one-click link turns meeting mail off without signing in; a forged one does nothing.
      MimeMessage partnerReminder = reminders.stream().filter(m -> to(m).startsWith("partner.")).findFirst().orElseThrow();
      String header = partnerReminder.getHeader("List-Unsubscribe")[0];
      String token = java.net.URLDecoder.decode(group(header, "unsubscribe\\?token=([^>]+)>"), java.nio.charset.StandardCharsets.UTF_8);
      assertTrue(parts(partnerReminder).text().contains("Stop meeting emails: "), "the link is in the text too");
      String forged = token.substring(0, token.lastIndexOf('.') + 1) + "AAAA" + token.substring(token.lastIndexOf('.') + 5);
      ApiClient.Response refused = b.anonymous().call("POST", "/api/mail/unsubscribe", new JsonObject().put("token", forged));
      assertEquals(400, refused.status());
      String otherUser = token.replaceFirst("^[^.]+", java.util.Base64.getUrlEncoder().withoutPadding()
        .encodeToString(new byte[16]));
      assertEquals(400, b.anonymous().call("POST", "/api/mail/unsubscribe", new JsonObject().put("token", otherUser)).status());
      assertEquals("List-Unsubscribe=One-Click", partnerReminder.getHeader("List-Unsubscribe-Post")[0]);
      // A mail app's one-click button (RFC 8058) posts a form to the header's link; anything else is refused.
      WebClient mailApp = WebClient.create(b.vertx());
      String link = "/unsubscribe?token=" + java.net.URLEncoder.encode(token, java.nio.charset.StandardCharsets.UTF_8);
      assertEquals(400, mailApp.post(b.port(), "localhost", link)
        .sendForm(MultiMap.caseInsensitiveMultiMap().add("List-Unsubscribe", "Maybe")).await().statusCode());
      assertEquals(true, team.partner.get("/api/me/notifications").json().getJsonObject("settings").getBoolean("meetings"));
      HttpResponse<Buffer> clicked = mailApp.post(b.port(), "localhost", link)
        .sendForm(MultiMap.caseInsensitiveMultiMap().add("List-Unsubscribe", "One-Click")).await();
      assertEquals(200, clicked.statusCode(), clicked.bodyAsString());
      assertEquals("meetings", clicked.bodyAsJsonObject().getString("category"));
      assertEquals("meetings", b.anonymous().expect(200, "POST", "/api/mail/unsubscribe",
        new JsonObject().put("token", token)).getString("category"), "the page's link works too, and again");
      assertEquals(new JsonObject().put("meetings", false).put("actions", true).put("digest", true),
        team.partner.get("/api/me/notifications").json().getJsonObject("settings"));

      // A meeting moved to another time is a new occasion: reminded again, but not the partner any more.
      TestDatabases.execute(url, "update meetings set starts_at = starts_at + interval '1 hour', ends_at = ends_at + interval '1 hour'");
      await("Reminder: Data review", 5);
      Thread.sleep(1_000);
      assertEquals(Map.of(TestServer.ADMIN_EMAIL, 2, "lead.board.mail@district.test", 2,
        "partner.board.mail@partner-college.test", 1), byRecipient(received("Reminder: Data review")));
      assertTrue(Arrays.stream(smtp.getReceivedMessages()).allMatch(m -> from(m).equals("Cadre <cadre@district.test>")));
    }
  }

  @Test
  void theTeamsLeadTimeDecidesWhenAndTheFacilitatorsReminderAndAgendaGoAtOnce(Vertx vertx) throws Exception {
    String url = TestDatabases.fresh();
    try (TestServer server = server(vertx, url, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT))) {
      ApiClient admin = server.admin();
      String network = admin.expect(201, "POST", "/api/spaces", new JsonObject().put("name", "Lead network")
        .put("kind", "network")).getString("id");
      TeamFixture team = TeamFixture.create(server, network, "lead");
      JsonObject settings = team.run(team.lead, "PATCH", "/settings", new JsonObject().put("reminderLeadMinutes", 60)
        .put("timeZone", "America/Chicago"));
      assertEquals(60, settings.getJsonObject("payload").getInteger("reminderLeadMinutes"));
      assertEquals(400, team.lead.call("PATCH", team.path("/settings"), new JsonObject().put("reminderLeadMinutes", 2)).status());

      String meeting = team.run(team.lead, "POST", "/meetings", new JsonObject().put("title", "Planning")
          .put("startsAt", Instant.now().plus(3, ChronoUnit.HOURS).toString()))
        .getJsonObject("payload").getJsonArray("meetings").getJsonObject(0).getString("id");
      team.run(team.lead, "POST", "/meetings/" + meeting + "/agenda", new JsonObject().put("title", "Reading <scores>"));
      Thread.sleep(1_000);
      assertEquals(0, received("Reminder: Planning").size(), "three hours ahead, an hour's lead time has not come");

      team.run(team.lead, "POST", "/meetings/" + meeting + "/publish-agenda", new JsonObject());
      List<MimeMessage> agendas = await("Agenda for Planning", 4);
      assertEquals(4, agendas.size(), "the administrator, lead, member and partner");
      Parts agenda = parts(agendas.get(0));
      assertTrue(agenda.text().contains("- Reading <scores>"), agenda.text());
      assertTrue(agenda.html().contains("<li>Reading &lt;scores&gt;</li>"), agenda.html());
      assertTrue(agenda.text().contains("(America/Chicago)"), "the time in the team's zone: " + agenda.text());

      team.run(team.lead, "POST", "/meetings/" + meeting + "/reminder", new JsonObject());
      assertEquals(4, await("Reminder: Planning", 4).size());
      Thread.sleep(600);
      assertEquals(4, received("Reminder: Planning").size(), "each member once");
      assertEquals(4, received("Agenda for Planning").size());
      assertEquals(1, TestDatabases.count(url, "select count(*) from events where type = 'meeting.reminder-sent' "
        + "and actor_id = '" + team.lead.userId() + "'"), "the facilitator's own reminder, not a second one from Cadre");
    }
  }
}

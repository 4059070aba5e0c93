package org.cadre.browser;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.cadre.notify.MailSettings;
import org.cadre.test.TestDatabases;
import org.cadre.test.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The email screens with a real SMTP server: asking for a reset link, using it, and the email settings. */
class MailScreensTest extends BrowserTest {

  private GreenMail smtp;

  @Override
  protected TestServer startServer() {
    smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    smtp.start();
    return TestServer.withMail(vertx, TestDatabases.fresh(), new MailSettings("localhost", smtp.getSmtp().getPort(),
      null, null, "disabled", "cadre@district.test"), Duration.ofSeconds(60), new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
  }

  @Override
  protected boolean demo() {
    return false;
  }

  @BeforeEach
  void forgetMail() throws Exception {
    smtp.purgeEmailFromAllMailboxes();
  }

  @AfterAll
  void stopSmtp() {
    if (smtp != null) smtp.stop();
  }

  @Test
  void aForgottenPasswordIsResetThroughTheEmailedLink() throws Exception {
    server.register("rosa@school.test", "Rosa Diaz");
    Page page = anonymous();
    page.navigate(url("/sign-in"));
    page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Forgot your password?")).click();
    assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Reset your password"))).isVisible();
    audit(page, "forgot-password");
    page.getByLabel("Email").fill("rosa@school.test");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Email me a link")).click();
    assertThat(page.getByRole(AriaRole.STATUS)).containsText("If rosa@school.test has a Cadre account");

    assertTrue(smtp.waitForIncomingEmail(15_000, 1));
    MimeMessage mail = smtp.getReceivedMessages()[0];
    String text = (String) ((MimeMultipart) mail.getContent()).getBodyPart(0).getContent();
    Matcher link = Pattern.compile("http://localhost:\\d+(/reset-password\\?token=\\S+)").matcher(text);
    assertTrue(link.find(), text);
    page.navigate(url(link.group(1)));
    assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Choose a new password"))).isVisible();
    page.getByLabel("New password").fill("short");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save the new password")).click();
    assertThat(page.locator(".error-summary")).isVisible();
    audit(page, "reset-password-invalid");
    page.getByLabel("New password").fill("rosa-new-password");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save the new password")).click();
    assertThat(page.getByRole(AriaRole.STATUS)).containsText("Your password is changed");
    audit(page, "reset-password-done");
    signedIn("rosa@school.test", "rosa-new-password");

    // The link is spent: using it again offers a new one.
    page.navigate(url(link.group(1)));
    page.getByLabel("New password").fill("another-new-password");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save the new password")).click();
    assertThat(page.locator(".error-summary")).containsText("used already or expired");
    assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Ask for a new link"))).isVisible();
  }

  @Test
  void theEmailSettingsSaveEachChoice() {
    server.register("tomas@school.test", "Tomas Berg");
    Page page = signedIn("tomas@school.test", "password-tomas@school.test");
    page.navigate(url("/spaces"));
    page.locator(".user-button").click();
    page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Email settings")).click();
    assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Email settings"))).isVisible();
    var digest = page.getByLabel("A weekly summary");
    assertThat(digest).isChecked();
    digest.uncheck();
    assertThat(page.locator("#live-region")).containsText("A weekly summary: off.");
    audit(page, "email-settings");
    page.reload();
    assertThat(page.getByLabel("A weekly summary")).not().isChecked();
    assertThat(page.getByLabel("Meeting agendas and reminders")).isChecked();
    assertEquals(0, page.locator(".mail-off").count(), "email is on here");
  }

  @Test
  void aLeadEmailsAnInvitationFromTheMembersTab() throws Exception {
    String network = server.admin().expect(201, "POST", "/api/spaces", new io.vertx.core.json.JsonObject()
      .put("name", "Valley Network").put("kind", "network")).getString("id");
    Page page = signedIn(TestServer.ADMIN_EMAIL, TestServer.ADMIN_PASSWORD);
    page.navigate(url("/spaces/" + network + "/members"));
    page.getByLabel("Email the link to (optional)").fill("new.teacher@school.test");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create link")).click();
    assertThat(page.locator(".invite-link")).containsText("The link was emailed to new.teacher@school.test.");
    audit(page, "members-invite-emailed");
    assertTrue(smtp.waitForIncomingEmail(15_000, 1));
    MimeMessage mail = smtp.getReceivedMessages()[0];
    assertEquals("new.teacher@school.test", mail.getAllRecipients()[0].toString());
    String shown = page.locator("#invite-link").inputValue();
    String text = (String) ((MimeMultipart) mail.getContent()).getBodyPart(0).getContent();
    assertTrue(text.contains(shown.substring(shown.indexOf("/join/"))), "the mail carries the link the page shows: " + text);
  }
}

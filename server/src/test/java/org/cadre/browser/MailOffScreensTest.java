package org.cadre.browser;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** A server without an SMTP server says so where email would be used, and offers no form that cannot work. */
class MailOffScreensTest extends BrowserTest {

  @Override
  protected boolean demo() {
    return false;
  }

  @Test
  void theResetPageAndTheSettingsSayEmailIsOff() {
    Page page = anonymous();
    page.navigate(url("/forgot-password"));
    assertThat(page.locator(".mail-off")).containsText("does not send email");
    assertThat(page.getByLabel("Email")).hasCount(0);
    audit(page, "forgot-password-mail-off");

    server.register("ines@school.test", "Ines Ruiz");
    Page signed = signedIn("ines@school.test", "password-ines@school.test");
    signed.navigate(url("/me/notifications"));
    assertThat(signed.locator(".mail-off")).containsText("does not send email");
    assertThat(signed.getByLabel("A weekly summary")).isVisible();
    audit(signed, "email-settings-mail-off");

    signed.navigate(url("/unsubscribe?token=forged"));
    assertThat(signed.getByRole(AriaRole.ALERT)).containsText("not valid");
  }
}

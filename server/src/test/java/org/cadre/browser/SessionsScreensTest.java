package org.cadre.browser;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** "Sign out everywhere" in the user menu: back at the sign-in screen, and the user's other browsers signed out too. */
class SessionsScreensTest extends BrowserTest {

  private static final String ANA = "ana.torres@riverside.demo";

  @Test
  void signingOutEverywhereEndsThisBrowsersSessionAndTheOthers() {
    Page here = signedIn(ANA);
    Page elsewhere = signedIn(ANA);
    here.navigate(url("/"));
    here.locator(".user-button").click();
    audit(here, "user-menu-open");
    here.setViewportSize(390, 844);
    here.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("user-menu-open-390.png")).setFullPage(true));
    here.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out everywhere")).click();
    assertThat(here.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Sign in to Cadre"))).isVisible();
    assertEquals(401, elsewhere.context().request().get(url("/api/me")).status());
  }
}

package org.cadre.browser;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import org.cadre.test.TestDatabases;
import org.cadre.test.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.cadre.account.OidcSignInTest.configure;
import static org.cadre.account.OidcSignInTest.nextLogin;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** "Sign in with …" on the sign-in page, through a real OpenID Connect provider that logs the user in at once. */
class OidcSignInScreensTest extends BrowserTest {

  private MockOAuth2Server provider;

  @Override
  protected TestServer startServer() {
    provider = new MockOAuth2Server();
    provider.start();
    return TestServer.withOidc(vertx, TestDatabases.fresh(), configure(provider));
  }

  @Override
  protected boolean demo() {
    return false;
  }

  @AfterAll
  void stopProvider() {
    if (provider != null) provider.shutdown();
  }

  @Test
  void theProviderButtonSignsTheUserIn() {
    nextLogin(provider, "sub-browser", "sara@school.test", true, "Sara Lind");
    Page page = anonymous();
    page.navigate(url("/sign-in"));
    page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Sign in with School Account")).click();
    assertThat(page.locator(".user-button")).isVisible();
    var me = page.context().request().get(url("/api/me"));
    assertEquals(200, me.status());
    assertEquals("sara@school.test", new io.vertx.core.json.JsonObject(me.text()).getString("email"));
  }

  @Test
  void anAccountOutsideTheSchoolsDomainsIsToldWhy() {
    nextLogin(provider, "sub-outside", "omar@elsewhere.test", true, "Omar");
    Page page = anonymous();
    page.navigate(url("/sign-in"));
    page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Sign in with School Account")).click();
    assertThat(page.locator(".error-summary")).containsText("not one this school accepts");
    audit(page, "sign-in-provider-refused");
    assertEquals(401, page.context().request().get(url("/api/me")).status());
  }
}

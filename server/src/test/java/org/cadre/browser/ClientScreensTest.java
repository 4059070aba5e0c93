package org.cadre.browser;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The first screens of the browser client against a server with the demo network. */
class ClientScreensTest extends BrowserTest {

  private static final String NINTH = "Lincoln 9th Grade Pathway Team";
  private static final String LINCOLN_LEADS = "Lincoln Leadership Team";

  @Test
  void aKeyboardOnlyUserSignsInFromTheRootAndSeesTheirTree() {
    Page page = anonymous();
    page.navigate(url("/"));
    assertThat(page).hasURL(url("/sign-in"));
    assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Sign in to Cadre"))).isVisible();
    audit(page, "sign-in");

    page.keyboard().press("Tab");
    assertThat(page.getByText("Skip to main content")).isFocused();
    page.keyboard().press("Tab");
    assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Cadre"))).isFocused();
    page.keyboard().press("Tab");
    assertThat(page.getByLabel("Email")).isFocused();
    page.keyboard().type("daniel.reyes@riverside.demo");
    page.keyboard().press("Tab");
    page.keyboard().type("cadre-demo-2026");
    page.keyboard().press("Enter");

    assertThat(page).hasURL(url("/spaces"));
    assertThat(page.locator("main").getByRole(AriaRole.LINK, new com.microsoft.playwright.Locator.GetByRoleOptions()
      .setName("Harbor Valley Pathways Network"))).isVisible();
    assertThat(page.locator("cadre-space-tree").getByText("Jefferson Health Academy Team")).isVisible();
    assertThat(page.locator(".connection")).containsText("Live");
    audit(page, "spaces");
  }

  @Test
  void aWrongPasswordIsExplainedAndFocused() {
    Page page = anonymous();
    page.navigate(url("/sign-in"));
    page.getByLabel("Email").fill("daniel.reyes@riverside.demo");
    page.getByLabel("Password").fill("not-the-password");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
    assertThat(page.locator(".error-summary")).isFocused();
    assertThat(page).hasURL(url("/sign-in"));
  }

  @Test
  void registeringSignsInAndSaysWhatToDoNext() {
    Page page = anonymous();
    page.navigate(url("/register"));
    audit(page, "register");
    page.getByLabel("Your name").fill("Rosa Diaz");
    page.getByLabel("Email").fill("rosa.diaz@school.test");
    page.getByLabel("Password").fill("a-long-password-1");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create account")).click();
    assertThat(page).hasURL(url("/spaces"));
    assertThat(page.locator("main")).containsText("Ask a lead for an invitation link");
    assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Account menu for Rosa Diaz"))).isVisible();
  }

  @Test
  void aLeadInvitesByLinkAndANewPersonJoinsThroughIt() {
    Page lead = signedIn("ana.torres@riverside.demo");
    String team = spaceId(lead, NINTH);
    lead.navigate(url("/spaces/" + team + "/members"));
    assertThat(lead.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Invite by link"))).isVisible();
    lead.getByLabel("Role for people who join").selectOption("observer");
    lead.getByLabel("How many people may join with it").fill("3");
    lead.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create link")).click();
    String link = lead.getByLabel("Invitation link").inputValue();
    assertTrue(link.startsWith(url("/join/inv_")), link);
    assertThat(lead.locator(".invitation-list")).containsText("Observer, 0 of 3 used");
    audit(lead, "members");

    Page newcomer = anonymous();
    newcomer.navigate(link);
    assertThat(newcomer.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Join a space"))).isVisible();
    audit(newcomer, "join");
    newcomer.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Create account")).click();
    newcomer.getByLabel("Your name").fill("Omar Haddad");
    newcomer.getByLabel("Email").fill("omar.haddad@school.test");
    newcomer.getByLabel("Password").fill("a-long-password-2");
    newcomer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create account")).click();
    assertThat(newcomer).hasURL(url("/spaces/" + team));
    assertThat(newcomer.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(NINTH))).isVisible();
    assertThat(newcomer.locator("cadre-space-tree")).containsText(NINTH);

    // The lead's open screen hears of it: the new member appears, and the invitation counts one use.
    assertThat(lead.locator("table")).containsText("Omar Haddad");
    assertThat(lead.locator("#live-region")).containsText("Omar Haddad");
  }

  @Test
  void aPartnerCannotReachASiblingTeamByUrlOrByTheBus() {
    Page district = signedIn("daniel.reyes@riverside.demo");
    String sibling = spaceId(district, LINCOLN_LEADS);
    Page partner = signedIn("priya.raman@coastline.demo");
    partner.navigate(url("/spaces/" + sibling));
    assertThat(partner.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Nothing here"))).isVisible();
    assertThat(partner.locator("main")).not().containsText(LINCOLN_LEADS);
    assertThat(partner.locator("cadre-space-tree .tree-link")).hasCount(1);

    Object signal = partner.evaluate("id => new Promise(resolve => window.cadreBus.subscribe(id, "
      + "{ onEvent: e => resolve('event ' + e.seq), onSignal: s => resolve(s.type) }))", sibling);
    assertEquals("refused", signal);
  }

  @Test
  void theTreeSearchKeepsMatchesAndTheSpacesAboveThem() {
    Page page = signedIn("daniel.reyes@riverside.demo");
    page.navigate(url("/spaces"));
    var tree = page.locator("cadre-space-tree");
    assertThat(tree).containsText("Lincoln High School");
    tree.getByLabel("Search spaces").fill("health");
    assertThat(tree).containsText("Jefferson Health Academy Team");
    assertThat(tree).containsText("Harbor Valley Pathways Network");
    assertThat(tree).not().containsText(NINTH);
    tree.getByLabel("Search spaces").fill("no such space");
    assertThat(tree).containsText("No space matches");
  }

  @Test
  void aTeamsTabsAreRealUrlsThatSurviveReloadAndBack() {
    Page page = signedIn("ana.torres@riverside.demo");
    String team = spaceId(page, NINTH);
    page.navigate(url("/spaces/" + team + "/members"));
    assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Members").setExact(true))).isVisible();
    page.reload();
    assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Members").setExact(true))).isVisible();

    var tabs = page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Sections of " + NINTH));
    tabs.getByRole(AriaRole.LINK, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Overview")).click();
    assertThat(page).hasURL(url("/spaces/" + team));
    assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Recent activity"))).isVisible();
    // The demo's last events are meetings' work, told as sentences with people's names, never ids or JSON.
    assertThat(page.locator(".activity-list")).not().containsText("made a change");
    assertThat(page.locator(".activity-list")).not().containsText("{");
    audit(page, "overview");

    for (String tab : new String[] {"Meetings", "Actions", "Board", "Culture"}) {
      tabs.getByRole(AriaRole.LINK, new com.microsoft.playwright.Locator.GetByRoleOptions().setName(tab)).click();
      assertThat(page).hasURL(url("/spaces/" + team + "/" + tab.toLowerCase()));
    }
    assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Strand A: Using data to inform inquiry"))).isVisible();
    audit(page, "culture-tab");
    page.goBack();
    assertThat(page).hasURL(url("/spaces/" + team + "/board"));
    assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Norms"))).isVisible();
    page.goBack();
    page.goBack();
    page.goBack();
    assertThat(page).hasURL(url("/spaces/" + team));

    page.navigate(url("/spaces/" + team + "/no-such-tab"));
    assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Nothing here"))).isVisible();
  }

  @Test
  void theServerAnswersTheClientForClientUrlsAndJsonForUnknownApiPaths() {
    Page page = anonymous();
    var clientUrl = page.context().request().get(url("/spaces/anything/at/all"));
    assertEquals(200, clientUrl.status());
    assertTrue(clientUrl.text().contains("<cadre-app>"));
    var api = page.context().request().get(url("/api/no-such-thing"));
    assertEquals(404, api.status());
    assertTrue(api.headers().get("content-type").contains("json"), api.headers().toString());
    var vendor = page.context().request().get(url("/vendor/lit/3.3.2/index.js"));
    assertEquals(200, vendor.status());
    assertTrue(vendor.headers().get("cache-control").contains("max-age=31536000"), vendor.headers().toString());
    assertEquals(404, page.context().request().get(url("/vendor/no-such/1.0/file.js")).status());
  }
}

package org.cadre.browser;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** The Continua tab: the network's partnerships rated by keyboard into their history, the helpfulness gap, axe clean. */
class ContinuumScreensTest extends BrowserTest {

  private Page continua(String email, String space) {
    Page page = signedIn(email);
    page.navigate(url("/spaces/" + spaceId(page, space) + "/continua"));
    assertThat(page.locator("cadre-continuum-panel")).hasCount(4);
    return page;
  }

  private static Locator subject(Locator panel, String name) {
    return panel.locator("li.continuum-subject").filter(new Locator.FilterOptions().setHas(
      panel.page().getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(name))));
  }

  @Test
  void aPartnershipRatedByKeyboardShowsItsNewLevelsAndJoinsItsHistory() {
    Page page = continua("nadia.okafor@harborvalley.demo", "Harbor Valley Pathways Network");
    Locator panel = page.locator("section.continuum").filter(new Locator.FilterOptions().setHasText("Partnership Continuum"));
    Locator district = subject(panel, "Riverside Unified School District");
    assertThat(district.locator(".continuum-scale-text")).hasText("Now: 5. Cooperate. Target: 6. Collaborate.");
    assertThat(district).containsText("History (2 ratings)");
    Locator college = subject(panel, "Coastline Community College");
    assertThat(college).containsText("History (3 ratings)");
    college.locator(".continuum-history summary").click();
    assertThat(college.locator(".continuum-chart canvas")).isVisible();
    audit(page, "continua-network");

    Locator form = panel.locator("cadre-continuum-form");
    form.locator("summary").focus();
    page.keyboard().press("Enter");
    form.getByLabel("Partner organization").focus();
    page.keyboard().type("Riverside Unified School District");
    Locator current = form.locator("fieldset").filter(new Locator.FilterOptions().setHasText("Where are you now?"));
    Locator target = form.locator("fieldset").filter(new Locator.FilterOptions().setHasText("Where do you need to be?"));
    // A partner already rated: the form starts from its latest rating, Daniel's, so rating again edits it.
    page.keyboard().press("Tab");
    assertThat(current.getByLabel("5. Cooperate")).isChecked();
    assertThat(target.getByLabel("6. Collaborate")).isChecked();
    assertThat(form.getByLabel("Regular check-ins between managers to decide on shared resources.")).isChecked();
    assertThat(form.getByLabel("A draft agreement (such as an MOU) to track what was promised.")).not().isChecked();
    assertThat(form.getByLabel("Note (optional)")).hasValue("Joint budget talks for next year's pathway coaches.");
    current.getByLabel("6. Collaborate").focus();
    page.keyboard().press("Space");
    target.getByLabel("7. Converge").focus();
    page.keyboard().press("Space");
    assertThat(target.getByLabel("7. Converge")).isChecked();
    Locator integrated = form.getByLabel("Strategies that are planned together.");
    integrated.focus();
    page.keyboard().press("Space");
    assertThat(integrated).isChecked();
    form.getByLabel("Note (optional)").fill("Shared coaching plan signed for next year.");
    audit(page, "continua-form");
    form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save rating")).press("Enter");
    assertThat(page.locator("#live-region")).containsText("Rating saved for Riverside Unified School District.");

    assertThat(district.locator(".continuum-scale-text")).hasText("Now: 6. Collaborate. Target: 7. Converge.");
    assertThat(district).containsText("History (3 ratings)");
    assertThat(district).containsText("5 requirements met");
    district.locator(".continuum-history summary").click();
    assertThat(district.locator(".continuum-history-list li").first()).containsText("Nadia Okafor: now 6. Collaborate, target 7. Converge");
    assertThat(district.locator(".continuum-history-list li").first()).containsText("Shared coaching plan signed for next year.");
    page.setViewportSize(390, 844);
    page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("continua-network-390.png")).setFullPage(true));
  }

  @Test
  void helpfulnessShowsProviderAndReceiverSideBySideWithTheGapInWords() {
    Page page = continua("ravi.patel@riverside.demo", "Jefferson Health Academy Team");
    Locator gap = page.locator("table.continuum-gap");
    Locator ideology = gap.locator("tr").filter(new Locator.FilterOptions().setHasText("Ideology"));
    assertThat(ideology).containsText("3. Collaborate");
    assertThat(ideology).containsText("1. Contact");
    assertThat(ideology).containsText("Provider rates 2 levels higher");
    assertThat(gap.locator("tr").filter(new Locator.FilterOptions().setHasText("Information"))).containsText("They agree");
    audit(page, "continua-helpfulness");

    // Each role's latest rating of the chosen area fills the form; switching the role switches to the other side's.
    Locator form = page.locator("section.continuum").filter(new Locator.FilterOptions().setHasText("Desired State of Helpfulness"))
      .locator("cadre-continuum-form");
    form.locator("summary").click();
    form.getByLabel("Area").selectOption("ideology");
    Locator role = form.getByLabel("Rating as");
    role.selectOption("receiver");
    Locator current = form.locator("fieldset").filter(new Locator.FilterOptions().setHasText("Where are you now?"));
    Locator target = form.locator("fieldset").filter(new Locator.FilterOptions().setHasText("Where do you need to be?"));
    assertThat(current.getByLabel("1. Contact")).isChecked();
    assertThat(target.getByLabel("3. Collaborate")).isChecked();
    assertThat(form.getByLabel("Note (optional)")).hasValue("Updates reach us by too many channels.");
    role.selectOption("provider");
    assertThat(current.getByLabel("3. Collaborate")).isChecked();
    assertThat(current.getByLabel("1. Contact")).not().isChecked();
    assertThat(form.getByLabel("Note (optional)")).hasValue("");
  }
}

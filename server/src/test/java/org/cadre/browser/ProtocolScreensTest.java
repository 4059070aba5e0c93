package org.cadre.browser;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** The Protocols tab: the library, one protocol's steps, a copy into the team edited by keyboard, axe clean. */
class ProtocolScreensTest extends BrowserTest {

  @Test
  void aLeadOpensExaminingDataCopiesItAndSavesAnEditedStepAsVersionTwo() {
    Page page = signedIn("ana.torres@riverside.demo");
    String team = spaceId(page, "Lincoln 9th Grade Pathway Team");
    page.navigate(url("/spaces/" + team + "/protocols"));
    Locator library = page.locator("section", new Page.LocatorOptions().setHas(
      page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Built-in library"))));
    assertThat(library.locator(".protocol-card")).hasCount(8);
    audit(page, "protocols-library");

    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Examining Data")).click();
    Locator detail = page.locator("cadre-protocol-detail");
    assertThat(detail.getByRole(AriaRole.HEADING, new Locator.GetByRoleOptions().setName("Examining Data"))).isFocused();
    assertThat(detail.locator(".protocol-step")).hasCount(9);
    assertThat(detail.locator(".protocol-step").nth(1)).containsText("Gather facts");
    assertThat(detail.locator(".protocol-step").nth(1)).containsText("10 min");
    assertThat(detail).containsText("Timekeeper");
    assertThat(detail).containsText("Built-in, read only");
    audit(page, "protocol-detail");

    detail.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Copy to this space")).press("Enter");
    assertThat(page.locator("#live-region")).containsText("Examining Data was copied to this space.");
    assertThat(detail).containsText("Version 1");
    detail.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Edit")).press("Enter");

    Locator editor = page.locator("cadre-protocol-editor");
    Locator second = editor.locator("[data-step='1']");
    second.getByLabel("Title").fill("Gather facts in pairs");
    second.getByLabel("Maximum minutes").fill("15");
    // Move it down by keyboard: the focus follows the step.
    second.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Move step 2 down")).press("Enter");
    assertThat(editor.locator("[data-step='2']").getByLabel("Title")).hasValue("Gather facts in pairs");
    assertThat(editor.locator("[data-step='2']").getByRole(AriaRole.BUTTON,
      new Locator.GetByRoleOptions().setName("Move step 3 down"))).isFocused();
    audit(page, "protocol-editor");

    // Removing a step by keyboard leaves the focus in the form.
    editor.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Add a step")).press("Enter");
    assertThat(editor.locator("fieldset")).hasCount(10);
    editor.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Remove step 10")).press("Enter");
    assertThat(editor.locator("fieldset")).hasCount(9);

    // A bad range is refused by the server, which names the field.
    editor.locator("[data-step='2']").getByLabel("Minimum minutes").fill("20");
    editor.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save as a new version")).click();
    assertThat(editor.locator(".error-summary")).containsText("'steps[2].maxMinutes' must not be less than 'minMinutes'.");
    editor.locator("[data-step='2']").getByLabel("Minimum minutes").fill("10");
    editor.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save as a new version")).click();

    assertThat(page.locator("#live-region")).containsText("Examining Data saved as version 2.");
    assertThat(detail).containsText("Version 2");
    assertThat(editor).hasCount(0);
    assertThat(detail.locator(".protocol-step").nth(2)).containsText("Gather facts in pairs");
    assertThat(detail.locator(".protocol-step").nth(2)).containsText("10 to 15 min");
    page.setViewportSize(390, 844);
    page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("protocol-detail-390.png")).setFullPage(true));
    page.setViewportSize(1280, 800);
    page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("protocol-detail-desktop.png")).setFullPage(true));

    detail.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Back to all protocols")).click();
    assertThat(page.locator(".protocol-card", new Page.LocatorOptions().setHasText("Version 2"))).containsText("Examining Data");
  }
}

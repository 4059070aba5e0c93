package org.cadre.browser;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A team's Settings tab: its leads change the time zone, reminder, cadence and leader selection; no one else gets it. */
class TeamSettingsScreensTest extends BrowserTest {

  private static final String HEALTH = "Jefferson Health Academy Team";
  private static final String NINTH = "Lincoln 9th Grade Pathway Team";

  @Test
  void aLeadChangesTheSettingsByKeyboardAndTheyAreKeptAndShownToMembersLive() {
    Page member = signedIn("emma.johnson@riverside.demo");
    String team = spaceId(member, HEALTH);
    member.navigate(url("/spaces/" + team + "/meetings"));
    assertThat(member.locator("main")).containsText("Times are in the team’s time zone, America/Los_Angeles.");

    Page lead = signedIn("ravi.patel@riverside.demo");
    lead.navigate(url("/spaces/" + team));
    Locator tab = lead.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Sections of " + HEALTH))
      .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Settings"));
    tab.focus();
    lead.keyboard().press("Enter");
    assertThat(lead).hasURL(url("/spaces/" + team + "/settings"));
    assertThat(lead.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Team settings"))).isVisible();
    // The demo's values, and email being off on this server said beside the reminder.
    assertThat(lead.getByLabel("Time zone")).hasValue("America/Los_Angeles");
    assertThat(lead.getByLabel("Emailed reminder")).hasValue("1440");
    assertThat(lead.getByLabel("How often the team meets")).hasValue("");
    assertThat(lead.getByLabel("Method")).hasValue("volunteered, confirmed by the principal");
    assertThat(lead.locator(".mail-off")).containsText("no reminders go out");

    lead.getByLabel("Time zone").selectOption("America/Chicago");
    lead.getByLabel("Emailed reminder").selectOption("2880");
    lead.getByLabel("How often the team meets").selectOption("other");
    lead.getByLabel("Days between meetings").fill("10");
    lead.getByLabel("Method").fill("Elected by the team");
    lead.getByLabel("Chosen on").fill("2026-08-20");
    // Enter in a text field submits, as in any form.
    lead.getByLabel("Method").press("Enter");
    assertThat(lead.locator("#live-region")).containsText("Team settings saved.");
    audit(lead, "team-settings");
    lead.setViewportSize(390, 844);
    lead.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("team-settings-390.png")).setFullPage(true));
    lead.setViewportSize(1280, 800);

    // Another member's open page follows the event: the meetings tab now names the new zone.
    assertThat(member.locator("main")).containsText("Times are in the team’s time zone, America/Chicago.");

    lead.reload();
    assertThat(lead.getByLabel("Time zone")).hasValue("America/Chicago");
    assertThat(lead.getByLabel("Emailed reminder")).hasValue("2880");
    assertThat(lead.getByLabel("Emailed reminder").locator("option:checked")).hasText("2 days before");
    assertThat(lead.getByLabel("How often the team meets")).hasValue("other");
    assertThat(lead.getByLabel("Days between meetings")).hasValue("10");
    assertThat(lead.getByLabel("Method")).hasValue("Elected by the team");
    assertThat(lead.getByLabel("Chosen on")).hasValue("2026-08-20");

    JsonObject space = new JsonObject(lead.context().request().get(url("/api/spaces/" + team)).text());
    assertEquals("America/Chicago", space.getString("timeZone"));
    assertEquals(2880, space.getInteger("reminderLeadMinutes"));
    assertEquals(10, space.getInteger("cadenceDays"));
    assertEquals("Elected by the team", space.getJsonObject("leaderSelection").getString("method"));
    // Noon in Chicago that day.
    assertEquals("2026-08-20T17:00:00Z", space.getJsonObject("leaderSelection").getString("at"));

    // A weekly cadence and no reminder at all are choices too; the date stays as recorded.
    lead.getByLabel("How often the team meets").selectOption("7");
    assertThat(lead.getByLabel("Days between meetings")).hasCount(0);
    lead.getByLabel("Emailed reminder").selectOption("");
    lead.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save settings")).click();
    assertThat(lead.locator("#live-region")).containsText("Team settings saved.");
    space = new JsonObject(lead.context().request().get(url("/api/spaces/" + team)).text());
    assertEquals(7, space.getInteger("cadenceDays"));
    assertTrue(space.containsKey("reminderLeadMinutes") && space.getValue("reminderLeadMinutes") == null, space.encode());
    assertEquals("2026-08-20T17:00:00Z", space.getJsonObject("leaderSelection").getString("at"));
  }

  @Test
  void aMemberGetsNoSettingsTabNorTheFormByUrl() {
    Page member = signedIn("luis.garcia@riverside.demo");
    String team = spaceId(member, HEALTH);
    member.navigate(url("/spaces/" + team + "/members"));
    var tabs = member.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Sections of " + HEALTH));
    assertThat(tabs.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Members"))).isVisible();
    assertThat(tabs.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Settings"))).hasCount(0);
    member.navigate(url("/spaces/" + team + "/settings"));
    assertThat(member.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Nothing here"))).isVisible();
    assertThat(member.locator("form")).hasCount(0);
  }

  @Test
  void aValueTheServerRefusesIsExplainedNextToItsField() {
    // Another team than the first test's, whichever runs first.
    Page lead = signedIn("ana.torres@riverside.demo");
    String team = spaceId(lead, NINTH);
    Object reminder = new JsonObject(lead.context().request().get(url("/api/spaces/" + team)).text()).getValue("reminderLeadMinutes");
    lead.navigate(url("/spaces/" + team + "/settings"));
    lead.getByLabel("How often the team meets").selectOption("other");
    Locator days = lead.getByLabel("Days between meetings");
    days.fill("400");
    lead.getByLabel("Emailed reminder").selectOption("60");
    lead.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save settings")).click();

    Locator error = lead.locator("#error-cadenceDays");
    assertThat(error).containsText("'cadenceDays' must be a whole number from 1 to 365.");
    assertThat(days).isFocused();
    assertThat(days).hasAttribute("aria-describedby", "error-cadenceDays");
    assertEquals(1, lead.locator(".field-error").count(), "only the field the server named shows an error");
    audit(lead, "team-settings-error");
    // Nothing was saved: the change is one transaction.
    JsonObject space = new JsonObject(lead.context().request().get(url("/api/spaces/" + team)).text());
    assertEquals(reminder, space.getValue("reminderLeadMinutes"));

    // Fixed, it saves and the error goes.
    days.fill("21");
    days.press("Enter");
    assertThat(lead.locator("#live-region")).containsText("Team settings saved.");
    assertThat(lead.locator(".field-error")).hasCount(0);
    assertEquals(21, new JsonObject(lead.context().request().get(url("/api/spaces/" + team)).text()).getInteger("cadenceDays"));
  }
}

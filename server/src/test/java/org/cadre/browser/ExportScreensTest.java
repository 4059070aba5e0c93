package org.cadre.browser;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The team's Export menu and the calendar subscription panels, by keyboard, audited with axe-core. */
class ExportScreensTest extends BrowserTest {

  private static final String NINTH = "Lincoln 9th Grade Pathway Team";

  @Test
  void theExportMenuOpensByKeyboardAndItsLinksDownloadTheTables() throws Exception {
    Page page = signedIn("ana.torres@riverside.demo");
    String team = spaceId(page, NINTH);
    page.navigate(url("/spaces/" + team));
    Locator button = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Export"));
    button.focus();
    page.keyboard().press("Enter");
    assertThat(button).hasAttribute("aria-expanded", "true");
    Locator meetings = page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Meetings CSV"));
    assertThat(meetings).isVisible();
    page.keyboard().press("Tab");
    assertThat(meetings).isFocused();
    audit(page, "export-menu");

    Download download = page.waitForDownload(() -> page.keyboard().press("Enter"));
    assertEquals("meetings.csv", download.suggestedFilename());
    String csv = Files.readString(download.path(), StandardCharsets.UTF_8);
    assertTrue(csv.startsWith("\uFEFF\"Meeting ID\",Title,Status"), csv.substring(0, Math.min(80, csv.length())));
    assertTrue(csv.lines().count() > 10, "the demo team's months of meetings");

    Download zip = page.waitForDownload(() ->
      page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Full history (JSON and tables) ZIP")).click());
    assertEquals("history.zip", zip.suggestedFilename());

    page.keyboard().press("Escape");
    assertThat(button).hasAttribute("aria-expanded", "false");
    assertThat(button).isFocused();
  }

  @Test
  void theTeamsCalendarPanelAndThePersonalOneShowAFeedUrlThatServesTheMeetings() {
    Page page = signedIn("grace.kim@riverside.demo");
    String team = spaceId(page, NINTH);
    page.navigate(url("/spaces/" + team));
    Locator panel = page.locator("section[aria-labelledby=calendar-title]");
    panel.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Get a calendar link")).click();
    Locator field = panel.getByLabel("Calendar link");
    assertThat(field).hasValue(java.util.regex.Pattern.compile("^http://localhost:\\d+/api/calendar/cadre_cal_[A-Za-z0-9_-]+\\.ics$"));
    String feed = page.context().request().get(field.inputValue()).text();
    assertTrue(feed.startsWith("BEGIN:VCALENDAR"), feed.substring(0, Math.min(60, feed.length())));
    assertTrue(feed.contains("RRULE:"), "the demo team meets in a series");
    audit(page, "calendar-team");

    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Account menu for Grace Kim")).click();
    page.locator(".user-calendar summary").click();
    page.locator(".user-calendar").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Get a calendar link")).click();
    assertThat(page.locator(".user-calendar .feed-url")).hasValue(java.util.regex.Pattern.compile("/api/calendar/cadre_cal_"));
    audit(page, "calendar-mine");
  }
}

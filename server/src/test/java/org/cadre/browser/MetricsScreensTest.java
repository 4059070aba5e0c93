package org.cadre.browser;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.RequestOptions;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The facilitator dashboard and the Metrics tab: the API's figures as text, a chart with a table, axe clean. */
class MetricsScreensTest extends BrowserTest {

  private static final String NINTH = "Lincoln 9th Grade Pathway Team";

  @Test
  void theDashboardShowsTheLedTeamsFiguresAsTheApiCountsThem() {
    Page ana = signedIn("ana.torres@riverside.demo");
    String team = spaceId(ana, NINTH);
    ana.navigate(url("/me/metrics"));
    Locator panel = ana.locator("section.panel").filter(new Locator.FilterOptions().setHasText(NINTH));
    assertThat(panel).isVisible();
    JsonObject api = read(ana, "/api/spaces/" + team + "/metrics").getJsonArray("teams").getJsonObject(0);
    JsonObject meetings = api.getJsonObject("meetings");
    assertThat(panel).containsText(meetings.getInteger("held") + " of " + meetings.getInteger("scheduled") + " scheduled");
    JsonObject actions = api.getJsonObject("actions");
    assertThat(panel).containsText(actions.getInteger("onTime") + " of " + actions.getInteger("due") + " due");

    // Live: a meeting the team schedules elsewhere is counted without a reload.
    assertThat(ana.locator(".connection")).containsText("Live");
    ana.waitForFunction("id => window.cadreBus.subscriptions.get(id)?.state === 'live'", team);
    var response = ana.context().request().post(url("/api/spaces/" + team + "/meetings"), RequestOptions.create()
      .setHeader("content-type", "application/json").setHeader("origin", url(""))
      .setData(new JsonObject().put("title", "Extra data review").put("startsAt", Instant.now().minus(1, ChronoUnit.HOURS)
        .truncatedTo(ChronoUnit.SECONDS).toString()).put("durationMinutes", 30).encode()));
    assertEquals(201, response.status(), response.text());
    assertThat(panel).containsText(meetings.getInteger("held") + " of " + (meetings.getInteger("scheduled") + 1) + " scheduled");

    audit(ana, "metrics-dashboard");
    ana.setViewportSize(390, 844);
    ana.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("metrics-dashboard-390.png")).setFullPage(true));
  }

  @Test
  void theSiteTabListsItsTeamsAndIsAxeClean() {
    Page marcus = signedIn("marcus.bell@riverside.demo");
    String team = spaceId(marcus, NINTH);
    marcus.navigate(url("/spaces/" + team + "/metrics"));
    assertThat(marcus.locator("cadre-metrics-figures dl").first()).containsText("Meetings held");
    marcus.locator(".trend-table summary").first().click();
    audit(marcus, "metrics-tab");
    marcus.setViewportSize(390, 844);
    marcus.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("metrics-tab-390.png")).setFullPage(true));
  }

  private JsonObject read(Page page, String path) {
    var response = page.context().request().get(url(path));
    assertEquals(200, response.status(), "GET " + path + ": " + response.text());
    return new JsonObject(response.text());
  }
}

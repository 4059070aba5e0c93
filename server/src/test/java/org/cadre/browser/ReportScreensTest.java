package org.cadre.browser;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.Media;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The printable reports: a team's, with the same rows as the API and one printed page without the app around it,
 * and a network's, with its partnership ratings and its teams' roll-up.
 */
class ReportScreensTest extends BrowserTest {

  private static final String NINTH = "Lincoln 9th Grade Pathway Team";
  private static final String NETWORK = "Harbor Valley Pathways Network";

  /** A facilitator goes from the team's overview to its report, which shows what the API assembled. */
  private Page openReport() {
    Page ana = signedIn("ana.torres@riverside.demo");
    String team = spaceId(ana, NINTH);
    ana.navigate(url("/spaces/" + team));
    ana.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Team report to print")).click();
    assertThat(ana).hasURL(url("/spaces/" + team + "/report"));
    assertThat(ana.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(NINTH).setLevel(1))).isVisible();
    return ana;
  }

  private JsonObject api(Page page, String path) {
    return new JsonObject(page.context().request().get(url(path)).text());
  }

  @Test
  void theReportShowsTheSameRowsAndActionItemsAsTheApi() {
    Page ana = openReport();
    String team = spaceId(ana, NINTH);
    JsonObject report = api(ana, "/api/spaces/" + team + "/report");
    Locator rows = ana.locator(".report-rows tbody tr");
    assertThat(rows).hasCount(16);
    JsonArray expected = report.getJsonArray("rows");
    for (int i = 0; i < 16; i++) {
      JsonObject row = expected.getJsonObject(i);
      assertThat(rows.nth(i).locator("th")).hasText(row.getString("id") + " " + row.getString("name"));
      assertThat(rows.nth(i).locator("td").nth(0)).hasText(row.getString("level").substring(0, 1).toUpperCase()
        + row.getString("level").substring(1));
      assertThat(rows.nth(i).locator("td").nth(1)).hasText(row.getString("nextStep"));
    }
    assertThat(ana.locator(".report-facts")).containsText("Transforming");
    assertThat(ana.locator(".report-facts")).containsText(String.valueOf(report.getInteger("meetingsHeld")));
    JsonArray actions = report.getJsonArray("openActions");
    assertThat(ana.locator(".report-actions tbody tr")).hasCount(actions.size());
    for (int i = 0; i < actions.size(); i++) {
      assertThat(ana.locator(".report-actions tbody tr").nth(i).locator("td").first())
        .hasText(actions.getJsonObject(i).getString("title"));
    }
    JsonObject partnership = report.getJsonArray("continua").getJsonObject(0);
    assertThat(ana.locator(".report-continuum")).hasText(new String[] {partnership.getString("name")});
    Locator college = ana.locator(".report-continua tbody tr");
    assertThat(college).hasCount(1);
    assertThat(college.locator("th")).hasText("Coastline Community College");
    assertThat(college.locator("td").nth(0)).hasText("Self-rating");
    assertThat(college.locator("td").nth(1)).hasText("Coordinate");
    assertThat(college.locator("td").nth(2)).hasText("Cooperate");
    assertThat(college.locator("td").nth(3)).containsText("Ana Torres");
  }

  @Test
  void printingShowsTheSheetAloneOnOnePage() throws IOException {
    Page ana = openReport();
    ana.evaluate("() => { window.print = () => { window.printed = true; }; }");
    ana.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Print")).click();
    assertEquals(true, ana.evaluate("() => window.printed === true"));

    ana.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.PRINT));
    for (String chrome : List.of(".top-bar", ".rail", ".report-tools", ".skip-link")) {
      assertThat(ana.locator(chrome)).isHidden();
    }
    assertThat(ana.locator(".report-sheet")).isVisible();
    ana.setViewportSize(816, 1056);
    ana.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("report-print.png")).setFullPage(true));
    for (String format : List.of("Letter", "A4")) {
      byte[] pdf = ana.pdf(new Page.PdfOptions().setFormat(format));
      try (PDDocument printed = Loader.loadPDF(pdf)) {
        assertEquals(1, printed.getNumberOfPages(), format);
      }
    }
    ana.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.SCREEN));
    assertThat(ana.locator(".top-bar")).isVisible();
  }

  @Test
  void theDownloadLinkAnswersThePdfInTheUsersLanguage() {
    Page ana = openReport();
    Locator link = ana.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Download PDF").setExact(true));
    String href = link.getAttribute("href");
    assertTrue(href.endsWith("/report.pdf?lang=en"), href);
    APIResponse pdf = ana.context().request().get(url(href));
    assertEquals(200, pdf.status());
    assertEquals("application/pdf", pdf.headers().get("content-type"));
  }

  @Test
  void theReportIsAccessibleAndFitsAPhone() {
    Page ana = openReport();
    audit(ana, "report");
    ana.setViewportSize(390, 844);
    ana.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("report-390.png")).setFullPage(true));
    assertEquals(true, ana.evaluate("() => document.documentElement.scrollWidth <= 390"));
  }

  /**
   * The network lead finds the report on the network's overview and its roll-up, and goes from the roll-up to it: the
   * partnerships rated on the network and the teams below.
   */
  @Test
  void theNetworkReportShowsItsPartnershipRatingsAndTheRollupOfItsTeams() throws IOException {
    Page nadia = signedIn("nadia.okafor@harborvalley.demo");
    String network = spaceId(nadia, NETWORK);
    nadia.navigate(url("/spaces/" + network));
    assertThat(nadia.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Report to print").setExact(true)))
      .hasAttribute("href", "/spaces/" + network + "/report");
    nadia.navigate(url("/spaces/" + network + "/rollup"));
    nadia.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Report to print").setExact(true)).click();
    assertThat(nadia).hasURL(url("/spaces/" + network + "/report"));
    assertThat(nadia.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(NETWORK).setLevel(1))).isVisible();
    assertThat(nadia.locator(".report-kicker")).hasText("Network report");

    JsonObject report = api(nadia, "/api/spaces/" + network + "/report");
    JsonObject rollup = report.getJsonObject("rollup");
    JsonArray teams = rollup.getJsonArray("teams");
    Locator teamRows = nadia.locator(".report-teams tbody tr");
    assertThat(teamRows).hasCount(teams.size());
    for (int i = 0; i < teams.size(); i++) {
      JsonObject team = teams.getJsonObject(i);
      assertThat(teamRows.nth(i).locator("th")).hasText(team.getString("name"));
      assertThat(teamRows.nth(i).locator("td").first()).hasText(team.getString("group"));
    }
    assertThat(teamRows.filter(new Locator.FilterOptions().setHasText(NINTH)).locator("td").nth(1)).containsText("Transforming");
    assertThat(nadia.locator(".report-facts")).containsText(String.valueOf(rollup.getInteger("teamCount")));
    Locator groups = nadia.locator("section[data-counts=groups] tbody tr");
    assertThat(groups).hasCount(1);
    assertThat(groups.locator("th")).hasText("Riverside Unified");
    assertThat(groups.locator("td").first()).hasText(String.valueOf(rollup.getInteger("teamCount")));
    assertThat(nadia.locator("section[data-counts=rows] tbody tr")).hasCount(16);

    assertThat(nadia.locator(".report-continuum")).hasText(new String[] {"Partnership Continuum"});
    Locator partners = nadia.locator(".report-continua tbody tr");
    assertThat(partners).hasCount(2);
    assertThat(partners.nth(0).locator("th")).hasText("Coastline Community College");
    assertThat(partners.nth(0).locator("td").nth(1)).hasText("Cooperate");
    assertThat(partners.nth(0).locator("td").nth(2)).hasText("Collaborate");
    assertThat(partners.nth(0).locator("td").nth(3)).containsText("Nadia Okafor");
    assertThat(partners.nth(1).locator("th")).hasText("Riverside Unified School District");
    assertThat(partners.nth(1).locator("td").nth(3)).containsText("Daniel Reyes");

    String href = nadia.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Download PDF").setExact(true))
      .getAttribute("href");
    APIResponse pdf = nadia.context().request().get(url(href));
    assertEquals(200, pdf.status());
    assertEquals("application/pdf", pdf.headers().get("content-type"));

    audit(nadia, "network-report");
    nadia.setViewportSize(1280, 800);
    nadia.screenshot(new Page.ScreenshotOptions().setPath(Path.of("/tmp/network-report-desktop.png")).setFullPage(true));
    nadia.setViewportSize(390, 844);
    nadia.screenshot(new Page.ScreenshotOptions().setPath(Path.of("/tmp/network-report-390.png")).setFullPage(true));
    assertEquals(true, nadia.evaluate("() => document.documentElement.scrollWidth <= 390"));
    nadia.setViewportSize(1280, 800);
    nadia.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.PRINT));
    assertThat(nadia.locator(".report-tools")).isHidden();
    nadia.screenshot(new Page.ScreenshotOptions().setPath(Path.of("/tmp/network-report-print.png")).setFullPage(true));
    try (PDDocument printed = Loader.loadPDF(nadia.pdf(new Page.PdfOptions().setFormat("Letter")))) {
      assertEquals(1, printed.getNumberOfPages());
    }
  }

  /** A district lead, who sees the network's roll-up in counts, gets its report without the network's own ratings. */
  @Test
  void aDistrictLeadSeesTheNetworkReportWithoutTheNetworksOwnRatings() {
    Page daniel = signedIn("daniel.reyes@riverside.demo");
    String network = spaceId(daniel, NETWORK);
    daniel.navigate(url("/spaces/" + network + "/rollup"));
    daniel.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Report to print").setExact(true)).click();
    assertThat(daniel).hasURL(url("/spaces/" + network + "/report"));
    assertThat(daniel.locator(".report-teams tbody tr")).hasCount(4);
    assertThat(daniel.locator(".report-continua")).hasCount(0);
    assertThat(daniel.locator("section[aria-labelledby=report-continua-title]"))
      .containsText("Ratings made in this network are shown only to those who can open it.");
    daniel.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Back to " + NETWORK)).click();
    assertThat(daniel).hasURL(url("/spaces/" + network + "/rollup"));
  }

  /** A partner, who gets no roll-up above their team, gets no network report either: the page says it is not there. */
  @Test
  void aPartnerOpeningTheNetworkReportIsToldItIsNotThere() {
    Page priya = signedIn("priya.raman@coastline.demo");
    priya.navigate(url("/spaces/" + server.admin().spaceId(NETWORK) + "/report"));
    assertThat(priya.locator(".state-title")).hasText("Nothing here");
    assertThat(priya.locator(".report-sheet")).hasCount(0);
    assertThat(priya.locator(".report-tools")).hasCount(0);
  }
}

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
import java.util.List;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The printable team report: the same rows as the API, one printed page without the app around it. */
class ReportScreensTest extends BrowserTest {

  private static final String NINTH = "Lincoln 9th Grade Pathway Team";

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
}

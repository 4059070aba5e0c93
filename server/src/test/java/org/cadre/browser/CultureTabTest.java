package org.cadre.browser;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;

import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** The team's Culture tab: sixteen named rows with their evidence, ratings that reach other members live, axe clean. */
class CultureTabTest extends BrowserTest {

  private static final String NINTH = "Lincoln 9th Grade Pathway Team";

  private Page culture(String email) {
    Page page = signedIn(email);
    String team = spaceId(page, NINTH);
    page.navigate(url("/spaces/" + team + "/culture"));
    assertThat(page.locator("cadre-culture-row")).hasCount(16);
    return page;
  }

  private static Locator row(Page page, String id) {
    return page.locator("article[data-row=" + id + "]");
  }

  @Test
  void theLincolnTeamShowsSixteenNamedRowsByStrandAndAnEvidenceLinkOpensItsMeeting() {
    Page page = culture("ana.torres@riverside.demo");
    String team = spaceId(page, NINTH);
    assertThat(page.locator(".culture-summary .level-badge.large")).hasText("Transforming");
    for (String strand : new String[] {"Strand A: Using data to inform inquiry", "Strand B: Shared beliefs, commitments and practices",
      "Strand C: Collaborating effectively and turning words into action"}) {
      assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(strand))).isVisible();
    }
    assertThat(row(page, "A1").getByRole(AriaRole.HEADING)).hasText("A1 Student outcomes on the agenda");
    assertThat(row(page, "C6").getByRole(AriaRole.HEADING)).hasText("C6 Actions on root causes");
    assertThat(row(page, "A1")).containsText("How much of each meeting's time goes to student outcomes.");
    assertThat(row(page, "C1").locator(".measure")).not().hasCount(0);
    assertThat(row(page, "C1")).containsText("Average attendance");
    assertThat(row(page, "A1")).containsText("Next step:");
    // The weekly trend has a chart and the same numbers as a table.
    assertThat(page.locator(".trend-chart canvas")).isVisible();
    page.getByText("Show the numbers as a table").click();
    assertThat(page.locator(".trend-table tbody tr").first()).isVisible();

    audit(page, "culture-tab");
    page.setViewportSize(390, 844);
    page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("culture-tab-390.png")).setFullPage(true));
    page.setViewportSize(1280, 800);

    Locator evidence = row(page, "C1").locator("details.evidence");
    evidence.locator("summary").click();
    Locator meeting = evidence.getByRole(AriaRole.LINK).first();
    assertThat(meeting).containsText("Meeting: ");
    meeting.click();
    assertThat(page).hasURL(Pattern.compile("/spaces/" + team + "/meetings/[0-9a-f-]{36}$"));
    assertThat(page.locator("cadre-meeting-room")).isVisible();
  }

  @Test
  void aRatingByOneMemberMovesTheMedianOnAnotherMembersOpenPage() {
    Page ana = culture("ana.torres@riverside.demo");
    Page grace = culture("grace.kim@riverside.demo");
    assertThat(ana.locator(".connection")).containsText("Live");
    // The demo has one rating of A6: Ben's 3.
    Locator anasA6 = row(ana, "A6").locator(".row-rating");
    assertThat(anasA6).containsText("Transforming (3)");
    assertThat(anasA6).containsText("rated by 1 person");

    // Grace rates A6 by keyboard: open the form, pick 1, write a note, send.
    Locator gracesA6 = row(grace, "A6");
    gracesA6.locator("details.rate summary").focus();
    grace.keyboard().press("Enter");
    gracesA6.getByLabel("1: Emerging").focus();
    grace.keyboard().press("Space");
    assertThat(gracesA6.getByLabel("1: Emerging")).isChecked();
    gracesA6.getByLabel("Note (optional)").fill("Our feedback is kind but rarely pushes back.");
    gracesA6.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save rating")).press("Enter");
    assertThat(grace.locator("#live-region")).containsText("Your rating of “Feedback and probing questions” was saved.");

    // Ratings 3 and 1: the lower middle one is 1, shown on Ana's open page without a reload.
    assertThat(anasA6).containsText("Emerging (1)");
    assertThat(anasA6).containsText("median of 2 people");
    assertThat(row(grace, "A6").locator(".row-rating")).containsText("median of 2 people");
    // The measured level stays what the data says.
    assertThat(row(ana, "A6").locator(".culture-row-level")).not().containsText("Emerging");

    // Grace's own rating and note are hers to see and start from when she changes it.
    assertThat(row(grace, "A6").locator(".my-rating")).containsText("Your rating: Emerging (1): “Our feedback is kind but rarely pushes back.”");
    grace.reload();
    Locator again = row(grace, "A6");
    again.getByText("Change your rating").click();
    assertThat(again.getByLabel("1: Emerging")).isChecked();
    assertThat(again.getByLabel("Note (optional)")).hasValue("Our feedback is kind but rarely pushes back.");
    audit(grace, "culture-rating");
    assertThat(row(ana, "A6").locator(".my-rating")).hasCount(0);
  }
}

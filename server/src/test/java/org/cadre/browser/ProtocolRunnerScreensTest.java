package org.cadre.browser;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.RequestOptions;
import com.microsoft.playwright.options.SelectOption;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** Running a discussion protocol in the meeting room with two people: Ana (the team's lead) drives, Ben follows. */
class ProtocolRunnerScreensTest extends BrowserTest {

  private static final String TEAM = "Lincoln 9th Grade Pathway Team";

  @Test
  void aLeadRunsExaminingDataAndAMemberFollowsTheSameStepAndClockEvenAfterReloading() {
    Page ana = signedIn("ana.torres@riverside.demo");
    Page ben = signedIn("ben.carter@riverside.demo");
    String team = spaceId(ana, TEAM);
    String path = meeting(ana, team);
    open(ana, path);
    open(ben, path);

    Locator start = ana.locator("cadre-run-start");
    start.getByLabel("Protocol").selectOption(new SelectOption().setLabel("Examining Data"));
    assertThat(start).containsText("9 steps, 70 min");
    start.getByLabel("Agenda item it serves").selectOption(new SelectOption().setLabel("Ninth grade attendance"));
    start.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Start the protocol")).click();

    Locator anaRun = ana.locator("cadre-protocol-runner");
    Locator benRun = ben.locator("cadre-protocol-runner");
    assertThat(benRun.locator(".run-step-count")).hasText("Step 1 of 9");
    assertThat(benRun.locator(".run-step-title")).hasText("Opening");
    assertThat(benRun).containsText("For “Ninth grade attendance”");
    assertThat(benRun.locator(".run-prompt")).containsText("Go over the norms");
    // Only the facilitator or a lead drives: Ben has no controls.
    assertThat(benRun.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Next step"))).hasCount(0);

    anaRun.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Next step")).click();
    assertThat(benRun.locator(".run-step-title")).hasText("Gather facts");
    assertThat(benRun.locator(".run-step-count")).hasText("Step 2 of 9");
    assertSameTimeLeft(ana, ben);

    // A member who reads Cadre in Spanish follows the built-in protocol in Spanish.
    Page grace = signedIn("grace.kim@riverside.demo");
    grace.navigate(url("/"));
    grace.evaluate("() => localStorage.setItem('cadre.language', 'es')");
    grace.navigate(url(path));
    assertThat(grace.locator("cadre-protocol-runner .run-step-count")).hasText("Paso 2 de 9");
    assertThat(grace.locator("cadre-protocol-runner .run-step-title")).hasText("Reunir hechos");
    assertThat(grace.locator("cadre-protocol-runner .clock-label")).hasText("Queda en este paso");
    grace.close();

    // Ben reloads mid-step: the countdown comes back where everyone else's is.
    ben.reload();
    assertThat(ben.locator(".connection")).containsText("Live");
    assertThat(benRun.locator(".run-step-title")).hasText("Gather facts");
    assertSameTimeLeft(ana, ben);

    // Two more minutes for this step, for both screens.
    anaRun.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Add 2 minutes")).click();
    assertThat(benRun.locator(".run-clock")).containsText("2 minutes added");
    assertTrue(seconds(ben) > 10 * 60, "the step now has more than its 10 planned minutes left");

    // Notes for the step, typed by Ben, reach Ana.
    Locator benNotes = benRun.getByLabel("Notes for “Gather facts”");
    benNotes.click();
    ben.keyboard().type("Ninth grade absences fell in March.");
    assertThat(anaRun.getByLabel("Notes for “Gather facts”")).hasValue("Ninth grade absences fell in March.");
    audit(ben, "protocol-runner-member");

    // Pause: the clock stands still for both.
    anaRun.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Pause")).click();
    assertThat(benRun.locator(".run-clock")).containsText("Paused with this much left");
    String paused = benRun.locator(".clock-value").textContent();
    ben.waitForTimeout(1500);
    assertEquals(paused, benRun.locator(".clock-value").textContent());
    anaRun.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Resume")).click();
    assertThat(benRun.locator(".run-clock")).containsText("Left in this step");

    // An output becomes an action item in one step.
    anaRun.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Make an action item from “List of observed facts”")).click();
    anaRun.getByLabel("What needs doing").fill("Share the list of facts with the counselors");
    anaRun.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Create action item")).click();
    assertThat(ana.locator("#live-region")).containsText("Share the list of facts with the counselors");
    JsonObject board = get(ana, "/api/spaces/" + team + "/board");
    assertTrue(board.getJsonArray("actionItems").stream().map(JsonObject.class::cast)
      .anyMatch(a -> a.getString("title").equals("Share the list of facts with the counselors")), board.encodePrettily());

    // A role assigned by Ana shows on Ben's screen.
    anaRun.getByLabel("Recorder").selectOption(new SelectOption().setLabel("Ben Carter"));
    assertThat(benRun.locator(".run-roles-list")).containsText("Ben Carter");

    ana.setViewportSize(390, 844);
    ana.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("protocol-runner-390.png")).setFullPage(true));
    ana.setViewportSize(1280, 800);
    ana.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("protocol-runner-desktop.png")));
    audit(ana, "protocol-runner-facilitator");

    // The steps end early; the debrief is on the norms and finishes the run.
    anaRun.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("End the steps now")).click();
    assertThat(benRun.locator(".run-step-title")).hasText("Debrief");
    assertThat(benRun).containsText("The facilitator records what the team says.");
    anaRun.getByLabel("How did we keep our norms?").fill("We kept to the data and listened to each other.");
    anaRun.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Finish the protocol")).click();
    Locator history = ben.locator(".run-history");
    assertThat(history).containsText("Examining Data");
    assertThat(history).containsText("2 of 9 steps held");
    assertThat(history).containsText("We kept to the data and listened to each other.");
    assertThat(benRun).hasCount(0);
  }

  /** Both screens' countdowns, read one after the other, are within a second (plus the moment between the reads). */
  private static void assertSameTimeLeft(Page a, Page b) {
    long first = seconds(a);
    long second = seconds(b);
    assertTrue(Math.abs(first - second) <= 1, "one screen shows " + first + " s left, the other " + second + " s");
  }

  private static long seconds(Page page) {
    String text = page.locator("cadre-protocol-runner .clock-value").textContent().trim();
    String[] parts = text.split(":");
    return Long.parseLong(parts[0]) * 60 + Long.parseLong(parts[1]);
  }

  private String meeting(Page lead, String team) {
    JsonObject created = post(lead, "/api/spaces/" + team + "/meetings", new JsonObject().put("title", "Data meeting")
      .put("startsAt", Instant.now().plus(5, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS).toString()).put("durationMinutes", 90));
    String meetingId = created.getJsonObject("payload").getJsonArray("meetings").getJsonObject(0).getString("id");
    post(lead, "/api/spaces/" + team + "/meetings/" + meetingId + "/agenda",
      new JsonObject().put("title", "Ninth grade attendance").put("minutes", 60));
    return "/spaces/" + team + "/meetings/" + meetingId;
  }

  private void open(Page page, String path) {
    page.navigate(url(path));
    assertThat(page.locator(".connection")).containsText("Live");
    assertThat(page.locator("cadre-agenda-item")).hasCount(1);
  }

  private JsonObject post(Page page, String path, JsonObject body) {
    var response = page.context().request().post(url(path), RequestOptions.create()
      .setHeader("content-type", "application/json").setHeader("origin", url("")).setData(body.encode()));
    if (response.status() >= 300) fail(path + " answered " + response.status() + ": " + response.text());
    return new JsonObject(response.text());
  }

  private JsonObject get(Page page, String path) {
    return new JsonObject(page.context().request().get(url(path)).text());
  }
}

package org.cadre.browser;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.RequestOptions;
import com.microsoft.playwright.options.SelectOption;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.cadre.protocol.ProtocolLibrary;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Running a discussion protocol in the meeting room: with two people (Ana, the team's lead, drives; Ben follows), and
 * as it reaches the team's Culture tab and the facilitator's metrics once it is over.
 */
class ProtocolRunnerScreensTest extends BrowserTest {

  private static final String TEAM = "Lincoln 9th Grade Pathway Team";
  private static final String HEALTH = "Jefferson Health Academy Team";

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

  /**
   * A team's protocol edited while the meeting room is open: the start form offers the new version at once (a run
   * started now is of it, as the server starts the latest), while a run already going keeps its own.
   */
  @Test
  void aProtocolEditedWhileTheRoomIsOpenIsOfferedAndStartedAtItsNewVersion() {
    Page ana = signedIn("ana.torres@riverside.demo");
    String team = spaceId(ana, TEAM);
    JsonObject copy = post(ana, "/api/spaces/" + team + "/protocols/" + ProtocolLibrary.idOf("examining-data") + "/copy",
      new JsonObject().put("name", "Our data huddle"));
    String path = meeting(ana, team);
    open(ana, path);
    Locator start = ana.locator("cadre-run-start");
    start.getByLabel("Protocol").selectOption(new SelectOption().setLabel("Our data huddle (Version 1)"));
    assertThat(start).containsText("9 steps, 70 min");

    JsonObject content = copy.getJsonObject("content").copy();
    content.put("steps", new JsonArray().add(new JsonObject().put("title", "Warm up").put("minMinutes", 2).put("maxMinutes", 2))
      .add(new JsonObject().put("title", "Look at one chart").put("minMinutes", 5).put("maxMinutes", 10))
      .add(new JsonObject().put("title", "Next step").put("minMinutes", 3).put("maxMinutes", 3)));
    var saved = ana.context().request().put(url("/api/protocols/" + copy.getString("id")), RequestOptions.create()
      .setHeader("content-type", "application/json").setHeader("origin", url("")).setData(content.encode()));
    assertEquals(200, saved.status(), saved.text());

    assertThat(start.getByLabel("Protocol").locator("option:checked")).hasText("Our data huddle (Version 2)");
    assertThat(start).containsText("3 steps, 10 to 15 min");
    start.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Start the protocol")).click();
    Locator run = ana.locator("cadre-protocol-runner");
    assertThat(run.locator(".run-step-count")).hasText("Step 1 of 3");
    assertThat(run.locator(".run-step-title")).hasText("Warm up");
  }

  /**
   * Issue 11's "done when": the Jefferson Health Academy Team's facilitator runs Examining Data on a data item of a
   * meeting and closes it; on Emma's open Culture tab the rows that count data protocols and structured meetings (A3,
   * C3) and on Ravi's open metrics dashboard the protocol figures move to what the API now counts, with no reload.
   */
  @Test
  void aFinishedRunReachesTheOpenCultureTabAndTheFacilitatorsDashboardWithoutAReload() {
    Page room = signedIn("ravi.patel@riverside.demo");
    Page culture = signedIn("emma.johnson@riverside.demo");
    Page dashboard = signedIn("ravi.patel@riverside.demo");
    String team = spaceId(room, HEALTH);
    String path = dataMeeting(room, team);

    culture.navigate(url("/spaces/" + team + "/culture"));
    assertThat(culture.locator("cadre-culture-row")).hasCount(16);
    dashboard.navigate(url("/me/metrics"));
    Locator panel = dashboard.locator("section.panel").filter(new Locator.FilterOptions().setHasText(HEALTH));
    assertThat(panel.locator("cadre-metrics-figures dl")).isVisible();
    for (Page page : List.of(culture, dashboard)) {
      assertThat(page.locator(".connection")).containsText("Live");
      page.waitForFunction("id => window.cadreBus.subscriptions.get(id)?.state === 'live'", team);
      // Gone after any reload: proves that what follows reached the page live.
      page.evaluate("() => { window.stillTheSamePage = true; }");
    }

    // Before: what the API counts is on both screens.
    Map<String, JsonObject> rowsBefore = cultureRows(room, team);
    JsonObject a3 = rowsBefore.get("A3").getJsonObject("measured");
    JsonObject c3 = rowsBefore.get("C3").getJsonObject("measured");
    int held = a3.getInteger("meetingsHeld");
    String a3Before = percent(a3.getDouble("dataProtocolMeetingShare"));
    assertThat(measure(culture, "A3", "Meetings that used a data protocol")).hasText(a3Before);
    assertThat(measure(culture, "C3", "Meetings that reviewed norms or ran a protocol")).hasText(percent(c3.getDouble("normsOrProtocolShare")));
    JsonObject figuresBefore = myFigures(room, team);
    assertFigures(dashboard, panel, figuresBefore);

    // The facilitator runs Examining Data on the data item, step by step, debriefs and closes the meeting.
    open(room, path);
    Locator start = room.locator("cadre-run-start");
    start.getByLabel("Protocol").selectOption(new SelectOption().setLabel("Examining Data"));
    start.getByLabel("Agenda item it serves").selectOption(new SelectOption().setLabel("Certification practice results"));
    start.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Start the protocol")).click();
    Locator run = room.locator("cadre-protocol-runner");
    for (int step = 1; step < 9; step++) {
      assertThat(run.locator(".run-step-count")).hasText("Step " + step + " of 9");
      run.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Next step")).click();
    }
    assertThat(run.locator(".run-step-count")).hasText("Step 9 of 9");
    run.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Finish the steps")).click();
    assertThat(run.locator(".run-step-title")).hasText("Debrief");
    run.getByLabel("How did we keep our norms?").fill("Everyone spoke once before anyone spoke twice.");
    run.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Finish the protocol")).click();
    assertThat(room.locator(".run-history")).containsText("9 of 9 steps held");
    room.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Close the meeting")).click();
    room.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Close it now")).click();
    assertThat(room.locator(".room-header .lead-text")).containsText("Held");

    // After: the API counts one more held meeting, with a data protocol run in it, and nine timed steps.
    Map<String, JsonObject> rowsAfter = cultureRows(room, team);
    JsonObject a3After = rowsAfter.get("A3").getJsonObject("measured");
    JsonObject c3After = rowsAfter.get("C3").getJsonObject("measured");
    assertEquals(held + 1, a3After.getInteger("meetingsHeld"));
    assertEquals(a3.getInteger("dataMeetingsWithDataProtocol") + 1, a3After.getInteger("dataMeetingsWithDataProtocol"));
    assertEquals(c3.getInteger("normsOrProtocol") + 1, c3After.getInteger("normsOrProtocol"));
    JsonObject figuresAfter = myFigures(room, team);
    JsonObject protocols = figuresBefore.getJsonObject("protocols");
    JsonObject protocolsAfter = figuresAfter.getJsonObject("protocols");
    assertEquals(figuresBefore.getJsonObject("meetings").getInteger("held") + 1, figuresAfter.getJsonObject("meetings").getInteger("held"));
    assertEquals(protocols.getInteger("runs") + 1, protocolsAfter.getInteger("runs"));
    assertEquals(protocols.getJsonObject("byCategory").getInteger("data") + 1, protocolsAfter.getJsonObject("byCategory").getInteger("data"));
    assertEquals(protocols.getInteger("stepsTotal") + 9, protocolsAfter.getInteger("stepsTotal"));
    assertEquals(protocols.getInteger("timedSteps") + 9, protocolsAfter.getInteger("timedSteps"));

    // ...and so do the open screens, which nobody reloaded.
    String a3Text = percent(a3After.getDouble("dataProtocolMeetingShare"));
    // (One more held meeting without the run would have lowered the share instead.)
    assertNotEquals(a3Before, a3Text);
    assertThat(measure(culture, "A3", "Meetings that used a data protocol")).hasText(a3Text);
    assertThat(measure(culture, "C3", "Meetings that reviewed norms or ran a protocol")).hasText(percent(c3After.getDouble("normsOrProtocolShare")));
    assertThat(measure(culture, "C3", "Meetings with a protocol or a debrief")).hasText(percent(c3After.getDouble("protocolOrDebriefShare")));
    assertThat(culture.locator(".culture-summary")).containsText("Based on " + (held + 1) + " meetings held");
    assertFigures(dashboard, panel, figuresAfter);
    for (Page page : List.of(culture, dashboard)) {
      assertEquals(true, page.evaluate("() => window.stillTheSamePage === true"), "the page was reloaded");
    }

    dashboard.screenshot(new Page.ScreenshotOptions().setPath(Path.of("/tmp/i11-metrics-after.png")).setFullPage(true));
    panel.screenshot(new Locator.ScreenshotOptions().setPath(Path.of("/tmp/i11-metrics-panel-after.png")));
    culture.locator("article[data-row=A3]").screenshot(new Locator.ScreenshotOptions().setPath(Path.of("/tmp/i11-culture-a3-after.png")));
    culture.locator("article[data-row=C3]").screenshot(new Locator.ScreenshotOptions().setPath(Path.of("/tmp/i11-culture-c3-after.png")));
    culture.screenshot(new Page.ScreenshotOptions().setPath(Path.of("/tmp/i11-culture-after.png")).setFullPage(true));
  }

  /** A meeting of the team that began five minutes ago, with one item that looks at assessment data. */
  private String dataMeeting(Page lead, String team) {
    JsonObject created = post(lead, "/api/spaces/" + team + "/meetings", new JsonObject().put("title", "Certification check")
      .put("startsAt", Instant.now().minus(5, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS).toString()).put("durationMinutes", 90));
    String meetingId = created.getJsonObject("payload").getJsonArray("meetings").getJsonObject(0).getString("id");
    post(lead, "/api/spaces/" + team + "/meetings/" + meetingId + "/agenda", new JsonObject().put("title", "Certification practice results")
      .put("minutes", 60).put("focus", "student-outcomes").put("kind", "data-review").put("dataArtifacts", new JsonArray()
        .add(new JsonObject().put("type", "assessment").put("title", "CPR practice exam scores by student"))));
    return "/spaces/" + team + "/meetings/" + meetingId;
  }

  /** The team's culture rows by id, as the API scores them now. */
  private Map<String, JsonObject> cultureRows(Page page, String team) {
    Map<String, JsonObject> rows = new HashMap<>();
    get(page, "/api/spaces/" + team + "/culture").getJsonArray("rows").forEach(row -> rows.put(((JsonObject) row).getString("id"), (JsonObject) row));
    return rows;
  }

  /** The team's figures on the caller's dashboard, as the API counts them now. */
  private JsonObject myFigures(Page page, String team) {
    return get(page, "/api/me/metrics").getJsonArray("teams").stream().map(JsonObject.class::cast)
      .filter(t -> t.getString("spaceId").equals(team)).findFirst().orElseThrow();
  }

  private static Locator measure(Page page, String row, String label) {
    return page.locator("article[data-row=" + row + "] cadre-culture-measure")
      .filter(new Locator.FilterOptions().setHasText(label)).locator(".measure-value");
  }

  /** A share as the Culture tab shows it: a whole percentage. */
  private static String percent(double share) {
    return Math.round(share * 100) + "%";
  }

  /** The protocol figures of the team's panel show these figures (numbers in the page's own format), waiting for them. */
  private static void assertFigures(Page page, Locator panel, JsonObject figures) {
    JsonObject p = figures.getJsonObject("protocols");
    JsonObject meetings = figures.getJsonObject("meetings");
    assertThat(figure(panel, "Meetings held")).hasText(meetings.getInteger("held") + " of " + meetings.getInteger("scheduled") + " scheduled");
    Double perMeeting = p.getDouble("runsPerMeeting");
    assertThat(figure(panel, "Protocol runs per meeting")).hasText(perMeeting == null ? "Nothing to count" : number(page, perMeeting));
    Double completion = p.getDouble("completionRate");
    assertThat(figure(panel, "Protocol steps completed")).hasText(completion == null ? "Nothing to count"
      : number(page, Math.round(completion * 100)) + "%");
    Double over = p.getDouble("minutesOverPlanPerStep");
    int timed = p.getInteger("timedSteps");
    String stepTime = over == null ? "Not recorded yet"
      : (over == 0 ? "On plan" : number(page, Math.abs(over)) + " min " + (over > 0 ? "over" : "under") + " plan")
        + (timed == 1 ? " (1 timed step)" : " (mean of " + timed + " timed steps)");
    assertThat(figure(panel, "Time over or under plan per step")).hasText(stepTime);
    assertThat(figure(panel, "Protocols by category")).hasText(Pattern.compile("(^|, )Data: "
      + p.getJsonObject("byCategory").getInteger("data") + "(,|$)"));
  }

  private static Locator figure(Locator panel, String label) {
    return panel.locator("dl.metrics-figures > div").filter(new Locator.FilterOptions().setHasText(label)).locator("dd");
  }

  private static String number(Page page, double value) {
    return (String) page.evaluate("async (v) => (await import('/i18n/i18n.js')).formatNumber(v)", value);
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

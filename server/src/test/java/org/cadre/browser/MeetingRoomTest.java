package org.cadre.browser;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.RequestOptions;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/** The meetings tab and the meeting room, with two demo people in two browsers: Ana (the team's lead) and Ben. */
class MeetingRoomTest extends BrowserTest {

  private static final String TEAM = "Lincoln 9th Grade Pathway Team";
  private static final String ANA = "ana.torres@riverside.demo";
  private static final String BEN = "ben.carter@riverside.demo";

  private record Room(String team, String meetingId, String itemId) {
    String path() {
      return "/spaces/" + team + "/meetings/" + meetingId;
    }
  }

  @Test
  void notesTypedByOneAppearForTheOtherAndTypingAtOnceKeepsBothTexts() {
    Page ana = signedIn(ANA);
    Page ben = signedIn(BEN);
    Room room = meetingWithItem(ana, "Reading data review", "Start.\nEnd.");
    open(ana, room);
    open(ben, room);

    Locator anaNotes = notes(ana);
    Locator benNotes = notes(ben);
    anaNotes.click();
    ana.keyboard().press("Control+End");
    ana.keyboard().type(" Ana was here.");
    assertThat(benNotes).hasValue("Start.\nEnd. Ana was here.");
    // Ben sees who edits the notes: an outline and Ana's name on the field.
    assertThat(ben.locator(".shared-field.being-edited")).containsText("Ana Torres is editing");

    // Both at once: Ana at the start, Ben at the end, each sending from the same stored text.
    benNotes.click();
    ben.keyboard().press("Control+End");
    anaNotes.click();
    ana.keyboard().press("Control+Home");
    ana.keyboard().type("Alpha ");
    ben.keyboard().type(" Omega");
    String both = "Alpha Start.\nEnd. Ana was here. Omega";
    assertThat(anaNotes).hasValue(both);
    assertThat(benNotes).hasValue(both);
    assertThat(ana.locator(".pending")).hasCount(0);
    assertEquals(both, item(ana, room).getString("notes"));
    audit(ben, "meeting-room");
  }

  @Test
  void aCheckInAppearsOnTheFacilitatorsAttendanceListLive() {
    Page ana = signedIn(ANA);
    Page ben = signedIn(BEN);
    Room room = meetingWithItem(ana, "Check-in meeting", "");
    open(ana, room);
    open(ben, room);
    Locator benRow = ana.locator(".attendance-row").filter(new Locator.FilterOptions().setHasText("Ben Carter"));
    assertThat(benRow.locator(".attendance-status")).containsText("Not checked in");

    ben.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Check in")).click();
    assertThat(ben.getByText("You are checked in")).isVisible();
    assertThat(benRow.locator(".attendance-status")).containsText("Present");
    // The facilitator's marks change it for everyone.
    benRow.getByLabel("Attendance of Ben Carter").selectOption("late");
    assertThat(ben.locator(".attendance-row").filter(new Locator.FilterOptions().setHasText("Ben Carter"))
      .locator(".attendance-status")).containsText("Late");
  }

  /**
   * The realtime link (SockJS under /eventbus) is cut with page.route rather than context.setOffline, so the page
   * and its REST reads can still be served on reload: the edit can only travel through the bus's outbox.
   */
  @Test
  void anEditMadeOfflineSurvivesAReloadAndArrivesExactlyOnce() {
    Page ana = signedIn(ANA);
    Page ben = signedIn(BEN);
    Room room = meetingWithItem(ana, "Offline meeting", "Agreed:");
    open(ana, room);
    long before = new JsonObject(ben.context().request().get(url("/api/spaces/" + room.team())).text()).getLong("seq");

    ben.route("**/eventbus/**", route -> route.abort());
    ben.navigate(url(room.path()));
    assertThat(ben.locator(".connection")).not().containsText("Live");
    notes(ben).click();
    ben.keyboard().press("Control+End");
    ben.keyboard().type(" offline words");
    assertThat(ben.locator(".pending")).containsText("Not saved yet");
    assertThat(ben.locator(".connection-waiting")).containsText("1 change waiting");

    ben.reload();
    assertThat(notes(ben)).hasValue("Agreed: offline words");
    assertThat(ben.locator(".pending")).containsText("Not saved yet");

    ben.unroute("**/eventbus/**");
    LocatorAssertions.HasValueOptions reconnecting = new LocatorAssertions.HasValueOptions().setTimeout(30_000);
    assertThat(notes(ana)).hasValue("Agreed: offline words", reconnecting);
    assertThat(ben.locator(".pending")).hasCount(0, new LocatorAssertions.HasCountOptions().setTimeout(10_000));

    String stored = item(ana, room).getString("notes");
    assertEquals(1, stored.split("offline words", -1).length - 1, stored);
    JsonObject page = new JsonObject(ana.context().request().get(url("/api/spaces/" + room.team() + "/events?after=" + before)).text());
    long updates = page.getJsonArray("events").stream().map(JsonObject.class::cast)
      .filter(e -> e.getString("type").equals("agenda.updated") && room.itemId().equals(e.getJsonObject("payload").getString("id")))
      .count();
    assertEquals(1, updates, page.encodePrettily());
  }

  @Test
  void anEditThatCannotBeMergedShowsBothTextsAndKeepMineStoresMine() {
    Page ana = signedIn(ANA);
    Page ben = signedIn(BEN);
    Room room = meetingWithItem(ana, "Conflict meeting", "We meet on Monday.");
    open(ana, room);
    ben.route("**/eventbus/**", route -> route.abort());
    ben.navigate(url(room.path()));
    replaceLastWord(ben, "Tuesday.");
    assertThat(ben.locator(".pending")).containsText("Not saved yet");
    replaceLastWord(ana, "Friday.");
    assertThat(ana.locator(".pending")).hasCount(0);

    ben.unroute("**/eventbus/**");
    Locator conflict = ben.locator(".conflict");
    assertThat(conflict).isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(30_000));
    assertThat(conflict.locator(".conflict-text").first()).hasText("We meet on Friday.");
    assertThat(conflict.locator(".conflict-text").last()).hasText("We meet on Tuesday.");
    conflict.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Keep mine")).click();
    assertThat(notes(ana)).hasValue("We meet on Tuesday.");
    assertEquals("We meet on Tuesday.", item(ana, room).getString("notes"));
  }

  @Test
  void theKeyboardAloneSchedulesAMeetingAndBuildsItsAgenda() {
    Page ana = signedIn(ANA);
    String team = spaceId(ana, TEAM);
    ana.navigate(url("/spaces/" + team + "/meetings"));
    assertThat(ana.locator(".meeting-list").first()).isVisible();
    audit(ana, "meetings-tab");

    tabTo(ana, "Schedule a meeting");
    ana.keyboard().press("Enter");
    assertThat(ana.getByLabel("Title")).isFocused();
    ana.keyboard().type("Keyboard planning meeting");
    ana.keyboard().press("Enter");

    assertThat(ana).hasURL(Pattern.compile(".*/spaces/" + team + "/meetings/[0-9a-f-]{36}$"));
    assertThat(ana.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Keyboard planning meeting"))).isFocused();
    tabTo(ana, "Title of the new item");
    ana.keyboard().type("Warm-up");
    ana.keyboard().press("Enter");
    assertThat(ana.locator("cadre-agenda-item")).hasCount(1);
    assertThat(ana.getByLabel("Title of the new item")).isFocused();
    ana.keyboard().type("Attendance data");
    ana.keyboard().press("Tab");
    ana.keyboard().type("15");
    ana.keyboard().press("Enter");
    assertThat(ana.locator("cadre-agenda-item")).hasCount(2);

    // Reorder from the keyboard: the second item's "Move up" button.
    tabTo(ana, "Move Attendance data up");
    ana.keyboard().press("Enter");
    assertThat(ana.locator(".agenda-item-title").first()).containsText("Attendance data");
    audit(ana, "meeting-room-new");
  }

  /** merge.js on its own: another's edit lands in the local text, the caret stays in the word being typed. */
  @Test
  void aRemoteEditIsMergedIntoUnsentTypingWithoutMovingTheCaretOutOfTheWord() {
    Page page = signedIn(BEN);
    page.navigate(url("/spaces"));
    Object merged = page.evaluate("""
      async () => {
        const { rebase } = await import('/meeting/merge.js');
        // Ben typed "wor" (caret after it); meanwhile Ana put "Agenda: " in front and fixed "teh" at the end.
        const base = 'Hello teh end';
        const local = 'Hello wor teh end';
        const remote = 'Agenda: Hello teh end.';
        const at = rebase(base, local, remote, 'Hello wor'.length);
        const same = rebase(base, base, remote, 3);
        return [at.text, at.text.slice(0, at.caret), same.text, same.caret];
      }""");
    assertEquals(java.util.List.of("Agenda: Hello wor teh end.", "Agenda: Hello wor", "Agenda: Hello teh end.", 11), merged);
  }

  // --- helpers ----------------------------------------------------------------------------------------------

  /** A meeting starting in five minutes (check-in is open) with one agenda item, made as the lead through REST. */
  private Room meetingWithItem(Page lead, String title, String notes) {
    String team = spaceId(lead, TEAM);
    JsonObject created = post(lead, "/api/spaces/" + team + "/meetings", new JsonObject().put("title", title)
      .put("startsAt", Instant.now().plus(5, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS).toString()).put("durationMinutes", 60));
    String meetingId = created.getJsonObject("payload").getJsonArray("meetings").getJsonObject(0).getString("id");
    JsonObject item = post(lead, "/api/spaces/" + team + "/meetings/" + meetingId + "/agenda",
      new JsonObject().put("title", "Ninth grade attendance").put("minutes", 20).put("notes", notes));
    return new Room(team, meetingId, item.getJsonObject("payload").getString("id"));
  }

  private JsonObject post(Page page, String path, JsonObject body) {
    var response = page.context().request().post(url(path), RequestOptions.create()
      .setHeader("content-type", "application/json").setHeader("origin", url("")).setData(body.encode()));
    if (response.status() >= 300) fail(path + " answered " + response.status() + ": " + response.text());
    return new JsonObject(response.text());
  }

  private JsonObject item(Page page, Room room) {
    JsonObject meeting = new JsonObject(page.context().request().get(url("/api/spaces/" + room.team() + "/meetings/" + room.meetingId())).text());
    return meeting.getJsonArray("agenda").stream().map(JsonObject.class::cast)
      .filter(i -> i.getString("id").equals(room.itemId())).findFirst().orElseThrow();
  }

  private void open(Page page, Room room) {
    page.navigate(url(room.path()));
    assertThat(page.locator(".connection")).containsText("Live");
    assertThat(notes(page)).isVisible();
  }

  /** Selects the notes' last "Monday." and types over it, as a person would. */
  private static void replaceLastWord(Page page, String word) {
    notes(page).click();
    page.keyboard().press("Control+End");
    for (int i = 0; i < "Monday.".length(); i++) {
      page.keyboard().press("Shift+ArrowLeft");
    }
    page.keyboard().type(word);
  }

  private static Locator notes(Page page) {
    return page.locator("cadre-agenda-item").first().getByLabel("Notes");
  }

  /** Presses Tab until the control with this accessible name has the focus, as a keyboard user would. */
  private static void tabTo(Page page, String name) {
    for (int i = 0; i < 80; i++) {
      page.keyboard().press("Tab");
      Object focused = page.evaluate("() => { const e = document.activeElement; return e ? (e.getAttribute('aria-label') "
        + "|| (e.labels && e.labels[0] && e.labels[0].textContent) || e.textContent || '').trim() : ''; }");
      if (String.valueOf(focused).replaceAll("\\s+", " ").equals(name)) return;
    }
    fail("Tab never reached " + name);
  }
}

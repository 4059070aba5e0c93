package org.cadre.browser;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.RequestOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

/** The team's board and actions tabs: live for two people at once, by keyboard, and audited with axe-core. */
class BoardScreensTest extends BrowserTest {

  private static final String NINTH = "Lincoln 9th Grade Pathway Team";

  @Test
  void twoMembersClaimTheSameItemAtOnceAndBothSeeTheOneWinner() {
    Page ben = signedIn("ben.carter@riverside.demo");
    Page grace = signedIn("grace.kim@riverside.demo");
    String team = spaceId(ben, NINTH);
    String title = "Call the families of students absent three days " + UUID.randomUUID().toString().substring(0, 6);
    String itemId = write(ben, "POST", "/api/spaces/" + team + "/action-items", new JsonObject().put("title", title))
      .getJsonObject("payload").getString("id");

    Locator benCard = openCard(ben, team, title);
    Locator graceCard = openCard(grace, team, title);
    // Both clicks are scheduled for the same instant in each browser, so both claims are on their way together.
    String click = "([title, at]) => setTimeout(() => [...document.querySelectorAll('.action-card')]"
      + ".find((card) => card.textContent.includes(title)).querySelector('button.claim').click(), at - Date.now())";
    long at = System.currentTimeMillis() + 400;
    ben.evaluate(click, List.of(title, (double) at));
    grace.evaluate(click, List.of(title, (double) at));

    String ownerId = pollOwner(ben, team, itemId);
    boolean benWon = ownerId.equals(read(ben, "/api/me").getString("id"));
    String winner = benWon ? "Ben Carter" : "Grace Kim";
    Locator winnerCard = benWon ? benCard : graceCard;
    Locator loserCard = benWon ? graceCard : benCard;
    assertThat(winnerCard.locator(".owner")).containsText(winner + " (you)");
    assertThat(loserCard.locator(".owner")).containsText(winner);
    assertThat(loserCard).containsText(winner + " claimed it first.");
    assertThat(winnerCard.locator("button.claim")).hasCount(0);
    assertThat(loserCard.locator("button.claim")).hasCount(0);
  }

  @Test
  void aNormAddedByOneMemberAppearsForAnotherWithoutReload() {
    Page ana = signedIn("ana.torres@riverside.demo");
    Page grace = signedIn("grace.kim@riverside.demo");
    String team = spaceId(ana, NINTH);
    ana.navigate(url("/spaces/" + team + "/board"));
    grace.navigate(url("/spaces/" + team + "/board"));
    assertThat(grace.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Norms"))).isVisible();
    assertThat(ana.locator(".connection")).containsText("Live");
    assertThat(grace.locator(".connection")).containsText("Live");

    String norm = "We start and end on time " + UUID.randomUUID().toString().substring(0, 6);
    ana.getByLabel("New norm").fill(norm);
    ana.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add norm")).click();
    assertThat(ana.locator(".norm-list")).containsText(norm);
    assertThat(grace.locator(".norm-list")).containsText(norm);
    assertThat(grace.locator("#live-region")).containsText(norm);
  }

  @Test
  void aNormEditThatCannotBeMergedShowsBothTextsAndKeepMineStoresTheChosenText() {
    Page ana = signedIn("ana.torres@riverside.demo");
    Page grace = signedIn("grace.kim@riverside.demo");
    String team = spaceId(ana, NINTH);
    String tag = UUID.randomUUID().toString().substring(0, 6);
    String norm = "Phones stay in bags " + tag;
    String normId = write(ana, "POST", "/api/spaces/" + team + "/norms", new JsonObject().put("text", norm))
      .getJsonObject("payload").getString("id");
    grace.navigate(url("/spaces/" + team + "/board"));
    assertThat(grace.locator(".connection")).containsText("Live");
    Locator row = grace.locator(".norm-list > .norm").filter(new Locator.FilterOptions().setHasText(norm));
    row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Edit")).click();

    // While Grace edits, Ana rewrites the same words another way.
    String theirs = "Laptops closed unless we are writing " + tag;
    write(ana, "PATCH", "/api/spaces/" + team + "/norms/" + normId,
      new JsonObject().put("text", theirs).put("base", new JsonObject().put("text", norm)));
    String mine = "Everyone speaks before anyone speaks twice " + tag;
    Locator editor = grace.locator(".norm.editing");
    editor.locator("input[name=text]").fill(mine);
    editor.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save")).click();

    Locator conflict = editor.locator(".conflict");
    assertThat(conflict).containsText(theirs);
    assertThat(conflict).containsText(mine);
    conflict.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Keep mine")).click();
    assertThat(grace.locator(".conflict")).hasCount(0);
    assertThat(grace.locator(".norm-list")).containsText(mine);
    assertEquals(mine, read(grace, "/api/spaces/" + team + "/board").getJsonArray("norms").stream()
      .map(JsonObject.class::cast).filter(n -> n.getString("id").equals(normId)).findFirst().orElseThrow().getString("text"));
  }

  @Test
  void aNormMovedUpByKeyboardIsAnnouncedAndKeepsItsPlaceAfterReload() {
    Page ana = signedIn("ana.torres@riverside.demo");
    String team = spaceId(ana, NINTH);
    String norm = "We assume good intent " + UUID.randomUUID().toString().substring(0, 6);
    write(ana, "POST", "/api/spaces/" + team + "/norms", new JsonObject().put("text", norm));
    ana.navigate(url("/spaces/" + team + "/board"));
    Locator norms = ana.locator(".norm-list > .norm");
    assertThat(norms.last()).containsText(norm);
    int count = norms.count();

    norms.last().focus();
    ana.keyboard().press("Alt+ArrowUp");
    assertThat(norms.nth(count - 2)).containsText(norm);
    assertThat(norms.nth(count - 2)).isFocused();
    ana.keyboard().press("Alt+ArrowUp");
    assertThat(norms.nth(count - 3)).containsText(norm);
    assertThat(ana.locator("#live-region")).containsText("moved to position " + (count - 2) + " of " + count);

    ana.reload();
    assertThat(ana.locator(".norm-list > .norm").nth(count - 3)).containsText(norm);
    assertEquals(norm, activeNormTexts(ana, team).get(count - 3));
  }

  @Test
  void anOverdueItemIsMarkedInWordsAndTheTabsPassAnAudit() {
    Page ana = signedIn("ana.torres@riverside.demo");
    String team = spaceId(ana, NINTH);
    String title = "Send the attendance letters " + UUID.randomUUID().toString().substring(0, 6);
    write(ana, "POST", "/api/spaces/" + team + "/action-items", new JsonObject().put("title", title)
      .put("dueDate", LocalDate.now().minusDays(3).toString()).put("tags", new JsonArray().add("attendance")));
    Locator card = openCard(ana, team, title);
    assertThat(card.locator(".due-flag")).containsText("Overdue: was due");
    assertThat(card).containsText("attendance");
    audit(ana, "actions-tab");
    view(ana, "actions-tab-laptop-top", 1280, 800);
    view(ana, "actions-tab-phone-top", 360, 740);

    ana.navigate(url("/spaces/" + team + "/board"));
    assertThat(ana.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Agreements and policies"))).isVisible();
    assertThat(ana.locator(".stepper").first()).isVisible();
    audit(ana, "board-tab");
    view(ana, "board-tab-phone-top", 360, 740);
  }

  /** The first screenful only, at that size: what a person sees on opening the tab. */
  private void view(Page page, String name, int width, int height) {
    page.setViewportSize(width, height);
    page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")));
    page.setViewportSize(1280, 800);
  }

  private Locator openCard(Page page, String team, String title) {
    page.navigate(url("/spaces/" + team + "/actions"));
    Locator card = page.locator(".action-card").filter(new Locator.FilterOptions().setHasText(title));
    assertThat(card).isVisible();
    assertThat(page.locator(".connection")).containsText("Live");
    return card;
  }

  private String pollOwner(Page page, String team, String itemId) {
    for (int i = 0; i < 100; i++) {
      JsonObject item = read(page, "/api/spaces/" + team + "/board").getJsonArray("actionItems").stream()
        .map(JsonObject.class::cast).filter(o -> o.getString("id").equals(itemId)).findFirst().orElseThrow();
      if (item.getString("ownerId") != null) return item.getString("ownerId");
      page.waitForTimeout(50);
    }
    return fail("nobody claimed the item");
  }

  private List<String> activeNormTexts(Page page, String team) {
    return read(page, "/api/spaces/" + team + "/board").getJsonArray("norms").stream().map(JsonObject.class::cast)
      .filter(n -> n.getString("retiredAt") == null).map(n -> n.getString("text")).toList();
  }

  private JsonObject read(Page page, String path) {
    var response = page.context().request().get(url(path));
    if (response.status() != 200) fail("GET " + path + " answered " + response.status() + " " + response.text());
    return new JsonObject(response.text());
  }

  private JsonObject write(Page page, String method, String path, JsonObject body) {
    var response = page.context().request().fetch(url(path), RequestOptions.create().setMethod(method)
      .setHeader("content-type", "application/json").setHeader("origin", url("")).setData(body.encode()));
    if (response.status() >= 300) fail(method + " " + path + " answered " + response.status() + " " + response.text());
    JsonObject answer = new JsonObject(response.text());
    assertNotNull(answer.getJsonObject("payload"), answer.encode());
    return answer;
  }
}

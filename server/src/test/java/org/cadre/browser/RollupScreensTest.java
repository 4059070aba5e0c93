package org.cadre.browser;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.RequestOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.cadre.demo.SampleHistories;
import org.cadre.history.HistoryJson;
import org.cadre.test.ApiClient;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** The culture roll-up of the demo's district and network: its grid, its counts-only views, and live updates. */
class RollupScreensTest extends BrowserTest {

  private static final String DANIEL = "daniel.reyes@riverside.demo";
  private static final String MARCUS = "marcus.bell@riverside.demo";
  private static final String SOFIA = "sofia.alvarez@riverside.demo";
  private static final String DISTRICT = "Riverside Unified";
  private static final String NETWORK = "Harbor Valley Pathways Network";
  private static final String JEFFERSON_LEADS = "Jefferson Leadership Team";

  private static final Pattern LEVEL_WORDS = Pattern.compile("Emerging|Developing|Transforming|Not enough data|Not rated");

  @Test
  void aDistrictLeaderSeesTheFourDemoTeamsInTheGridCellsOfTheirStatusAndChangeAndOpensARowsEvidence() {
    Page daniel = signedIn(DANIEL);
    String district = spaceId(daniel, DISTRICT);
    JsonObject rollup = read(daniel, "/api/spaces/" + district + "/culture/rollup");
    List<JsonObject> teams = objects(rollup.getJsonArray("teams"));
    assertEquals(4, teams.size());

    openRollup(daniel, district);
    assertThat(daniel.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Culture roll-up"))).hasAttribute("aria-current", "page");
    for (JsonObject team : teams) {
      String name = team.getString("name");
      Locator place = team.getString("status") == null ? daniel.locator(".rollup-unplaced")
        : daniel.locator(".grid-cell[data-status='" + team.getString("status") + "'][data-change='" + team.getString("change") + "']");
      assertThat(place.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(name).setExact(true))).isVisible();
      if (team.getString("colour") != null) {
        assertThat(place).hasClass(Pattern.compile("colour-" + team.getString("colour")));
        assertThat(place.locator(".colour-name")).hasText(Pattern.compile(team.getString("colour"), Pattern.CASE_INSENSITIVE));
      }
      assertThat(daniel.locator(".rollup-heatmap .team-head").filter(new Locator.FilterOptions().setHasText(name))).hasCount(1);
    }
    assertThat(daniel.locator(".grid-cell a")).hasCount((int) teams.stream().filter(t -> t.getString("status") != null).count());
    assertThat(daniel.locator(".rollup-heatmap .group-head")).hasText(new String[] {"Jefferson High School", "Lincoln High School"});
    // The teams needing support come first, with a reason.
    List<JsonObject> support = objects(rollup.getJsonArray("needsSupport"));
    assertThat(daniel.locator(".support-team a")).hasText(support.stream().map(t -> t.getString("name")).toArray(String[]::new));
    audit(daniel, "rollup-district");
    phone(daniel, "rollup-district-390");

    // Any row's level opens that team's evidence for the row.
    JsonObject first = teams.get(0);
    Locator cell = daniel.locator("td[data-team='" + first.getString("spaceId") + "'][data-row='C1'] a");
    assertThat(cell).containsText(levelWord(first.getJsonObject("rows").getString("C1")));
    cell.focus();
    daniel.keyboard().press("Enter");
    daniel.waitForURL(url("/spaces/" + first.getString("spaceId") + "/culture?row=C1"));
    // There the row has the focus and its evidence is open.
    Locator row = daniel.locator("article[data-row='C1']");
    assertThat(row.locator("h4")).isFocused();
    assertThat(row.locator("details.evidence")).hasAttribute("open", "");
  }

  @Test
  void aSiteLeadSeesTheDistrictWithTheOtherSitesTeamsOnlyAsCounts() {
    Page marcus = signedIn(MARCUS);
    String district = spaceId(marcus, DISTRICT);
    JsonObject rollup = read(marcus, "/api/spaces/" + district + "/culture/rollup");
    assertEquals(4, rollup.getInteger("teamCount"));
    assertEquals(2, rollup.getInteger("hiddenTeams"));

    openRollup(marcus, district);
    assertThat(marcus.locator(".rollup-hidden-note")).containsText("2 of them are not shared with you");
    assertThat(marcus.locator(".rollup-heatmap .team-head")).hasCount(2);
    assertThat(marcus.locator(".closed-groups")).containsText("2 teams in a school not shared with you");
    String text = marcus.locator(".rollup").innerText();
    for (String secret : List.of("Jefferson", "Health Academy")) {
      assertFalse(text.contains(secret), "Marcus's roll-up names " + secret);
    }
    int hiddenInGrid = objects(rollup.getJsonObject("grid").getJsonArray("cells")).stream().mapToInt(c -> c.getInteger("hiddenTeams")).sum();
    assertThat(marcus.locator(".grid-hidden")).hasCount((int) objects(rollup.getJsonObject("grid").getJsonArray("cells")).stream()
      .filter(c -> c.getInteger("hiddenTeams") > 0).count());
    assertTrue(hiddenInGrid + rollup.getJsonObject("grid").getJsonObject("unplaced").getInteger("hiddenTeams") == 2);
    audit(marcus, "rollup-district-site-lead");
  }

  @Test
  void aDistrictLeadSeesTheNetworksOtherDistrictOnlyAsCounts() {
    ApiClient admin = server.admin();
    Page daniel = signedIn(DANIEL);
    String network = spaceId(daniel, NETWORK);
    String other = admin.expect(201, "POST", "/api/spaces/" + network + "/children",
      new JsonObject().put("name", "Northshore Unified").put("kind", "district")).getString("id");
    String site = admin.expect(201, "POST", "/api/spaces/" + other + "/children",
      new JsonObject().put("name", "Northshore High School").put("kind", "site")).getString("id");
    String hidden = admin.expect(201, "POST", "/api/spaces/" + site + "/import",
      HistoryJson.write(SampleHistories.team(new Random(7), null, 16, Instant.now()))).getString("spaceId");
    String hiddenName = admin.expect(200, "GET", "/api/spaces/" + hidden, null).getString("name");

    openRollup(daniel, network);
    assertThat(daniel.locator(".rollup-facts")).containsText("5 teams");
    assertThat(daniel.locator(".rollup-hidden-note")).containsText("1 of them is not shared with you");
    assertThat(daniel.locator(".rollup-heatmap .group-head")).hasText(new String[] {DISTRICT});
    assertThat(daniel.locator(".rollup-heatmap .team-head")).hasCount(4);
    assertThat(daniel.locator(".closed-groups")).containsText("1 team in a district not shared with you");
    String text = daniel.locator(".rollup").innerText();
    for (String secret : List.of(hiddenName, "Northshore")) {
      assertFalse(text.contains(secret), "Daniel's network roll-up names " + secret);
    }
    audit(daniel, "rollup-network-district-lead");
  }

  @Test
  void aTeamsNewScoreReachesTheOpenRollupWithoutAReload() {
    Page daniel = signedIn(DANIEL);
    Page sofia = signedIn(SOFIA);
    String district = spaceId(daniel, DISTRICT);
    String team = spaceId(sofia, JEFFERSON_LEADS);
    openRollup(daniel, district);
    assertThat(daniel.locator(".connection")).containsText("Live");
    Locator b1 = daniel.locator("td[data-team='" + team + "'][data-row='B1']");
    String before = teamOf(read(daniel, "/api/spaces/" + district + "/culture/rollup"), team).getJsonObject("rows").getString("B1");
    assertThat(b1).containsText(levelWord(before));
    daniel.evaluate("() => { window.notReloaded = true; }");

    int rating = "transforming".equals(before) ? 1 : 3;
    var response = sofia.context().request().fetch(url("/api/spaces/" + team + "/culture/ratings"), RequestOptions.create()
      .setMethod("POST").setHeader("content-type", "application/json").setHeader("origin", url(""))
      .setData(new JsonObject().put("row", "B1").put("level", rating).encode()));
    if (response.status() != 200) fail("rating answered " + response.status() + " " + response.text());
    JsonObject after = teamOf(read(daniel, "/api/spaces/" + district + "/culture/rollup"), team);
    assertNotEquals(before, after.getJsonObject("rows").getString("B1"));

    assertThat(b1).containsText(levelWord(after.getJsonObject("rows").getString("B1")));
    Locator overall = daniel.locator(".rollup-heatmap .overall td").nth(teamColumn(daniel, team));
    assertThat(overall).containsText(levelWord(after.getString("level")));
    if (after.getString("status") != null) {
      assertThat(daniel.locator(".grid-cell[data-status='" + after.getString("status") + "'][data-change='" + after.getString("change") + "']"))
        .containsText(JEFFERSON_LEADS);
    }
    assertEquals(true, daniel.evaluate("() => window.notReloaded === true"));
    assertThat(daniel.locator("#live-region")).containsText("The culture roll-up was updated.");
  }

  /** Opens the space's roll-up tab and waits for it generously: a first load fetches every module on a busy machine. */
  private void openRollup(Page page, String space) {
    page.navigate(url("/spaces/" + space + "/rollup"));
    assertThat(page.locator(".rollup")).isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(60_000));
  }

  /** The heat map column of the team, counted among the team columns. */
  private static int teamColumn(Page page, String team) {
    Locator heads = page.locator(".rollup-heatmap .team-head a");
    for (int i = 0; i < heads.count(); i++) {
      if (heads.nth(i).getAttribute("href").contains(team)) return i;
    }
    fail("no column for " + team);
    return -1;
  }

  private static JsonObject teamOf(JsonObject rollup, String team) {
    return objects(rollup.getJsonArray("teams")).stream().filter(t -> team.equals(t.getString("spaceId"))).findFirst().orElseThrow();
  }

  private static String levelWord(String level) {
    String word = switch (level) {
      case "emerging" -> "Emerging";
      case "developing" -> "Developing";
      case "transforming" -> "Transforming";
      case "insufficient" -> "Not enough data";
      default -> "Not rated";
    };
    assertTrue(LEVEL_WORDS.matcher(word).matches());
    return word;
  }

  /** A screenshot at the phone width the issue names, with the page not scrolling sideways (only the tables do). */
  private void phone(Page page, String name) {
    var original = page.viewportSize();
    page.setViewportSize(390, 844);
    page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
    Object overflow = page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
    assertEquals(0, ((Number) overflow).intValue(), "the page scrolls sideways at 390 px");
    page.setViewportSize(original.width, original.height);
  }

  private static List<JsonObject> objects(JsonArray array) {
    return array.stream().map(JsonObject.class::cast).toList();
  }

  private JsonObject read(Page page, String path) {
    var response = page.context().request().get(url(path));
    if (response.status() != 200) fail("GET " + path + " answered " + response.status() + " " + response.text());
    return new JsonObject(response.text());
  }
}

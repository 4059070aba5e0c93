package org.cadre.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.RequestOptions;
import io.vertx.core.json.JsonObject;
import org.cadre.demo.DemoNetwork;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The client in Spanish: chosen from a Spanish browser, or with the user menu's switch and then remembered for the
 * user in every browser. On each main screen no message of en.js whose Spanish differs is left on screen.
 */
class SpanishUiTest extends BrowserTest {

  private static final String TEAM = "Lincoln 9th Grade Pathway Team";

  /**
   * The English messages showing on the page: every en.js message whose es.js text differs (its {variables} as
   * wildcards) that is the whole of a line of the page's visible text, of a visible text node, or of an
   * accessible name (aria-label). Demo content is English, so a message is only found when it is all of the text.
   */
  private static final String ENGLISH_LEFT = "async () => {" + FLAT_CATALOGS + """
      const spanishTexts = new Set(spanish.values());
      const escape = (s) => s.replace(/[.*+?^${}()|[\\]\\\\]/g, '\\\\$&');
      // A message that is little more than its variables ('{part} of {whole}', '{actor} made {name} {role}') would
      // match any English demo content: a message with variables is looked for when it has two words of its own.
      const letters = (text) => text.replace(/\\{\\w+\\}/g, '').replace(/[^\\p{L}]/gu, '').length;
      const words = (text) => text.replace(/\\{\\w+\\}/g, ' ').split(/\\s+/).filter((w) => /\\p{L}{2,}/u.test(w)).length;
      const distinctive = (text) => letters(text) >= 3 && (!/\\{\\w+\\}/.test(text) || words(text) >= 2);
      const patterns = [...english].filter(([key, text]) => spanish.get(key) !== text && !spanishTexts.has(text))
        .filter(([key, text]) => distinctive(text))
        .map(([key, text]) => [key, new RegExp('^' + text.split(/\\{\\w+\\}/).map(escape).join('.+') + '$')]);
      const seen = new Set(document.body.innerText.split('\\n').map((line) => line.trim()).filter(Boolean));
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent.trim();
        if (text && node.parentElement.checkVisibility()) seen.add(text);
      }
      document.querySelectorAll('[aria-label]').forEach((el) => seen.add(el.getAttribute('aria-label').trim()));
      const left = [];
      for (const text of seen) {
        for (const [key, pattern] of patterns) if (pattern.test(text)) left.push(`${key}: ${text}`);
      }
      return left;
    }""";

  @Test
  void aSpanishBrowserShowsTheSpacesTheTeamTabsAndAMeetingRoomWithNoEnglishLeft() {
    Page page = signedIn(locale("es-MX"), "ana.torres@riverside.demo");
    String team = spaceId(page, TEAM);
    String meeting = meetingWithItem(page, team);

    page.navigate(url("/spaces"));
    assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Tus espacios").setLevel(1))).isVisible();
    assertThat(page.locator(".connection")).containsText("En vivo");
    assertEquals("es", page.evaluate("() => document.documentElement.lang"));
    noEnglishLeft(page, "spanish-spaces");

    page.navigate(url("/spaces/" + team));
    assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Actividad reciente"))).isVisible();
    noEnglishLeft(page, "spanish-overview");

    page.navigate(url("/spaces/" + team + "/meetings"));
    assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Próximas reuniones"))).isVisible();
    noEnglishLeft(page, "spanish-meetings");

    page.navigate(url("/spaces/" + team + "/actions"));
    assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Por hacer"))).isVisible();
    noEnglishLeft(page, "spanish-actions");

    page.navigate(url("/spaces/" + team + "/board"));
    assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Normas"))).isVisible();
    noEnglishLeft(page, "spanish-board");

    page.navigate(url("/spaces/" + team + "/settings"));
    assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Ajustes del equipo"))).isVisible();
    assertThat(page.getByLabel("Recordatorio por correo").locator("option:checked")).hasText("1 día antes");
    noEnglishLeft(page, "spanish-settings");

    page.navigate(url("/spaces/" + team + "/meetings/" + meeting));
    assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Agenda").setExact(true))).isVisible();
    assertThat(page.getByLabel("Notas")).isVisible();
    noEnglishLeft(page, "spanish-meeting-room");

    // The culture screens: the rubric's names come from the server in Spanish, the rest from the catalog.
    page.navigate(url("/spaces/" + team + "/culture"));
    assertThat(page.locator("article[data-row='A1'] h4")).containsText("Resultados de los estudiantes en la agenda");
    noEnglishLeft(page, "spanish-culture");

    page.navigate(url("/spaces/" + team + "/report"));
    assertThat(page.locator(".report-rows tbody tr")).hasCount(16);
    assertThat(page.locator(".report-rows")).containsText("Reuniones regulares y concurridas");
    noEnglishLeft(page, "spanish-report");

    page.navigate(url("/spaces/" + spaceId(page, "Riverside Unified") + "/rollup"));
    assertThat(page.locator(".rollup-heatmap")).containsText("Resultados de los estudiantes en la agenda");
    noEnglishLeft(page, "spanish-rollup");

    // The district's report, reached from its roll-up: the rows' names from the server, the rest from the catalog.
    page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Informe para imprimir").setExact(true)).click();
    assertThat(page.locator(".report-kicker")).hasText("Informe del distrito");
    assertThat(page.locator("[data-counts=rows]")).containsText("Resultados de los estudiantes en la agenda");
    noEnglishLeft(page, "spanish-district-report");
  }

  @Test
  void theMenuSwitchesToSpanishAtOnceAndTheChoiceFollowsTheUserToAnotherBrowser() {
    String ben = "ben.carter@riverside.demo";
    Page english = signedIn(locale("en-US"), ben);
    english.navigate(url("/spaces"));
    assertThat(english.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Your spaces").setLevel(1))).isVisible();
    english.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Account menu for Ben Carter")).click();
    english.getByLabel("Language").selectOption("es");
    assertThat(english.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Tus espacios").setLevel(1))).isVisible();
    assertThat(english.getByLabel("Idioma")).hasValue("es");
    noEnglishLeft(english, "spanish-menu");
    waitForSavedLanguage(english, "es");

    // A browser that has never seen Cadre, set to English: the user's saved choice wins, on screen and in the
    // messages of the server's refusals over the live connection.
    Page elsewhere = signedIn(locale("en-US"), ben);
    String team = spaceId(elsewhere, TEAM);
    elsewhere.navigate(url("/spaces/" + team + "/actions"));
    assertThat(elsewhere.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Por hacer"))).isVisible();
    assertEquals(List.of(), elsewhere.evaluate(ENGLISH_LEFT));
    assertThat(elsewhere.locator(".connection")).containsText("En vivo");
    assertEquals("'title' no debe estar en blanco.", elsewhere.evaluate(
      "(space) => window.cadreBus.command({ type: 'action.create', spaceId: space, title: ' ' }).catch((error) => error.message)", team));
  }

  @Test
  void theServersRefusalOfASignInIsShownInSpanish() {
    Page page = locale("es-MX").newPage();
    page.navigate(url("/sign-in"));
    page.getByLabel("Correo electrónico").fill("daniel.reyes@riverside.demo");
    page.getByLabel("Contraseña").fill("not-the-password");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Iniciar sesión")).click();
    assertThat(page.locator(".error-summary")).containsText("El correo electrónico o la contraseña no son correctos.");
    noEnglishLeft(page, "spanish-sign-in-error");
  }

  private void noEnglishLeft(Page page, String name) {
    assertEquals(List.of(), page.evaluate(ENGLISH_LEFT), "English left on " + name);
    audit(page, name);
  }

  /** The switch saves in the background; the profile says when it has landed. */
  private void waitForSavedLanguage(Page page, String language) {
    for (int attempt = 0; attempt < 100; attempt++) {
      JsonObject me = new JsonObject(page.context().request().get(url("/api/me")).text());
      if (language.equals(me.getString("language"))) return;
      page.waitForTimeout(100);
    }
    fail("the language " + language + " was never saved");
  }

  private BrowserContext locale(String locale) {
    BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 800).setLocale(locale));
    context.setDefaultTimeout(20_000);
    context.setDefaultNavigationTimeout(30_000);
    return context;
  }

  private Page signedIn(BrowserContext context, String email) {
    Page page = context.newPage();
    page.onPageError(error -> System.err.println("page error: " + error));
    var response = context.request().post(url("/api/auth/login"), RequestOptions.create()
      .setHeader("content-type", "application/json")
      .setData(new JsonObject().put("email", email).put("password", DemoNetwork.PASSWORD).encode()));
    if (response.status() != 200) fail("login of " + email + " answered " + response.status());
    return page;
  }

  /** A meeting starting in five minutes with one agenda item, so the room shows its clock, agenda and check-in. */
  private String meetingWithItem(Page lead, String team) {
    JsonObject created = post(lead, "/api/spaces/" + team + "/meetings", new JsonObject().put("title", "Revisión de datos")
      .put("startsAt", Instant.now().plus(5, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS).toString()).put("durationMinutes", 60));
    String meetingId = created.getJsonObject("payload").getJsonArray("meetings").getJsonObject(0).getString("id");
    post(lead, "/api/spaces/" + team + "/meetings/" + meetingId + "/agenda",
      new JsonObject().put("title", "Asistencia de noveno grado").put("minutes", 20).put("notes", "Empezar."));
    return meetingId;
  }

  private JsonObject post(Page page, String path, JsonObject body) {
    var response = page.context().request().post(url(path), RequestOptions.create()
      .setHeader("content-type", "application/json").setHeader("origin", url("")).setData(body.encode()));
    if (response.status() >= 300) fail(path + " answered " + response.status() + ": " + response.text());
    return new JsonObject(response.text());
  }
}

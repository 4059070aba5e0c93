package org.cadre.browser;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.RequestOptions;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.cadre.demo.DemoNetwork;
import org.cadre.test.ApiClient;
import org.cadre.test.TestDatabases;
import org.cadre.test.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * The base of the browser tests: one Cadre server seeded with the demo network and one Chromium per test class, a
 * fresh browser context (cookies, storage) per user. Screens are audited with axe-core, which fails the test on
 * any violation, and photographed into target/screenshots.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class BrowserTest {

  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path SCREENSHOTS = Path.of("target", "screenshots");

  /**
   * The body of an async page function that loads both client catalogs and flattens them into `english` and
   * `spanish`: Maps from dotted key (plural forms as key.one, key.other) to text.
   */
  static final String FLAT_CATALOGS = """
      const flat = (node, prefix, out) => {
        for (const [key, value] of Object.entries(node)) {
          const path = prefix ? `${prefix}.${key}` : key;
          if (typeof value === 'object' && value !== null) flat(value, path, out);
          else out.set(path, String(value));
        }
        return out;
      };
      const english = flat((await import('/i18n/en.js')).default, '', new Map());
      const spanish = flat((await import('/i18n/es.js')).default, '', new Map());
    """;

  protected Vertx vertx;
  protected TestServer server;
  private Playwright playwright;
  protected Browser browser;
  private final List<BrowserContext> contexts = new ArrayList<>();

  @BeforeAll
  void startServerAndBrowser() throws Exception {
    Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) || System.getenv("CI") != null,
      "Browser tests skipped: /usr/bin/chromium is not installed (apt-get install chromium); in CI they always run.");
    vertx = Vertx.vertx();
    server = startServer();
    playwright = Playwright.create();
    browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(CHROMIUM).setHeadless(true)
      .setArgs(List.of("--no-sandbox", "--disable-background-networking", "--disable-component-update", "--no-first-run")));
    Files.createDirectories(SCREENSHOTS);
    PlaywrightAssertions.setDefaultAssertionTimeout(15_000);
  }

  @AfterAll
  void stopServerAndBrowser() {
    contexts.forEach(BrowserContext::close);
    if (browser != null) browser.close();
    if (playwright != null) playwright.close();
    if (server != null) server.close();
    if (vertx != null) vertx.close().await();
  }

  /** The server under test; a class that needs other settings starts its own. */
  protected TestServer startServer() {
    return TestServer.start(vertx, TestDatabases.fresh(), demo());
  }

  /** Whether the server is seeded with the demo network (the screens' tests); a class may do without. */
  protected boolean demo() {
    return true;
  }

  protected String url(String path) {
    return "http://localhost:" + server.port() + path;
  }

  /** A page of a browser nobody has signed in on, 1280x800. */
  protected Page anonymous() {
    BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 800));
    // Generous waits: the build machine is shared, and a first load fetches every module of the client.
    context.setDefaultTimeout(20_000);
    context.setDefaultNavigationTimeout(30_000);
    contexts.add(context);
    Page page = context.newPage();
    // The client's own errors go to the test's output, where a failing test's report shows them.
    page.onPageError(error -> System.err.println("page error: " + error));
    page.onResponse(response -> {
      if (response.status() >= 400 && !response.url().contains("/api/")) System.err.println("HTTP " + response.status() + " " + response.url());
    });
    page.onConsoleMessage(message -> {
      if ("error".equals(message.type())) System.err.println("console error: " + message.text() + " " + message.location());
    });
    return page;
  }

  /** A page whose browser is signed in as the demo person (through the API, as the sign-in form does). */
  protected Page signedIn(String email) {
    return signedIn(email, DemoNetwork.PASSWORD);
  }

  protected Page signedIn(String email, String password) {
    Page page = anonymous();
    var response = page.context().request().post(url("/api/auth/login"), RequestOptions.create()
      .setHeader("content-type", "application/json")
      .setData(new JsonObject().put("email", email).put("password", password).encode()));
    if (response.status() != 200) fail("login of " + email + " answered " + response.status());
    return page;
  }

  /** The id of the space of that name in the user's tree (from the API, as ids are never on screen). */
  protected String spaceId(Page page, String name) {
    JsonArray roots = new JsonObject(page.context().request().get(url("/api/spaces")).text()).getJsonArray("spaces");
    String id = ApiClient.spaceIn(roots, name);
    if (id == null) fail("no space named " + name + " in the tree");
    return id;
  }

  /**
   * Audits the screen with axe-core at laptop (1280x800) and phone (360x740) widths, failing on any violation,
   * and saves a screenshot of each as target/screenshots/{name}-laptop.png and -phone.png.
   */
  protected void audit(Page page, String name) {
    var original = page.viewportSize();
    check(page, name + "-laptop", 1280, 800);
    check(page, name + "-phone", 360, 740);
    page.setViewportSize(original.width, original.height);
  }

  private static void check(Page page, String shot, int width, int height) {
    page.setViewportSize(width, height);
    page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(shot + ".png")).setFullPage(true));
    AxeResults results = new AxeBuilder(page).analyze();
    if (!results.getViolations().isEmpty()) {
      fail("axe-core found violations on " + shot + ":\n" + results.getViolations().stream()
        .map(v -> v.getId() + ": " + v.getHelp() + " at " + v.getNodes().stream()
          .map(n -> String.valueOf(n.getTarget())).collect(Collectors.joining(", ")))
        .collect(Collectors.joining("\n")));
    }
  }
}

package org.cadre.browser;

import com.microsoft.playwright.Page;
import io.vertx.core.json.JsonObject;
import org.cadre.test.ApiClient;
import org.cadre.test.TestServer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The client's modules on their own, in the browser: bus.js's ordering and outbox, and the message catalog. */
class ClientModulesTest extends BrowserTest {

  private static final Path WEBROOT = Path.of("..", "web-client", "src", "main", "resources", "webroot");
  private static final String SPACE = "00000000-0000-4000-8000-000000000001";

  /** A stand-in SockJS the test drives: it opens at once, records what is sent, and delivers frames on request. */
  private static final String FAKE = """
    const sent = []; const sockets = [];
    class FakeSockJS {
      constructor() { this.readyState = 0; sockets.push(this); setTimeout(() => { this.readyState = 1; this.onopen(); }, 0); }
      send(frame) { sent.push(JSON.parse(frame)); }
      close() { this.readyState = 3; this.onclose(); }
    }
    const deliver = (frame) => sockets.at(-1).onmessage({ data: JSON.stringify(frame) });
    const tick = () => new Promise((resolve) => setTimeout(resolve, 10));
    const memory = () => { const m = new Map(); return { getItem: (k) => m.get(k) ?? null, setItem: (k, v) => m.set(k, v) }; };
    const event = (seq) => ({ space: S, seq, type: 'norm.created', payload: {}, actor: null, at: '2026-03-02T15:30:00Z' });
    """;

  @Override
  protected boolean demo() {
    return false;
  }

  private Page page() {
    Page page = anonymous();
    page.navigate(url("/sign-in"));
    return page;
  }

  @Test
  void busAppliesEventsStrictlyBySeqBufferingEarlyOnesDroppingDuplicatesAndAskingForTheGap() {
    Object result = page().evaluate("async (S) => {" + FAKE + """
        const { Bus } = await import('/realtime/bus.js');
        const bus = new Bus({ SockJS: FakeSockJS, storage: memory() });
        const applied = [];
        bus.subscribe(S, { afterSeq: 1, onEvent: (e) => applied.push(e.seq) });
        bus.start();
        await tick();
        const address = 'space.' + S;
        // The replay, out of order and with a duplicate, then the confirmation naming seq 5.
        deliver({ type: 'rec', address, body: event(3) });
        deliver({ type: 'rec', address, body: event(2) });
        deliver({ type: 'rec', address, body: event(2) });
        deliver({ type: 'rec', address, body: { type: 'subscribed', seq: 5 } });
        const catchup = sent.find((f) => f.body?.type === 'catchup');
        // A live event beyond the gap arrives while the catch-up is under way; the reply repeats seq 3.
        deliver({ type: 'rec', address, body: event(5) });
        deliver({ type: 'rec', address: catchup.replyAddress, body: { spaceId: S, events: [event(3), event(4)], more: false } });
        deliver({ type: 'rec', address, body: event(4) });
        return { applied, catchupAfter: catchup.body.afterSeq, resumeFrom: sent.find((f) => f.type === 'register').headers.afterSeq };
      }""", SPACE);
    assertEquals(Map.of("applied", List.of(2, 3, 4, 5), "catchupAfter", 3, "resumeFrom", "1"), result);
  }

  @Test
  void commandsSentOfflineSurviveAReloadAndGoWithTheirCommandIdThenReportTheirOutcome() {
    Object result = page().evaluate("async (S) => {" + FAKE + """
        const { Bus } = await import('/realtime/bus.js');
        const storage = memory();
        const first = new Bus({ SockJS: FakeSockJS, storage });   // never started: offline
        first.command({ type: 'norm.create', spaceId: S, text: 'Start on time' });
        first.command({ type: 'norm.create', spaceId: S, text: 'Assume good intent' });
        const waiting = first.waiting;
        // A reload: a new bus on the same storage sends both, with the same ids, once connected.
        const second = new Bus({ SockJS: FakeSockJS, storage });
        const settled = [];
        second.addEventListener('command-settled', (e) => settled.push(e.detail.ok ? 'done' : e.detail.value.code));
        second.start();
        await tick();
        const sends = sent.filter((f) => f.type === 'send');
        const kept = JSON.parse(storage.getItem('cadre.bus.outbox')).map((c) => c.commandId);
        deliver({ type: 'rec', address: sends[0].replyAddress, body: { seq: 7 } });
        deliver({ type: 'err', address: sends[1].replyAddress, failureCode: 403,
          message: JSON.stringify({ code: 'forbidden', message: 'No.' }) });
        return { waiting, sameIds: sends.map((f) => f.body.commandId).join() === kept.join(), settled,
          left: second.waiting, stored: JSON.parse(storage.getItem('cadre.bus.outbox')).length };
      }""", SPACE);
    assertEquals(Map.of("waiting", 2, "sameIds", true, "settled", List.of("done", "forbidden"), "left", 0, "stored", 0),
      result);
  }

  @Test
  void busResumesFromTheLastAppliedSeqAgainstTheRealServerThenReceivesLiveEvents() {
    ApiClient admin = server.admin();
    String id = admin.expect(201, "POST", "/api/spaces", new JsonObject().put("name", "Network 1").put("kind", "network"))
      .getString("id");
    for (int i = 2; i <= 4; i++) {
      admin.expect(200, "PATCH", "/api/spaces/" + id, new JsonObject().put("name", "Network " + i));
    }
    int seq = admin.expect(200, "GET", "/api/spaces/" + id, null).getInteger("seq");
    Page page = signedIn(TestServer.ADMIN_EMAIL, TestServer.ADMIN_PASSWORD);
    page.navigate(url("/spaces"));
    page.evaluate("([id, upTo]) => { window.applied = []; window.cadreBus.subscribe(id, { afterSeq: 1, "
      + "onEvent: (e) => window.applied.push(e.seq) }); }", List.of(id, seq));
    // Polled from here: waitForFunction evaluates a string in the page, which the CSP (no 'unsafe-eval') forbids.
    page.waitForCondition(() -> applied(page) == seq - 1);
    admin.expect(200, "PATCH", "/api/spaces/" + id, new JsonObject().put("name", "Network live"));
    page.waitForCondition(() -> applied(page) == seq);
    assertEquals(IntStream.rangeClosed(2, seq + 1).boxed().toList(), page.evaluate("() => window.applied"));
  }

  private static int applied(Page page) {
    return ((Number) page.evaluate("() => window.applied.length")).intValue();
  }

  /** Every literal t('key') in a component, and every family of t(`prefix.${...}`), is in the English catalog. */
  @Test
  void everyMessageKeyTheComponentsUseIsInTheCatalog() throws IOException {
    Pattern literal = Pattern.compile("\\bt\\('([^']+)'");
    Pattern family = Pattern.compile("\\bt\\(`([a-zA-Z.]+)\\.\\$\\{");
    TreeSet<String> keys = new TreeSet<>();
    TreeSet<String> families = new TreeSet<>();
    try (Stream<Path> files = Files.walk(WEBROOT)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".js")).toList()) {
        String source = Files.readString(file);
        Matcher m = literal.matcher(source);
        while (m.find()) keys.add(m.group(1));
        m = family.matcher(source);
        while (m.find()) families.add(m.group(1));
      }
    }
    assertTrue(keys.size() > 50, "found only " + keys);
    Object missing = page().evaluate("""
      async ([keys, families]) => {
        const { hasKey } = await import('/i18n/i18n.js');
        const en = (await import('/i18n/en.js')).default;
        const family = (path) => path.split('.').reduce((node, part) => node?.[part], en);
        return [...keys.filter((k) => !hasKey(k)),
          ...families.filter((f) => typeof family(f) !== 'object').map((f) => f + '.*')];
      }""", List.of(List.copyOf(keys), List.copyOf(families)));
    assertEquals(List.of(), missing);
  }

  /**
   * Spanish and English hold the same keys, the same plural forms and the same {variables} in every message, so
   * no screen falls back to English and no sentence loses a name or a number.
   */
  @Test
  void theSpanishAndEnglishCatalogsHaveTheSameKeysPluralFormsAndVariables() {
    Object problems = page().evaluate("async () => {" + FLAT_CATALOGS + """
        const variables = (text) => [...text.matchAll(/\\{(\\w+)\\}/g)].map((m) => m[1]).sort().join(',');
        const problems = [];
        for (const [key, text] of english) {
          if (!spanish.has(key)) problems.push(`missing in es.js: ${key}`);
          else if (variables(text) !== variables(spanish.get(key))) {
            problems.push(`variables of ${key}: en {${variables(text)}}, es {${variables(spanish.get(key))}}`);
          }
        }
        for (const key of spanish.keys()) if (!english.has(key)) problems.push(`missing in en.js: ${key}`);
        return problems;
      }""");
    assertEquals(List.of(), problems);
  }
}

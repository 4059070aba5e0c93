package org.cadre;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.CookieManager;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Cadre as it runs in production, in a JVM of its own with its embedded PostgreSQL, killed the way a container stop
 * or the OOM killer does it, then started again on the same data directory.
 */
class CrashRestartTest {

  private static final String ADMIN = "crash-admin@cadre.test";
  private static final String PASSWORD = "crash-admin-password-1";
  private static final int SPACES = 4;
  private static final int WRITERS = 16;

  @TempDir
  Path dataDir;

  @TempDir
  Path logs;

  private final List<Process> started = new ArrayList<>();

  /** An acknowledged rename: the server answered 200 with this seq. */
  private record Ack(String spaceId, long seq, String name) {
  }

  @Test
  void everyAcknowledgedWriteSurvivesKillingTheServerWithItsDatabaseAndSeqsAreNeverReused() throws Exception {
    Child first = start();
    Api api = first.login();
    List<String> spaces = new ArrayList<>();
    for (int i = 0; i < SPACES; i++) {
      spaces.add(api.send("POST", "/api/spaces", new JsonObject().put("name", "Crash " + i).put("kind", "network"), 201)
        .getString("id"));
    }

    ConcurrentLinkedQueue<Ack> acks = new ConcurrentLinkedQueue<>();
    AtomicBoolean running = new AtomicBoolean(true);
    ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
    for (int w = 0; w < WRITERS; w++) {
      String spaceId = spaces.get(w % SPACES);
      String prefix = "w" + w + "-";
      writers.submit(() -> {
        for (int i = 0; running.get(); i++) {
          String name = prefix + i;
          try {
            JsonObject answer = api.send("PATCH", "/api/spaces/" + spaceId, new JsonObject().put("name", name), 200);
            acks.add(new Ack(spaceId, answer.getLong("seq"), name));
          } catch (Exception | AssertionError e) {
            return; // the server is gone
          }
        }
      });
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (acks.size() < 400 && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    // The kill lands while writes are in flight: what was acknowledged just before it is the part at risk.
    first.killWithDatabase();
    running.set(false);
    writers.shutdown();
    assertTrue(writers.awaitTermination(60, TimeUnit.SECONDS));
    assertTrue(acks.size() > 20, "enough writes were acknowledged before the kill: " + acks.size());

    Child second = start();
    Api after = second.login();
    List<String> lost = new ArrayList<>();
    Map<String, Long> highest = new HashMap<>();
    for (String spaceId : spaces) {
      Map<Long, String> logged = names(after, spaceId);
      for (Ack ack : acks) {
        if (ack.spaceId().equals(spaceId)) {
          highest.merge(spaceId, ack.seq(), Math::max);
          if (!ack.name().equals(logged.get(ack.seq()))) {
            lost.add(ack + " logged as " + logged.get(ack.seq()));
          }
        }
      }
    }
    assertEquals(List.of(), lost, acks.size() + " writes were acknowledged; these are not in the log as answered");
    for (String spaceId : spaces) {
      long seq = after.send("PATCH", "/api/spaces/" + spaceId, new JsonObject().put("name", "after the crash"), 200).getLong("seq");
      assertTrue(seq > highest.get(spaceId), "a new write gets seq " + seq + ", above every acknowledged one ("
        + highest.get(spaceId) + ")");
    }
  }

  /**
   * Whether the process has exited. The orphaned postmaster's parent is whatever adopted it, which may reap it late:
   * until then it is a zombie, which ProcessHandle still reports alive, so a zombie counts as exited.
   */
  private static boolean exited(ProcessHandle process) throws IOException {
    if (!process.isAlive()) {
      return true;
    }
    try {
      String line = Files.readString(Path.of("/proc/" + process.pid() + "/stat"));
      // The state follows the command name, which is in parentheses and may itself contain spaces.
      return line.substring(line.lastIndexOf(')') + 2).startsWith("Z");
    } catch (java.nio.file.NoSuchFileException gone) {
      return true;
    }
  }

  @Test
  void aRestartAfterKillingOnlyTheServerStopsThePostgresItLeftBehind() throws Exception {
    Child first = start();
    String spaceId = first.login().send("POST", "/api/spaces", new JsonObject().put("name", "Orphaned").put("kind", "network"), 201)
      .getString("id");
    ProcessHandle postmaster = first.postmaster();
    first.process.destroyForcibly().waitFor(60, TimeUnit.SECONDS);
    assertTrue(postmaster.isAlive(), "killing the JVM alone leaves its PostgreSQL running");

    Child second = start();
    assertTrue(exited(postmaster), "the leftover PostgreSQL was stopped");
    String log = second.log();
    assertTrue(log.contains("Found a PostgreSQL (pid " + postmaster.pid() + ") left running"), log);
    assertTrue(log.contains("Stopped the leftover PostgreSQL (pid " + postmaster.pid() + ")"), log);
    assertEquals("Orphaned", second.login().send("GET", "/api/spaces/" + spaceId, null, 200).getString("name"));
    second.process.destroy();
    assertTrue(second.process.waitFor(60, TimeUnit.SECONDS), "SIGTERM stops the server");
    assertFalse(Files.exists(dataDir.resolve("postgres/postmaster.pid")), "and its PostgreSQL");
  }

  /** Nothing this test started outlives it. */
  @AfterEach
  void killEverything() throws IOException {
    started.forEach(Process::destroyForcibly);
    postmasterOf(dataDir).ifPresent(ProcessHandle::destroyForcibly);
  }

  /** Every rename in a space's event log, by seq. */
  private static Map<Long, String> names(Api api, String spaceId) throws Exception {
    Map<Long, String> names = new HashMap<>();
    long after = 0;
    boolean more = true;
    while (more) {
      JsonObject page = api.send("GET", "/api/spaces/" + spaceId + "/events?after=" + after, null, 200);
      JsonArray events = page.getJsonArray("events");
      for (int i = 0; i < events.size(); i++) {
        JsonObject event = events.getJsonObject(i);
        after = event.getLong("seq");
        if (event.getString("type").equals("space.updated")) {
          names.put(after, event.getJsonObject("payload").getString("name"));
        }
      }
      more = page.getBoolean("more");
    }
    return names;
  }

  /** Starts {@code org.cadre.Main} in a new JVM on the test's data directory and waits until it is ready. */
  private Child start() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    Path log = Files.createTempFile(logs, "cadre", ".log");
    ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
      "-Xmx256m", "-cp", System.getProperty("java.class.path"), "org.cadre.Main")
      .redirectErrorStream(true)
      .redirectOutput(log.toFile());
    Map<String, String> env = builder.environment();
    env.remove("DATABASE_URL");
    env.remove("CADRE_DB_PORT");
    env.put("CADRE_HTTP_PORT", String.valueOf(port));
    env.put("CADRE_DATA_DIR", dataDir.toString());
    env.put("CADRE_HTTP_INSTANCES", "1");
    env.put("CADRE_ADMIN_EMAIL", ADMIN);
    env.put("CADRE_ADMIN_PASSWORD", PASSWORD);
    Child child = new Child(builder.start(), port, log);
    started.add(child.process);
    // Generous: a first start runs initdb and every migration, a restart may run crash recovery, on a busy machine.
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
    while (!child.log().contains("Cadre is ready")) {
      if (!child.process.isAlive()) {
        fail("Cadre exited with " + child.process.exitValue() + " before it was ready:\n" + child.log());
      }
      if (System.nanoTime() > deadline) {
        fail("Cadre was not ready after 180 s:\n" + child.log());
      }
      Thread.sleep(100);
    }
    return child;
  }

  private static Optional<ProcessHandle> postmasterOf(Path dataDir) throws IOException {
    Path pidFile = dataDir.resolve("postgres/postmaster.pid");
    if (!Files.exists(pidFile)) {
      return Optional.empty();
    }
    return ProcessHandle.of(Long.parseLong(Files.readAllLines(pidFile).get(0).trim()));
  }

  private final class Child {
    final Process process;
    final int port;
    final Path log;

    Child(Process process, int port, Path log) {
      this.process = process;
      this.port = port;
      this.log = log;
    }

    String log() throws IOException {
      return Files.readString(log);
    }

    ProcessHandle postmaster() throws IOException {
      Optional<ProcessHandle> postmaster = postmasterOf(dataDir);
      assertTrue(postmaster.isPresent(), "the embedded PostgreSQL is running");
      return postmaster.get();
    }

    /** SIGKILL for the JVM, the postmaster and every backend at once, as when a container is killed. */
    void killWithDatabase() throws Exception {
      ProcessHandle postmaster = postmaster();
      List<ProcessHandle> all = new ArrayList<>(postmaster.descendants().toList());
      all.add(postmaster);
      process.destroyForcibly();
      all.forEach(ProcessHandle::destroyForcibly);
      assertTrue(process.waitFor(60, TimeUnit.SECONDS));
      for (ProcessHandle p : all) {
        p.onExit().get(60, TimeUnit.SECONDS);
      }
    }

    Api login() throws Exception {
      Api api = new Api(port);
      api.send("POST", "/api/auth/login", new JsonObject().put("email", ADMIN).put("password", PASSWORD), 200);
      return api;
    }
  }

  /** A blocking JSON client keeping its session cookie; safe to share between threads. */
  private static final class Api {
    private final int port;
    private final HttpClient http;

    Api(int port) {
      this.port = port;
      this.http = HttpClient.newBuilder().cookieHandler(new CookieManager()).connectTimeout(Duration.ofSeconds(30)).build();
    }

    JsonObject send(String method, String path, JsonObject body, int expected) throws Exception {
      HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .timeout(Duration.ofSeconds(60))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body.encode()));
      if (body != null) {
        request.header("content-type", "application/json");
      }
      HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      assertEquals(expected, response.statusCode(), method + " " + path + ": " + response.body());
      assertNotNull(response.body());
      return new JsonObject(response.body());
    }
  }
}

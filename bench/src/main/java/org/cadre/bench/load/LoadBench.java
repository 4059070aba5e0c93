package org.cadre.bench.load;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.Callable;

/**
 * The load generator (bench/README.md): one scenario against one target, Cadre, the Node peer or the pgbench
 * floor, written as one JSON file. {@code bench/run.sh} starts the servers and runs every scenario against each.
 */
@Command(name = "load", mixinStandardHelpOptions = true, description = "Open-loop load on Cadre, the peer or the floor.")
public final class LoadBench implements Callable<Integer> {

  enum Scenario { reference, stepup, hot, idle, culture }

  private static final double QUIET_CORES = 0.15;
  private static final long QUIET_MS = 2_000;
  private static final long SETTLE_LIMIT_MS = 300_000;

  @Option(names = "--target", required = true, description = "cadre, peer or floor")
  String target;
  @Option(names = "--scenario", required = true, description = "reference, stepup, hot, idle or culture (Cadre only)")
  Scenario scenario;
  @Option(names = "--url", description = "the target's base URL (cadre, peer)")
  URI url;
  @Option(names = "--database-url", required = true, description = "the target's database, for the checks (and the floor's runs)")
  String databaseUrl;
  @Option(names = "--admin-email", description = "Cadre's administrator")
  String adminEmail;
  @Option(names = "--admin-password", description = "Cadre's administrator's password")
  String adminPassword;
  @Option(names = "--clients", defaultValue = "15000")
  int clients;
  @Option(names = "--spaces", defaultValue = "4500")
  int spaces;
  @Option(names = "--per-space", defaultValue = "10", description = "followers of each space")
  int perSpace;
  @Option(names = "--rate", defaultValue = "1000", description = "edits a second (reference, hot)")
  double rate;
  @Option(names = "--rates", split = ",", defaultValue = "500,1000,1500,2000,3000,4000", description = "the step-up's rates")
  List<Double> rates;
  @Option(names = "--seconds", defaultValue = "30", description = "each measured step")
  double seconds;
  @Option(names = "--warm-up", defaultValue = "10", description = "seconds of load before measuring")
  double warmUp;
  @Option(names = "--teams", defaultValue = "1000", description = "imported teams (culture)")
  int teams;
  @Option(names = "--meetings", defaultValue = "100", description = "meetings in each imported team's history (culture)")
  int meetings;
  @Option(names = "--team-change-ms", defaultValue = "100", description = "a team changes this often under load (culture)")
  long teamChangeMs;
  @Option(names = "--server-pid", defaultValue = "0")
  long serverPid;
  @Option(names = "--database-pid", defaultValue = "0", description = "the postmaster: its backends are counted with it")
  long databasePid;
  @Option(names = "--server-flags", defaultValue = "", description = "the server's JVM or runtime flags, for the record")
  String serverFlags;
  @Option(names = "--floor-scripts", defaultValue = "bench/floor")
  Path floorScripts;
  @Option(names = "--out", defaultValue = "bench/target/results")
  Path out;

  private volatile EditLoad current;

  public static void main(String[] args) {
    System.exit(new CommandLine(new LoadBench()).setCaseInsensitiveEnumValuesAllowed(true).execute(args));
  }

  @Override
  public Integer call() throws IOException {
    JsonObject result = new JsonObject().put("target", target).put("scenario", scenario.name()).put("at", Instant.now().toString())
      .put("machine", Machine.describe()).put("serverFlags", serverFlags)
      .put("loadGeneratorFlags", String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments()));
    if (scenario == Scenario.hot) {
      spaces = 1;
    }
    result.put("clients", clients).put("spaces", spaces).put("perSpace", perSpace);
    if ("floor".equals(target)) {
      floor(result);
    } else {
      Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2));
      Target t = "cadre".equals(target) ? new CadreTarget(vertx, url, adminEmail, adminPassword, databaseUrl)
        : new PeerTarget(vertx, url, databaseUrl);
      try {
        live(vertx, t, result);
      } finally {
        t.close().await();
        vertx.close().await();
      }
    }
    Files.createDirectories(out);
    Path file = out.resolve(target + "-" + scenario + ".json");
    Files.writeString(file, result.encodePrettily());
    System.out.println(result.encodePrettily());
    System.out.println("Wrote " + file);
    return 0;
  }

  private void live(Vertx vertx, Target t, JsonObject result) {
    Fleet fleet = Fleet.prepare(t, spaces, clients, perSpace, seen -> {
      EditLoad load = current;
      if (load != null) {
        load.seen(seen);
      }
    }).await();
    // Measured once the spaces, people and memberships exist, so the figures per connection count what connecting
    // costs, not the data set up for it. jcmd attaches with SIGQUIT, which would end a Node process: the heap is read
    // of Cadre's JVM only.
    long heapBefore = scenario == Scenario.idle && jvm() ? Machine.heapAfterGc(serverPid) : -1;
    long rssBefore = Machine.residentBytes(serverPid);
    long began = System.nanoTime();
    fleet.connect(vertx).await();
    result.put("connect", Latency.json(fleet.connectNanos).put("seconds", (System.nanoTime() - began) / 1e9)
      .put("subscriptions", fleet.subscriptions()).put("groups", fleet.groups));
    result.put("settledAfterSeconds", settle());
    switch (scenario) {
      case idle -> idle(result, heapBefore, rssBefore);
      case stepup -> stepUp(vertx, fleet, t, result);
      case culture -> culture(vertx, fleet, (CadreTarget) t, result);
      default -> {
        warm(vertx, fleet, t, rate);
        result.put("steps", new JsonArray().add(step(vertx, fleet, t, rate, seconds, "m")));
      }
    }
  }

  /**
   * The roll-up of a network of {@code teams} imported teams, quiet and then under the reference load while one
   * team after another changes, and the server's rescoring times meanwhile.
   */
  private void culture(Vertx vertx, Fleet fleet, CadreTarget cadre, JsonObject result) {
    CultureLoad culture = new CultureLoad(vertx, cadre, teams, meetings);
    JsonObject out = new JsonObject().put("teams", teams).put("meetingsPerTeam", meetings)
      .put("importSeconds", round(culture.prepare()));
    // Straight after the import: the teams the server has not yet scored are scored by the roll-up itself.
    out.put("rollupFirst", culture.rollups(1));
    out.put("scoredAfterSeconds", round(culture.awaitScored(600)));
    culture.rollups(3);
    out.put("rollupQuiet", culture.rollups(20));
    warm(vertx, fleet, cadre, rate);
    TreeMap<Double, Long> rescoredBefore = culture.rescoringBuckets();
    Promise<Void> stop = Promise.promise();
    Future<JsonObject> changing = culture.changeTeams(teamChangeMs, stop.future());
    JsonObject step = step(vertx, fleet, cadre, rate, seconds, "c");
    stop.complete();
    out.put("underLoad", changing.await()).put("rescoring", culture.rescoringSince(rescoredBefore));
    result.put("steps", new JsonArray().add(step)).put("culture", out);
  }

  /** Rates one after the other until one fails: p99 over 100 ms, a backlog left after a second, or a failed check. */
  private void stepUp(Vertx vertx, Fleet fleet, Target t, JsonObject result) {
    warm(vertx, fleet, t, rates.get(0));
    JsonArray steps = new JsonArray();
    double highest = 0;
    for (int i = 0; i < rates.size(); i++) {
      JsonObject step = step(vertx, fleet, t, rates.get(i), seconds, "s" + i + "-");
      steps.add(step);
      boolean holds = step.getJsonObject("delivery").getDouble("p99") <= 100 && step.getLong("drainMs") <= 1000
        && step.getJsonObject("checks").getBoolean("ok");
      step.put("holds", holds);
      if (!holds) {
        break;
      }
      highest = rates.get(i);
    }
    result.put("steps", steps).put("highestSustained", highest);
  }

  private JsonObject step(Vertx vertx, Fleet fleet, Target t, double r, double secs, String tag) {
    double server = Machine.cpuSeconds(serverPid, false);
    double database = Machine.cpuSeconds(databasePid, true);
    double self = Machine.cpuSeconds(ProcessHandle.current().pid(), false);
    long began = System.nanoTime();
    EditLoad load = new EditLoad(vertx, fleet, t, r, secs, "r" + Long.toString(System.nanoTime(), 36) + tag);
    current = load;
    JsonObject step = load.run().await();
    current = null;
    double wall = (System.nanoTime() - began) / 1e9;
    step.put("cpuCores", new JsonObject()
      .put("server", round((Machine.cpuSeconds(serverPid, false) - server) / wall))
      .put("database", round((Machine.cpuSeconds(databasePid, true) - database) / wall))
      .put("loadGenerator", round((Machine.cpuSeconds(ProcessHandle.current().pid(), false) - self) / wall)));
    System.out.println(target + " " + scenario + " at " + r + "/s: " + step.encode());
    return step;
  }

  /** Every client connected and quiet: the server's CPU over 20 s, and its heap per connection after a full GC. */
  private void idle(JsonObject result, long heapBefore, long rssBefore) {
    sleep(5_000);
    double cpu = Machine.cpuSeconds(serverPid, false);
    long began = System.nanoTime();
    sleep(20_000);
    double cores = (Machine.cpuSeconds(serverPid, false) - cpu) / ((System.nanoTime() - began) / 1e9);
    long heapAfter = jvm() ? Machine.heapAfterGc(serverPid) : -1;
    long rssAfter = Machine.residentBytes(serverPid);
    result.put("idle", new JsonObject().put("cpuCores", round(cores))
      .put("heapPerConnectionBytes", heapBefore < 0 || heapAfter < 0 ? null : (heapAfter - heapBefore) / clients)
      .put("residentPerConnectionBytes", rssBefore < 0 || rssAfter < 0 ? null : (rssAfter - rssBefore) / clients));
  }

  private void floor(JsonObject result) {
    Floor floor = new Floor(databaseUrl, floorScripts, 16);
    floor.prepare(spaces);
    JsonArray steps = new JsonArray();
    List<Double> plan = scenario == Scenario.stepup ? rates : List.of(rate);
    for (double r : plan) {
      steps.add(floor.step(spaces, r, seconds));
    }
    result.put("steps", steps);
  }

  private boolean jvm() {
    return "cadre".equals(target);
  }

  /**
   * Warms the target up (its JIT, caches and pools) without burying it: half the rate for the warm-up's seconds, then
   * the rate itself for a third of them, then a wait until it is quiet again. A cold JVM at the full rate falls
   * seconds behind, and that backlog would run into the measured step.
   */
  private void warm(Vertx vertx, Fleet fleet, Target t, double r) {
    if (warmUp > 0) {
      step(vertx, fleet, t, r / 2, warmUp, "warm");
      step(vertx, fleet, t, r, warmUp / 3, "warm");
      settle();
    }
  }

  /**
   * Waits until the target and its database are quiet (under {@value #QUIET_CORES} core each over {@value #QUIET_MS} ms,
   * {@value #SETTLE_LIMIT_MS} ms at most): what setting up started (Cadre rescores every team that gained members)
   * would otherwise run into the first step. Answers how long it took, in seconds.
   */
  private double settle() {
    long began = System.nanoTime();
    while (System.nanoTime() - began < SETTLE_LIMIT_MS * 1_000_000L) {
      double server = Machine.cpuSeconds(serverPid, false);
      double database = Machine.cpuSeconds(databasePid, true);
      sleep(QUIET_MS);
      double seconds = QUIET_MS / 1000.0;
      if ((Machine.cpuSeconds(serverPid, false) - server) / seconds < QUIET_CORES
          && (Machine.cpuSeconds(databasePid, true) - database) / seconds < QUIET_CORES) {
        break;
      }
    }
    return round((System.nanoTime() - began) / 1e9);
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static double round(double value) {
    return Math.round(value * 1000) / 1000.0;
  }
}

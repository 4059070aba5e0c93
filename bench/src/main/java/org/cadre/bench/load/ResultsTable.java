package org.cadre.bench.load;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The results of one harness run side by side, as Markdown: Cadre, the peer and the floor per scenario, each of
 * Cadre's figures also as a ratio to the peer's in the same run, and the targets, met or by how much not.
 */
public final class ResultsTable {

  private final Path dir;
  private final StringBuilder md = new StringBuilder();

  private ResultsTable(Path dir) {
    this.dir = dir;
  }

  public static void main(String[] args) throws IOException {
    System.out.print(new ResultsTable(Path.of(args.length > 0 ? args[0] : "bench/target/results")).render());
  }

  private JsonObject read(String target, String scenario) throws IOException {
    Path file = dir.resolve(target + "-" + scenario + ".json");
    return Files.exists(file) ? new JsonObject(Files.readString(file)) : null;
  }

  private String render() throws IOException {
    JsonObject any = firstOf("cadre", "reference", "stepup", "hot", "idle", "culture");
    md.append("# Benchmark results\n\n");
    if (any != null) {
      md.append("Run of ").append(any.getString("at")).append(" on ").append(any.getString("machine")).append(". Cadre's JVM: `")
        .append(any.getString("serverFlags")).append("`; load generator's JVM: `").append(any.getString("loadGeneratorFlags"))
        .append("`. Server, database and load generator share the machine. Latencies are in ms, from the moment each edit ")
        .append("was due (open loop), to its acknowledgement (ack) and to its arrival at every follower of the space ")
        .append("(delivery). Ratios are Cadre's figure divided by the peer's in the same run (below 1: Cadre is faster).\n\n");
    }
    steady("reference", "Reference load");
    stepUp();
    steady("hot", "Hot space");
    idle();
    culture();
    return md.toString();
  }

  private JsonObject firstOf(String target, String... scenarios) throws IOException {
    for (String scenario : scenarios) {
      JsonObject json = read(target, scenario);
      if (json != null) {
        return json;
      }
    }
    return null;
  }

  private void steady(String scenario, String title) throws IOException {
    JsonObject cadre = read("cadre", scenario);
    JsonObject peer = read("peer", scenario);
    JsonObject floor = read("floor", scenario);
    if (cadre == null && peer == null) {
      return;
    }
    JsonObject shape = cadre != null ? cadre : peer;
    md.append("## ").append(title).append("\n\n").append(String.format(Locale.ROOT, "%,d clients, %,d spaces x %,d followers.%n%n",
      shape.getInteger("clients"), shape.getInteger("spaces"), shape.getInteger("perSpace")));
    md.append("| | edits/s | acked | ack p50 | ack p99 | delivery p50 | delivery p99 | delivery p99.9 | checks | CPU server / db / load |\n")
      .append("|---|---|---|---|---|---|---|---|---|---|\n");
    JsonObject c = lastStep(cadre);
    JsonObject p = lastStep(peer);
    row("Cadre", c);
    row("peer", p);
    row("pgbench floor", lastStep(floor));
    if (c != null && p != null) {
      md.append(String.format(Locale.ROOT, "| Cadre / peer | | | %s | %s | %s | %s | %s | | |%n",
        ratio(c, p, "ack", "p50"), ratio(c, p, "ack", "p99"), ratio(c, p, "delivery", "p50"), ratio(c, p, "delivery", "p99"),
        ratio(c, p, "delivery", "p999")));
    }
    md.append('\n');
  }

  private void row(String name, JsonObject step) {
    if (step == null) {
      return;
    }
    JsonObject delivery = step.getJsonObject("delivery");
    JsonObject checks = step.getJsonObject("checks");
    JsonObject cpu = step.getJsonObject("cpuCores");
    md.append(String.format(Locale.ROOT, "| %s | %s | %,d | %s | %s | %s | %s | %s | %s | %s |%n", name, num(step.getDouble("rate")),
      step.getJsonObject("edits").getLong("acked"), num(step.getJsonObject("ack").getDouble("p50")),
      num(step.getJsonObject("ack").getDouble("p99")), delivery == null ? "" : num(delivery.getDouble("p50")),
      delivery == null ? "" : num(delivery.getDouble("p99")), delivery == null ? "" : num(delivery.getDouble("p999")),
      checks == null ? "" : checks.getBoolean("ok") ? "all hold" : "FAILED " + checks.encode(),
      cpu == null ? "" : num(cpu.getDouble("server")) + " / " + num(cpu.getDouble("database")) + " / " + num(cpu.getDouble("loadGenerator"))));
  }

  private void stepUp() throws IOException {
    JsonObject cadre = read("cadre", "stepup");
    JsonObject peer = read("peer", "stepup");
    JsonObject floor = read("floor", "stepup");
    if (cadre == null && peer == null) {
      return;
    }
    md.append("## Step-up\n\nThe highest rate held for the whole step with delivery p99 <= 100 ms, no backlog a second ")
      .append("after the last edit, and every check holding.\n\n")
      .append("| edits/s | Cadre delivery p50 / p99 | peer delivery p50 / p99 | floor p50 / p99 | Cadre p99 / peer p99 |\n")
      .append("|---|---|---|---|---|\n");
    List<Double> rates = new ArrayList<>();
    for (JsonObject json : new JsonObject[] {cadre, peer, floor}) {
      if (json != null) {
        json.getJsonArray("steps").stream().map(s -> ((JsonObject) s).getDouble("rate")).filter(r -> !rates.contains(r)).forEach(rates::add);
      }
    }
    rates.sort(Double::compare);
    for (double rate : rates) {
      JsonObject c = stepAt(cadre, rate);
      JsonObject p = stepAt(peer, rate);
      JsonObject f = stepAt(floor, rate);
      md.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s |%n", num(rate), pair(c, "delivery"), pair(p, "delivery"),
        pair(f, "ack"), c != null && p != null ? ratio(c, p, "delivery", "p99") : ""));
    }
    double c = cadre == null ? 0 : cadre.getDouble("highestSustained", 0.0);
    double p = peer == null ? 0 : peer.getDouble("highestSustained", 0.0);
    md.append(String.format(Locale.ROOT, "%nHighest sustained: Cadre %s edits/s, peer %s edits/s (Cadre / peer: %s).%n%n", num(c), num(p),
      p == 0 ? "n/a" : num(c / p)));
  }

  private void idle() throws IOException {
    JsonObject cadre = read("cadre", "idle");
    JsonObject peer = read("peer", "idle");
    if (cadre == null && peer == null) {
      return;
    }
    md.append("## Connect ramp and idle connections\n\n")
      .append("| | clients | subscriptions | connect p50 / p99 (ms, one client's connect and subscriptions) | all connected in (s) | idle CPU (cores) | heap per connection after full GC | resident memory per connection |\n")
      .append("|---|---|---|---|---|---|---|---|\n");
    for (JsonObject json : new JsonObject[] {cadre, peer}) {
      if (json == null) {
        continue;
      }
      JsonObject connect = json.getJsonObject("connect");
      JsonObject idle = json.getJsonObject("idle");
      md.append(String.format(Locale.ROOT, "| %s | %,d | %,d | %s / %s | %s | %s | %s | %s |%n", json.getString("target"),
        json.getInteger("clients"), connect.getInteger("subscriptions"), num(connect.getDouble("p50")), num(connect.getDouble("p99")),
        num(connect.getDouble("seconds")), num(idle.getDouble("cpuCores")), bytes(idle.getLong("heapPerConnectionBytes")),
        bytes(idle.getLong("residentPerConnectionBytes"))));
    }
    md.append('\n');
  }

  /** Cadre's alone: the peer has no culture engine. */
  private void culture() throws IOException {
    JsonObject cadre = read("cadre", "culture");
    if (cadre == null) {
      return;
    }
    JsonObject culture = cadre.getJsonObject("culture");
    JsonObject step = lastStep(cadre);
    md.append("## Culture paths (Cadre only)\n\n").append(String.format(Locale.ROOT,
        "A network of %,d imported teams (%,d meetings each) in districts of 100, imported in %s s; every team scored "
          + "by the server %s s after the import. Then the reference load (%s edits/s on %,d spaces) while a team "
          + "after another gets a new action item (%,d changes) and the roll-up is requested once a second.%n%n",
        culture.getInteger("teams"), culture.getInteger("meetingsPerTeam"), num(culture.getDouble("importSeconds")),
        num(culture.getDouble("scoredAfterSeconds")), num(step.getDouble("rate")), cadre.getInteger("spaces"),
        culture.getJsonObject("underLoad").getInteger("teamChanges")))
      .append("| | count | p50 | p99 | max |\n|---|---|---|---|---|\n");
    latencyRow("network roll-up, straight after the import", culture.getJsonObject("rollupFirst"));
    latencyRow("network roll-up, quiet", culture.getJsonObject("rollupQuiet"));
    latencyRow("network roll-up, under load", culture.getJsonObject("underLoad").getJsonObject("rollupUnderLoad"));
    latencyRow("rescoring one team, under load (the server's histogram: bucket upper bounds)", culture.getJsonObject("rescoring"));
    latencyRow("edit delivery meanwhile", step.getJsonObject("delivery"));
    md.append('\n');
  }

  private void latencyRow(String name, JsonObject latency) {
    md.append(String.format(Locale.ROOT, "| %s | %,d | %s | %s | %s |%n", name, latency.getLong("count"),
      num(latency.getDouble("p50")), num(latency.getDouble("p99")), num(latency.getDouble("max"))));
  }

  private static JsonObject lastStep(JsonObject json) {
    if (json == null) {
      return null;
    }
    JsonArray steps = json.getJsonArray("steps");
    return steps == null || steps.isEmpty() ? null : steps.getJsonObject(steps.size() - 1);
  }

  private static JsonObject stepAt(JsonObject json, double rate) {
    if (json == null) {
      return null;
    }
    return json.getJsonArray("steps").stream().map(JsonObject.class::cast).filter(s -> s.getDouble("rate") == rate).findFirst().orElse(null);
  }

  private static String pair(JsonObject step, String which) {
    if (step == null) {
      return "";
    }
    JsonObject latency = step.getJsonObject(which);
    String mark = step.getBoolean("holds", true) ? "" : " (fails)";
    return num(latency.getDouble("p50")) + " / " + num(latency.getDouble("p99")) + mark;
  }

  private static String ratio(JsonObject c, JsonObject p, String which, String percentile) {
    double peer = p.getJsonObject(which).getDouble(percentile);
    return peer == 0 ? "n/a" : num(c.getJsonObject(which).getDouble(percentile) / peer) + "x";
  }

  private static String num(Double value) {
    if (value == null) {
      return "";
    }
    return value >= 100 ? String.format(Locale.ROOT, "%,.0f", value) : String.format(Locale.ROOT, "%.2f", value);
  }

  private static String bytes(Long value) {
    return value == null ? "n/a" : String.format(Locale.ROOT, "%,.1f KB", value / 1024.0);
  }
}

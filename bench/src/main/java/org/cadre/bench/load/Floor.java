package org.cadre.bench.load;

import io.vertx.core.json.JsonObject;
import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The floor: pgbench running one edit's transaction (bench/floor/edit.sql: bump the seq, store the change, append
 * the event, commit) at the same open-loop rate against the same PostgreSQL, with no server and no subscribers.
 * Its latency is pgbench's per-transaction time plus its schedule lag, so it too counts from when each was due.
 */
final class Floor {

  private final String databaseUrl;
  private final Path scripts;
  private final int connections;

  Floor(String databaseUrl, Path scripts, int connections) {
    this.databaseUrl = databaseUrl;
    this.scripts = scripts;
    this.connections = connections;
  }

  void prepare(int spaces) {
    run(List.of("psql", "-q", "-v", "ON_ERROR_STOP=1", "-v", "spaces=" + spaces, "-f", scripts.resolve("schema.sql").toString(),
      databaseUrl));
  }

  JsonObject step(int spaces, double rate, double seconds) {
    Path logs;
    try {
      logs = Files.createTempDirectory("cadre-floor");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String prefix = logs.resolve("tx").toString();
    run(List.of("pgbench", "-n", "-f", scripts.resolve("edit.sql").toString(), "-D", "spaces=" + spaces,
      "-R", Long.toString(Math.round(rate)), "-T", Long.toString(Math.round(seconds)), "-c", Integer.toString(connections),
      "-j", "2", "-l", "--log-prefix=" + prefix, databaseUrl));
    Histogram latency = new Histogram(3_600_000_000_000L, 3);
    long failed = 0;
    try (Stream<Path> files = Files.list(logs)) {
      for (Path file : files.toList()) {
        for (String line : Files.readAllLines(file)) {
          String[] f = line.trim().split("\\s+");
          if (f.length < 6) {
            continue;
          }
          if (f[2].equals("failed") || f[2].equals("skipped")) {
            failed++;
            continue;
          }
          long micros = Long.parseLong(f[2]) + (f.length > 6 ? Long.parseLong(f[6]) : 0);
          latency.recordValue(micros * 1000);
        }
        Files.delete(file);
      }
      Files.delete(logs);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new JsonObject().put("rate", rate).put("seconds", seconds)
      .put("edits", new JsonObject().put("acked", latency.getTotalCount()).put("failed", failed))
      .put("ack", Latency.json(latency));
  }

  private static void run(List<String> command) {
    try {
      Process process = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true).start();
      String out = new String(process.getInputStream().readAllBytes());
      if (process.waitFor() != 0) {
        throw new IllegalStateException(String.join(" ", command.subList(0, 1)) + " failed: " + out);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}

package org.cadre.bench.load;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.HdrHistogram.Histogram;
import org.cadre.demo.SampleHistories;
import org.cadre.history.HistoryJson;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The culture paths, on Cadre only (the peer has none): a network of imported teams in districts of 100, its
 * roll-up timed one request after another, and the server's own rescoring times while the teams change (from its
 * histogram's buckets, scraped before and after).
 */
final class CultureLoad {

  private static final int TEAMS_PER_DISTRICT = 100;
  private static final Pattern BUCKET = Pattern.compile(
    "^cadre_culture_rescoring_seconds_bucket\\{[^}]*le=\"([^\"]+)\"[^}]*} ([0-9.eE+-]+)$", Pattern.MULTILINE);

  private final Vertx vertx;
  private final CadreTarget cadre;
  private final int teams;
  private final int meetings;
  private String network;
  private List<String> teamIds;

  CultureLoad(Vertx vertx, CadreTarget cadre, int teams, int meetings) {
    this.vertx = vertx;
    this.cadre = cadre;
    this.teams = teams;
    this.meetings = meetings;
  }

  /** The network, its districts and the imported teams; the seconds it took. */
  double prepare() {
    long began = System.nanoTime();
    Instant now = Instant.now();
    network = cadre.signIn().compose(v -> cadre.createSpace(null, "network", "Culture bench " + now)).await();
    int districts = (teams + TEAMS_PER_DISTRICT - 1) / TEAMS_PER_DISTRICT;
    List<String> districtIds = Batches.of(districts, d -> cadre.createSpace(network, "district", "District " + d)).await();
    // An import holds its district's row for its whole transaction: consecutive imports go to different districts.
    teamIds = Batches.of(teams, t -> {
      JsonObject history = HistoryJson.write(SampleHistories.team(new Random(t), "bench-team-" + t, meetings, now));
      return cadre.importTeam(districtIds.get(t % districts), history);
    }).await();
    return (System.nanoTime() - began) / 1e9;
  }

  /** Waits (at most {@code limitSeconds}) until the server has scored every imported team; the seconds it took. */
  double awaitScored(double limitSeconds) {
    long began = System.nanoTime();
    while (cadre.links().db().teamsScoredAtSeq(network).await() < teams && (System.nanoTime() - began) / 1e9 < limitSeconds) {
      try {
        Thread.sleep(500);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    return (System.nanoTime() - began) / 1e9;
  }

  /** The network's roll-up requested {@code times} times, one after the other. */
  JsonObject rollups(int times) {
    Histogram nanos = new Histogram(TimeUnit.MINUTES.toNanos(10), 3);
    int rows = 0;
    for (int i = 0; i < times; i++) {
      long began = System.nanoTime();
      JsonObject rollup = cadre.get("/api/spaces/" + network + "/culture/rollup").await();
      nanos.recordValue(System.nanoTime() - began);
      rows = rollup.getInteger("teamCount");
    }
    return Latency.json(nanos).put("teams", rows);
  }

  /**
   * Changes a different team every {@code everyMs} (a new action item, which the engine reads) until {@code stop}
   * completes, requesting the roll-up once a second meanwhile; answers the roll-up's times.
   */
  Future<JsonObject> changeTeams(long everyMs, Future<?> stop) {
    AtomicInteger next = new AtomicInteger();
    AtomicInteger failed = new AtomicInteger();
    Histogram rollupNanos = new Histogram(TimeUnit.MINUTES.toNanos(10), 3);
    long changes = vertx.setPeriodic(everyMs, id -> cadre.addActionItem(teamIds.get(next.getAndIncrement() % teamIds.size()),
      "Bench follow-up").onFailure(err -> failed.incrementAndGet()));
    long rollups = vertx.setPeriodic(1_000, id -> {
      long began = System.nanoTime();
      cadre.get("/api/spaces/" + network + "/culture/rollup")
        .onSuccess(r -> rollupNanos.recordValue(System.nanoTime() - began))
        .onFailure(err -> failed.incrementAndGet());
    });
    return stop.transform(ar -> {
      vertx.cancelTimer(changes);
      vertx.cancelTimer(rollups);
      return Future.succeededFuture(new JsonObject().put("teamChanges", next.get()).put("failed", failed.get())
        .put("rollupUnderLoad", Latency.json(rollupNanos)));
    });
  }

  /** The server's rescoring histogram as scraped now: cumulative counts by upper bound in seconds. */
  TreeMap<Double, Long> rescoringBuckets() {
    TreeMap<Double, Long> buckets = new TreeMap<>();
    Matcher bucket = BUCKET.matcher(cadre.scrape().await());
    while (bucket.find()) {
      double le = "+Inf".equals(bucket.group(1)) ? Double.POSITIVE_INFINITY : Double.parseDouble(bucket.group(1));
      buckets.put(le, (long) Double.parseDouble(bucket.group(2)));
    }
    return buckets;
  }

  /**
   * The rescorings since {@code before} (a {@link #rescoringBuckets} scrape): their count, and for p50, p99 and max the
   * upper bound of the bucket they fall in, in ms (so each figure is at most that much, and above the bucket before).
   */
  JsonObject rescoringSince(TreeMap<Double, Long> before) {
    TreeMap<Double, Long> after = rescoringBuckets();
    long total = after.lastEntry().getValue() - before.getOrDefault(after.lastKey(), 0L);
    JsonObject out = new JsonObject().put("count", total);
    Double p50 = null;
    Double p99 = null;
    Double max = null;
    long previous = 0;
    for (Map.Entry<Double, Long> bucket : after.entrySet()) {
      long seen = bucket.getValue() - before.getOrDefault(bucket.getKey(), 0L);
      if (p50 == null && total > 0 && seen >= 0.5 * total) {
        p50 = bucket.getKey();
      }
      if (p99 == null && total > 0 && seen >= 0.99 * total) {
        p99 = bucket.getKey();
      }
      if (seen > previous) {
        max = bucket.getKey();
      }
      previous = seen;
    }
    return out.put("p50", bound(p50)).put("p99", bound(p99)).put("max", bound(max));
  }

  /** A bucket's upper bound in ms; null for none, or for the last bucket, which has none. */
  private static Double bound(Double seconds) {
    return seconds == null || seconds.isInfinite() ? null : Math.round(seconds * 100_000) / 100.0;
  }
}

package org.cadre.bench.load;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

import java.util.Map;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One step of open-loop load: {@code rate} renames a second for {@code seconds}, edit k renaming space k % spaces.
 * Each edit is due at start + k / rate and is sent then, whatever happened to the ones before; every latency is
 * measured from that due time, so a server that falls behind is charged for the wait (no coordinated omission).
 * Afterwards it checks that every acknowledged edit is stored exactly once and reached every follower of its space.
 */
final class EditLoad {

  private static final long DRAIN_LIMIT_MS = 15_000;
  private static final long HIGHEST = 3_600_000_000_000L;

  private final Vertx vertx;
  private final Fleet fleet;
  private final Target target;
  private final double rate;
  private final int total;
  final String prefix;
  private final long[] due;
  private final AtomicIntegerArray delivered;
  private final boolean[] acked;
  private final Histogram delivery = new ConcurrentHistogram(HIGHEST, 3);
  private final Histogram ack = new ConcurrentHistogram(HIGHEST, 3);
  /** The slowest delivery of the edits due in each second of the step: tells a stall from a steady overload. */
  private final AtomicLongArray worstBySecond;
  private final AtomicLong failures = new AtomicLong();
  private final AtomicLong stray = new AtomicLong();
  private volatile String firstFailure;
  private long start;

  EditLoad(Vertx vertx, Fleet fleet, Target target, double rate, double seconds, String prefix) {
    this.vertx = vertx;
    this.fleet = fleet;
    this.target = target;
    this.rate = rate;
    this.total = (int) Math.round(rate * seconds);
    this.prefix = prefix;
    this.due = new long[total];
    this.delivered = new AtomicIntegerArray(total);
    this.acked = new boolean[total];
    this.worstBySecond = new AtomicLongArray((int) Math.ceil(seconds) + 1);
  }

  /** A rename reached a client: its latency from when it was due. */
  void seen(Client.Seen seen) {
    if (!seen.name().startsWith(prefix)) {
      return;
    }
    int k = Integer.parseInt(seen.name().substring(prefix.length()));
    if (k < 0 || k >= total || due[k] == 0) {
      stray.incrementAndGet();
      return;
    }
    delivered.incrementAndGet(k);
    long latency = Math.max(0, seen.receivedNanos() - due[k]);
    delivery.recordValue(latency);
    worstBySecond.accumulateAndGet((int) ((due[k] - start) / 1_000_000_000L), latency, Math::max);
  }

  Future<JsonObject> run() {
    Promise<Void> sent = Promise.promise();
    start = System.nanoTime() + 50_000_000L;
    for (int k = 0; k < total; k++) {
      due[k] = start + Math.round(k * 1e9 / rate);
    }
    int[] next = {0};
    AtomicLong outstanding = new AtomicLong();
    vertx.setPeriodic(1, id -> {
      long now = System.nanoTime();
      while (next[0] < total && due[next[0]] <= now) {
        send(next[0]++, outstanding);
      }
      if (next[0] == total) {
        vertx.cancelTimer(id);
        sent.tryComplete();
      }
    });
    return target.commits().compose(before -> sent.future()
      .compose(v -> drained(outstanding))
      // PostgreSQL publishes its counters about once a second.
      .compose(drainMs -> Future.<Void>future(p -> vertx.setTimer(1_200, t -> p.complete())).map(drainMs))
      .compose(drainMs -> target.commits().compose(after -> target.stored(prefix)
        .map(stored -> outcome(stored, drainMs).put("commitsPerEdit", Math.round((after - before) * 100.0 / total) / 100.0)))));
  }

  private void send(int k, AtomicLong outstanding) {
    outstanding.incrementAndGet();
    String space = fleet.spaces.get(k % fleet.spaces.size());
    target.edit(space, prefix + k).onComplete(result -> {
      if (result.succeeded()) {
        synchronized (acked) {
          acked[k] = true;
        }
        ack.recordValue(Math.max(0, System.nanoTime() - due[k]));
      } else {
        failures.incrementAndGet();
        if (firstFailure == null) {
          firstFailure = result.cause().getMessage();
        }
      }
      outstanding.decrementAndGet();
    });
  }

  /** Waits for every answer and every delivery (or the limit): how long after the last due time it took. */
  private Future<Long> drained(AtomicLong outstanding) {
    Promise<Long> done = Promise.promise();
    long last = due[total - 1];
    vertx.setPeriodic(5, id -> {
      long now = System.nanoTime();
      boolean all = outstanding.get() == 0 && allDelivered();
      if (all || now - last > DRAIN_LIMIT_MS * 1_000_000) {
        vertx.cancelTimer(id);
        done.complete((now - last) / 1_000_000);
      }
    });
    return done.future();
  }

  private boolean allDelivered() {
    synchronized (acked) {
      for (int k = 0; k < total; k++) {
        if (acked[k] && delivered.get(k) < fleet.followers[k % fleet.spaces.size()]) {
          return false;
        }
      }
    }
    return true;
  }

  private JsonArray worstBySecond() {
    JsonArray worst = new JsonArray();
    for (int i = 0; i < worstBySecond.length(); i++) {
      worst.add(Math.round(worstBySecond.get(i) / 100_000.0) / 10.0);
    }
    return worst;
  }

  private JsonObject outcome(Map<String, Integer> stored, long drainMs) {
    long ackedCount = 0;
    long notStoredOnce = 0;
    long missing = 0;
    long duplicates = 0;
    long expected = 0;
    synchronized (acked) {
      for (int k = 0; k < total; k++) {
        if (!acked[k]) {
          continue;
        }
        ackedCount++;
        if (stored.getOrDefault(prefix + k, 0) != 1) {
          notStoredOnce++;
        }
        int followers = fleet.followers[k % fleet.spaces.size()];
        expected += followers;
        missing += Math.max(0, followers - delivered.get(k));
        duplicates += Math.max(0, delivered.get(k) - followers);
      }
    }
    double elapsed = (due[total - 1] - start) / 1e9;
    return new JsonObject()
      .put("rate", rate)
      .put("seconds", Math.round(elapsed * 10) / 10.0)
      .put("edits", new JsonObject().put("sent", total).put("acked", ackedCount).put("failed", failures.get())
        .put("firstFailure", firstFailure))
      .put("ack", Latency.json(ack))
      .put("delivery", Latency.json(delivery).put("expected", expected))
      .put("drainMs", drainMs)
      .put("worstDeliveryBySecondMs", worstBySecond())
      .put("checks", new JsonObject().put("storedExactlyOnce", notStoredOnce == 0).put("notStoredOnce", notStoredOnce)
        .put("missing", missing).put("duplicates", duplicates).put("stray", stray.get()).put("outOfOrder", fleet.outOfOrder())
        .put("ok", notStoredOnce == 0 && missing == 0 && duplicates == 0 && fleet.outOfOrder() == 0 && failures.get() == 0));
  }
}

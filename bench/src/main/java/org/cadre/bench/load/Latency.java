package org.cadre.bench.load;

import io.vertx.core.json.JsonObject;
import org.HdrHistogram.Histogram;

/** A latency histogram (nanoseconds) as the results carry it: count and percentiles in milliseconds. */
final class Latency {

  private Latency() {
  }

  static JsonObject json(Histogram nanos) {
    return new JsonObject().put("count", nanos.getTotalCount())
      .put("p50", ms(nanos.getValueAtPercentile(50))).put("p99", ms(nanos.getValueAtPercentile(99)))
      .put("p999", ms(nanos.getValueAtPercentile(99.9))).put("max", ms(nanos.getMaxValue()));
  }

  private static double ms(long nanos) {
    return Math.round(nanos / 10_000.0) / 100.0;
  }
}

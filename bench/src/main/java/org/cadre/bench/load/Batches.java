package org.cadre.bench.load;

import io.vertx.core.Future;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.IntFunction;

/** Set-up calls in parallel lanes, so creating thousands of spaces neither waits for each nor floods the server. */
final class Batches {

  private static final int LANES = 16;

  private Batches() {
  }

  /** Runs {@code call(0..count-1)}, {@value #LANES} at a time, keeping the results in order. */
  static <T> Future<List<T>> of(int count, IntFunction<Future<T>> call) {
    List<T> out = new ArrayList<>(Collections.nCopies(count, null));
    List<Future<Void>> lanes = new ArrayList<>();
    for (int lane = 0; lane < Math.min(LANES, count); lane++) {
      lanes.add(lane(lane, Math.min(LANES, count), count, call, out));
    }
    return Future.all(lanes).map(v -> out);
  }

  private static <T> Future<Void> lane(int next, int lanes, int count, IntFunction<Future<T>> call, List<T> out) {
    if (next >= count) {
      return Future.succeededFuture();
    }
    return call.apply(next).compose(value -> {
      out.set(next, value);
      return lane(next + lanes, lanes, count, call, out);
    });
  }
}

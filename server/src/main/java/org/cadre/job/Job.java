package org.cadre.job;

import io.vertx.core.Future;

import java.time.Duration;

/**
 * Work done at most once per period across every server sharing the database. A run that fails is not retried
 * before the next period, so a job keeps its own record of what it has done (a reminder sent, a row purged) and
 * picks up what an earlier run left.
 */
public interface Job {

  /** Stable across releases: the job's row in {@code jobs}. */
  String name();

  Duration every();

  Future<?> run();
}

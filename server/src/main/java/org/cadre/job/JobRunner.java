package org.cadre.job;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.sqlclient.Pool;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Looks every {@code checkMs} for jobs that are due and runs those this server claims. Every server looks; the
 * claim in the database, not the timer, decides who runs, so a job runs once per period with any number of servers.
 */
public final class JobRunner extends VerticleBase {

  private static final Logger LOG = Logger.getLogger(JobRunner.class.getName());

  private final JobRepository jobs;
  private final List<Job> registered;
  private final long checkMs;
  private final MeterRegistry meters;
  private final String server = UUID.randomUUID().toString();
  private long timer = -1;

  public JobRunner(Pool pool, List<Job> registered, long checkMs, MeterRegistry meters) {
    this.jobs = new JobRepository(pool);
    this.registered = List.copyOf(registered);
    this.checkMs = checkMs;
    this.meters = meters;
  }

  @Override
  public Future<?> start() {
    return Future.all(registered.stream().map(job -> jobs.register(job.name())).toList())
      .onSuccess(v -> timer = vertx.setPeriodic(0, checkMs, id -> registered.forEach(this::runIfClaimed)));
  }

  @Override
  public Future<?> stop() {
    vertx.cancelTimer(timer);
    return Future.succeededFuture();
  }

  private void runIfClaimed(Job job) {
    jobs.claim(job.name(), job.every(), server).onComplete(claimed -> {
      if (claimed.failed()) {
        LOG.log(Level.WARNING, "Could not claim job " + job.name(), claimed.cause());
      } else if (claimed.result()) {
        long started = System.nanoTime();
        Future<?> run;
        try {
          run = job.run();
        } catch (RuntimeException e) {
          run = Future.failedFuture(e);
        }
        run.onComplete(done -> {
          Timer.builder("cadre.jobs.runs").description("Runs of once-across-servers jobs")
            .tag("job", job.name()).tag("outcome", done.succeeded() ? "ok" : "failed").register(meters)
            .record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
          if (done.failed()) {
            LOG.log(Level.WARNING, "Job " + job.name() + " failed; it runs again next period", done.cause());
          } else {
            jobs.finished(job.name());
          }
        });
      }
    });
  }
}

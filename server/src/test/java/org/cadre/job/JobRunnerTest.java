package org.cadre.job;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import io.vertx.sqlclient.Pool;
import org.cadre.db.Database;
import org.cadre.test.TestDatabases;
import org.cadre.test.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A job runs once per period however many servers look for it, and again when its period has passed. */
@ExtendWith(VertxExtension.class)
class JobRunnerTest {

  private record Counting(String name, AtomicInteger runs, boolean fails) implements Job {
    @Override
    public Duration every() {
      return Duration.ofHours(1);
    }

    @Override
    public Future<?> run() {
      runs.incrementAndGet();
      return fails ? Future.failedFuture("a job that fails") : Future.succeededFuture();
    }
  }

  @Test
  void threeServersLookingEvery20MsRunADueJobOnceThenAgainOnlyWhenItIsDueAgain(Vertx vertx) throws Exception {
    String url = TestDatabases.fresh();
    try (TestServer migrated = TestServer.start(vertx, url)) {
      AtomicInteger runs = new AtomicInteger();
      AtomicInteger failedRuns = new AtomicInteger();
      List<Pool> pools = List.of(Database.external(url).pool(vertx, 2), Database.external(url).pool(vertx, 2),
        Database.external(url).pool(vertx, 2));
      for (Pool pool : pools) {
        vertx.deployVerticle(new JobRunner(pool, List.of(new Counting("test.count", runs, false),
          new Counting("test.fail", failedRuns, true)), 20, new SimpleMeterRegistry())).await();
      }
      Thread.sleep(1_000);
      assertEquals(1, runs.get(), "one run across three servers");
      assertEquals(1, failedRuns.get(), "a failed run is not retried before its period ends");
      assertEquals(1, TestDatabases.count(url, "select count(*) from jobs where name = 'test.count' "
        + "and finished_at is not null and due_at > now() + interval '59 minutes'"));
      assertEquals(1, TestDatabases.count(url, "select count(*) from jobs where name = 'test.fail' and finished_at is null"),
        "a failed run leaves its row unfinished");

      TestDatabases.execute(url, "update jobs set due_at = now() where name = 'test.count'");
      Thread.sleep(1_000);
      assertEquals(2, runs.get(), "due again: run once more");
      assertEquals(1, failedRuns.get());
      for (Pool pool : pools) {
        pool.close().await();
      }
    }
  }
}

package org.cadre.ops;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.healthchecks.HealthChecks;
import io.vertx.ext.healthchecks.Status;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.healthchecks.HealthCheckHandler;
import io.vertx.sqlclient.Pool;

import java.util.function.BooleanSupplier;

/**
 * What an operator's tools ask a server: {@code GET /metrics} (Prometheus text), {@code /health/live} (the process
 * answers) and {@code /health/ready} (it can serve: the database answers, its schema migrated without a failed
 * step, and the change relay is LISTENing). Ready answers 503 naming the check that is down.
 */
public final class Operations {

  private static final long CHECK_TIMEOUT_MS = 2_000;

  private final PrometheusMeterRegistry meters;
  private final HealthChecks live;
  private final HealthChecks ready;

  public Operations(Vertx vertx, PrometheusMeterRegistry meters, Pool pool, BooleanSupplier relayListening) {
    this.meters = meters;
    this.live = HealthChecks.create(vertx).register("process", promise -> promise.complete(Status.OK()));
    this.ready = HealthChecks.create(vertx)
      .register("database", CHECK_TIMEOUT_MS, promise -> pool.query("select 1").execute()
        .onComplete(ar -> promise.complete(ar.succeeded() ? Status.OK() : Status.KO())))
      .register("migrations", CHECK_TIMEOUT_MS, promise -> pool.query(
          "select count(*) from flyway_schema_history where not success").execute()
        .onComplete(ar -> promise.complete(ar.succeeded() && ar.result().iterator().next().getLong(0) == 0
          ? Status.OK() : Status.KO())))
      .register("relay", promise -> promise.complete(relayListening.getAsBoolean() ? Status.OK() : Status.KO()));
  }

  /** The health routes, and {@code /metrics} too unless it has a port of its own. Mount before the static files. */
  public void mount(Router router, boolean withMetrics) {
    router.get("/health/live").handler(HealthCheckHandler.createWithHealthChecks(live));
    router.get("/health/ready").handler(HealthCheckHandler.createWithHealthChecks(ready));
    if (withMetrics) {
      mountMetrics(router);
    }
  }

  /** A server with only {@code /metrics}, for a port the public proxy does not forward. */
  public Future<HttpServer> metricsServer(Vertx vertx, int port) {
    Router router = Router.router(vertx);
    mountMetrics(router);
    return vertx.createHttpServer().requestHandler(router).listen(port);
  }

  /** Exactly {@code /metrics}: the client's own files live under {@code /metrics/} and must still be served. */
  private void mountMetrics(Router router) {
    router.getWithRegex("/metrics").handler(this::scrape);
  }

  private void scrape(RoutingContext ctx) {
    ctx.response().putHeader("Content-Type", "text/plain; version=0.0.4; charset=utf-8").end(meters.scrape());
  }
}

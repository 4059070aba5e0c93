package org.cadre.test;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Route;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import org.cadre.HttpVerticle;
import org.cadre.account.AccountRepository;
import org.cadre.account.Accounts;
import org.cadre.account.OidcRoutes;
import org.cadre.account.OidcSignIn;
import org.cadre.account.PasswordHasher;
import org.cadre.culture.CultureEngine;
import org.cadre.culture.CultureRules;
import org.cadre.http.TrustedProxies;
import org.cadre.http.WebSecurity;
import org.cadre.notify.Mailer;
import org.cadre.ops.Operations;
import org.cadre.realtime.Commands;
import org.cadre.event.EventFanout;
import org.cadre.space.AccessVersions;
import org.cadre.space.SpaceChanges;
import org.cadre.space.SpaceRepository;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The routes (regex ones included) and bus commands of an HTTP verticle built exactly as the server builds its own, read off it once
 * started, so tests that must cover every route (the fuzzer, the OpenAPI document's) cover new ones too.
 */
public record ServedRoutes(List<Route> routes, Commands commands) {

  public static ServedRoutes of(Vertx vertx, String database) {
    Pool pool = PgBuilder.pool().connectingTo(PgConnectOptions.fromUri(database)).using(vertx).build();
    PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    AccountRepository accounts = new AccountRepository(pool);
    // Only its routes are read: the events of changes need go nowhere.
    EventFanout nowhere = event -> { };
    HttpVerticle deployed = new HttpVerticle(() -> PgBuilder.pool().connectingTo(PgConnectOptions.fromUri(database)).using(vertx).build(),
      new Accounts(vertx, accounts, new PasswordHasher()), new AccessVersions(), nowhere,
      new CultureEngine(CultureRules.defaults()), 0, WebSecurity.forWebClient(List.of()),
      new HttpVerticle.Operated(new Operations(vertx, meters, pool, () -> true), false, meters, new AtomicInteger(),
        TrustedProxies.none()),
      new OidcRoutes(OidcSignIn.discover(vertx, List.of(), accounts).await(), List.of(), null, user -> Future.succeededFuture()),
      new Mailer(vertx, pool, new SpaceChanges(new SpaceRepository(pool), nowhere), null, null, meters));
    String id = vertx.deployVerticle(deployed).await();
    ServedRoutes served = new ServedRoutes(deployed.routes(), deployed.commands());
    vertx.undeploy(id).await();
    pool.close().await();
    return served;
  }
}

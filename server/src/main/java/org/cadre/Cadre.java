package org.cadre;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.sqlclient.Pool;
import org.cadre.ops.Operations;
import org.cadre.account.AccountHousekeeping;
import org.cadre.account.AccountRepository;
import org.cadre.culture.CultureEngine;
import org.cadre.culture.CultureRules;
import org.cadre.http.WebSecurity;
import org.cadre.culture.CultureWatcher;
import org.cadre.metrics.MetricsWatcher;
import org.cadre.account.Accounts;
import org.cadre.account.OidcRoutes;
import org.cadre.account.OidcSignIn;
import org.cadre.account.PasswordHasher;
import org.cadre.db.Database;
import org.cadre.db.Migrations;
import org.cadre.demo.DemoNetwork;
import org.cadre.event.EventLog;
import org.cadre.protocol.ProtocolLibrary;
import org.cadre.protocol.ProtocolRepository;
import org.cadre.realtime.EventRelay;
import org.cadre.job.Job;
import org.cadre.job.JobRunner;
import org.cadre.notify.Mailer;
import org.cadre.space.AccessVersions;
import org.cadre.space.InvitationHousekeeping;
import org.cadre.space.SpaceChanges;
import org.cadre.space.SpaceRepository;
import org.cadre.space.Spaces;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One running Cadre server: its database (embedded or external), migrated before anything listens, the change
 * relay and the HTTP verticles. Several may share one database, in one JVM (as the tests do) or many.
 */
public final class Cadre {

  private static final Logger LOG = Logger.getLogger(Cadre.class.getName());
  /** Connections for the work outside requests (watchers, jobs, mail, sign-in lookups); each HTTP verticle has its own. */
  private static final int POOL_SIZE = 6;
  /** Connections for requests and changes, shared out among the HTTP verticles (at least 4 each). */
  private static final int HTTP_POOL_SIZE = 16;
  /** Rescoring reads whole histories: on a pool of its own, a burst of it never keeps changes waiting for a connection. */
  private static final int SCORING_POOL_SIZE = 2;

  private final Vertx vertx;
  private final Database database;
  private final Pool pool;
  private final PrometheusMeterRegistry meters;
  private final List<String> deployments = new ArrayList<>();
  private HttpServer metricsServer;
  private Mailer mailer;

  private Cadre(Vertx vertx, Database database, PrometheusMeterRegistry meters) {
    this.vertx = vertx;
    this.database = database;
    this.pool = database.pool(vertx, POOL_SIZE);
    this.meters = meters;
  }

  /** With a registry of its own: Vert.x's built-in meters then stay out of {@code /metrics}. */
  public static Future<Cadre> start(Vertx vertx, CadreConfig config) {
    return start(vertx, config, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
  }

  /** {@code meters}: the registry {@code /metrics} shows, the one {@code vertx} records its own meters in if any. */
  public static Future<Cadre> start(Vertx vertx, CadreConfig config, PrometheusMeterRegistry meters) {
    return Database.open(vertx, config.databaseUrl(), config.dataDir(), config.dbPort())
      .compose(db -> Migrations.migrate(vertx, db)
        .onSuccess(applied -> LOG.info("Database schema is current (" + applied + " migrations applied now)"))
        .map(applied -> new Cadre(vertx, db, meters))
        .recover(err -> closeQuietly(vertx, db).compose(v -> Future.failedFuture(err))))
      .compose(cadre -> cadre.boot(config).map(cadre)
        .recover(err -> cadre.stop().transform(ignored -> Future.failedFuture(err))));
  }

  private Future<Void> boot(CadreConfig config) {
    Accounts accounts = new Accounts(vertx, new AccountRepository(pool), new PasswordHasher());
    AccessVersions accessVersions = new AccessVersions();
    CultureEngine engine = new CultureEngine(CultureRules.defaults());
    WebSecurity security = WebSecurity.forWebClient(config.allowedOrigins());
    EventRelay relay = new EventRelay(database.connectOptions(), new EventLog(pool), accessVersions, meters);
    Operations operations = new Operations(vertx, meters, pool, relay::listening);
    boolean separateMetrics = config.metricsPort() >= 0;
    AtomicInteger openSockets = new AtomicInteger();
    Gauge.builder("cadre.bridge.sockets", openSockets, AtomicInteger::get)
      .description("Open event-bus bridge connections").register(meters);
    Future<?> admin = config.adminEmail() != null && config.adminPassword() != null
      ? accounts.ensureAdmin(config.adminEmail(), config.adminPassword(), config.adminPromote())
      : Future.succeededFuture();
    // Every identity provider is read before anything listens: a wrong issuer stops start-up naming it.
    Future<OidcSignIn> oidc = OidcSignIn.discover(vertx, config.oidcProviders(), accounts.repository());
    SpaceChanges changes = new SpaceChanges(new SpaceRepository(pool), relay);
    mailer = new Mailer(vertx, pool, changes, config.mail(), config.publicUrl(), meters);
    LOG.info("Email: " + mailer);
    // Work done once across every server sharing the database, each claimed there before it runs.
    List<Job> jobs = new ArrayList<>(mailer.jobs(config.jobCheck()));
    jobs.add(new AccountHousekeeping(accounts.repository()));
    jobs.add(new InvitationHousekeeping(new SpaceRepository(pool)));
    return Future.all(admin, oidc)
      .compose(v -> new ProtocolLibrary(new ProtocolRepository(pool)).seed())
      .compose(v -> config.demo()
        ? new DemoNetwork(accounts, Spaces.of(changes), DemoNetwork.commands(vertx, pool, changes, meters), Instant.now()).seed().onSuccess(DemoNetwork::print)
        : Future.succeededFuture())
      .compose(v -> vertx.deployVerticle(relay))
      .compose(id -> {
        deployments.add(id);
        return vertx.deployVerticle(new CultureWatcher(() -> database.derivedDataPool(vertx, "cadre-scoring", SCORING_POOL_SIZE),
          accounts.repository(), engine, meters));
      })
      .compose(id -> {
        deployments.add(id);
        return vertx.deployVerticle(new MetricsWatcher(pool));
      })
      .compose(id -> {
        deployments.add(id);
        return vertx.deployVerticle(new JobRunner(pool, jobs, config.jobCheck().toMillis(), meters));
      })
      .compose(id -> {
        deployments.add(id);
        int perVerticle = Math.max(4, HTTP_POOL_SIZE / config.httpInstances());
        AtomicInteger verticles = new AtomicInteger();
        return vertx.deployVerticle(() -> new HttpVerticle(
            () -> database.pool(vertx, "cadre-http-" + verticles.incrementAndGet(), perVerticle), accounts, accessVersions, relay, engine, config.httpPort(), security,
            new HttpVerticle.Operated(operations, separateMetrics, meters, openSockets, config.trustedProxies()),
          new OidcRoutes(oidc.result(), config.oidcProviders(), config.publicUrl(), Spaces.of(changes)::claimImportedMemberships), mailer),
          new DeploymentOptions().setInstances(config.httpInstances()));
      })
      .compose(id -> {
        deployments.add(id);
        return separateMetrics ? operations.metricsServer(vertx, config.metricsPort()).map(server -> {
          metricsServer = server;
          LOG.info("Metrics are at http://localhost:" + server.actualPort() + "/metrics");
          return null;
        }) : Future.succeededFuture();
      })
      .map(v -> {
        LOG.info("Cadre is ready at http://localhost:" + config.httpPort() + "/");
        return null;
      });
  }

  /** Drains HTTP, stops the relay, closes the pool and stops the embedded database, in that order. */
  public Future<Void> stop() {
    Future<Void> undeployed = metricsServer == null ? Future.succeededFuture() : metricsServer.close();
    metricsServer = null;
    for (int i = deployments.size() - 1; i >= 0; i--) {
      String id = deployments.get(i);
      undeployed = undeployed.compose(v -> vertx.undeploy(id).recover(err -> {
        LOG.log(Level.WARNING, "Could not undeploy " + id + " cleanly", err);
        return Future.succeededFuture();
      }));
    }
    deployments.clear();
    Mailer mail = mailer;
    mailer = null;
    return undeployed
      .compose(v -> mail == null ? Future.succeededFuture() : mail.close())
      .compose(v -> pool.close())
      .compose(v -> closeQuietly(vertx, database));
  }

  private static Future<Void> closeQuietly(Vertx vertx, Database db) {
    return vertx.executeBlocking(() -> {
      try {
        db.close();
      } catch (Exception e) {
        LOG.log(Level.WARNING, "Could not stop the embedded database cleanly", e);
      }
      return null;
    });
  }
}

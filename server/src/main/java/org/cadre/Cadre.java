package org.cadre;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import org.cadre.account.AccountRepository;
import org.cadre.culture.CultureEngine;
import org.cadre.culture.CultureRules;
import org.cadre.http.WebSecurity;
import org.cadre.culture.CultureWatcher;
import org.cadre.metrics.MetricsWatcher;
import org.cadre.history.HistoryRepository;
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
import org.cadre.space.AccessVersions;
import org.cadre.space.SpaceRepository;
import org.cadre.space.Spaces;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One running Cadre server: its database (embedded or external), migrated before anything listens, the change
 * relay and the HTTP verticles. Several may share one database, in one JVM (as the tests do) or many.
 */
public final class Cadre {

  private static final Logger LOG = Logger.getLogger(Cadre.class.getName());
  private static final int POOL_SIZE = 16;

  private final Vertx vertx;
  private final Database database;
  private final Pool pool;
  private final List<String> deployments = new ArrayList<>();

  private Cadre(Vertx vertx, Database database, Pool pool) {
    this.vertx = vertx;
    this.database = database;
    this.pool = pool;
  }

  public static Future<Cadre> start(Vertx vertx, CadreConfig config) {
    return Database.open(vertx, config.databaseUrl(), config.dataDir(), config.dbPort())
      .compose(db -> Migrations.migrate(vertx, db)
        .onSuccess(applied -> LOG.info("Database schema is current (" + applied + " migrations applied now)"))
        .map(applied -> new Cadre(vertx, db, db.pool(vertx, POOL_SIZE)))
        .recover(err -> closeQuietly(vertx, db).compose(v -> Future.failedFuture(err))))
      .compose(cadre -> cadre.boot(config).map(cadre)
        .recover(err -> cadre.stop().transform(ignored -> Future.failedFuture(err))));
  }

  private Future<Void> boot(CadreConfig config) {
    Accounts accounts = new Accounts(vertx, new AccountRepository(pool), new PasswordHasher());
    AccessVersions accessVersions = new AccessVersions();
    CultureEngine engine = new CultureEngine(CultureRules.defaults());
    WebSecurity security = WebSecurity.forWebClient(config.allowedOrigins());
    Future<?> admin = config.adminEmail() != null && config.adminPassword() != null
      ? accounts.ensureAdmin(config.adminEmail(), config.adminPassword(), config.adminPromote())
      : Future.succeededFuture();
    return OidcSignIn.discover(vertx, config.oidcProviders(), accounts.repository())
      .compose(oidc -> admin.compose(v -> deploy(config, accounts, accessVersions, engine, security, oidc)));
  }

  private Future<Void> deploy(CadreConfig config, Accounts accounts, AccessVersions accessVersions, CultureEngine engine,
                              WebSecurity security, OidcSignIn oidc) {
    return Future.<Void>succeededFuture()
      .compose(v -> new ProtocolLibrary(new ProtocolRepository(pool)).seed())
      .compose(v -> config.demo()
        ? new DemoNetwork(accounts, Spaces.of(new SpaceRepository(pool)),
          DemoNetwork.commands(vertx, pool), Instant.now()).seed().onSuccess(DemoNetwork::print)
        : Future.succeededFuture())
      .compose(v -> vertx.deployVerticle(new EventRelay(database.connectOptions(), new EventLog(pool), accessVersions)))
      .compose(id -> {
        deployments.add(id);
        return vertx.deployVerticle(new CultureWatcher(pool, new HistoryRepository(pool, accounts.repository()), engine));
      })
      .compose(id -> {
        deployments.add(id);
        return vertx.deployVerticle(new MetricsWatcher(pool));
      })
      .compose(id -> {
        deployments.add(id);
        return vertx.deployVerticle(() -> new HttpVerticle(pool, accounts, accessVersions, engine, config.httpPort(), security,
          new OidcRoutes(oidc, config.oidcProviders(), config.publicUrl(), Spaces.of(new SpaceRepository(pool))::claimImportedMemberships)),
          new DeploymentOptions().setInstances(config.httpInstances()));
      })
      .map(id -> {
        deployments.add(id);
        LOG.info("Cadre is ready at http://localhost:" + config.httpPort() + "/");
        return null;
      });
  }

  /** Drains HTTP, stops the relay, closes the pool and stops the embedded database, in that order. */
  public Future<Void> stop() {
    Future<Void> undeployed = Future.succeededFuture();
    for (int i = deployments.size() - 1; i >= 0; i--) {
      String id = deployments.get(i);
      undeployed = undeployed.compose(v -> vertx.undeploy(id).recover(err -> {
        LOG.log(Level.WARNING, "Could not undeploy " + id + " cleanly", err);
        return Future.succeededFuture();
      }));
    }
    deployments.clear();
    return undeployed
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

package org.cadre.db;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Logger;

/**
 * Where Cadre's PostgreSQL is: an external server named by a URL, or an embedded one that this process starts
 * in the data directory and stops again on {@link #close()}.
 */
public final class Database implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(Database.class.getName());

  private final PgConnectOptions connectOptions;
  private final EmbeddedPostgres embedded;

  private Database(PgConnectOptions connectOptions, EmbeddedPostgres embedded) {
    this.connectOptions = connectOptions;
    this.embedded = embedded;
  }

  /** Parses {@code postgres://user:pass@host:port/db}; the message names what is wrong. */
  public static Database external(String url) {
    try {
      return new Database(PgConnectOptions.fromUri(url), null);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("DATABASE_URL is not a postgres://user:pass@host:port/db URL: " + e.getMessage(), e);
    }
  }

  /** Starts (or restarts, keeping its files) an embedded PostgreSQL. Blocking: call it off the event loop. */
  public static Database embedded(Path dataDir) throws IOException {
    Path pgDir = dataDir.toAbsolutePath().resolve("postgres");
    Files.createDirectories(pgDir);
    LOG.info("Starting embedded PostgreSQL in " + pgDir);
    EmbeddedPostgres pg = EmbeddedPostgres.builder()
      .setDataDirectory(pgDir)
      .setCleanDataDirectory(false)
      // Cadre stops PostgreSQL itself, after the HTTP server has drained and the pool is closed.
      .setRegisterShutdownHook(false)
      .start();
    PgConnectOptions options = new PgConnectOptions()
      .setHost("localhost")
      .setPort(pg.getPort())
      .setDatabase("postgres")
      .setUser("postgres")
      .setPassword("postgres");
    LOG.info("Embedded PostgreSQL is up; more Cadre servers can share it with DATABASE_URL=postgres://postgres:postgres@localhost:"
      + pg.getPort() + "/postgres");
    return new Database(options, pg);
  }

  /** Opens the database the configuration names, starting the embedded one off the event loop if needed. */
  public static Future<Database> open(Vertx vertx, String url, Path dataDir) {
    if (url != null) {
      return vertx.executeBlocking(() -> external(url));
    }
    return vertx.executeBlocking(() -> embedded(dataDir));
  }

  public PgConnectOptions connectOptions() {
    return new PgConnectOptions(connectOptions);
  }

  public String jdbcUrl() {
    return "jdbc:postgresql://" + connectOptions.getHost() + ":" + connectOptions.getPort() + "/" + connectOptions.getDatabase();
  }

  public String user() {
    return connectOptions.getUser();
  }

  public String password() {
    return connectOptions.getPassword();
  }

  public Pool pool(Vertx vertx, int maxSize) {
    return PgBuilder.pool()
      .with(new PoolOptions().setMaxSize(maxSize))
      .connectingTo(connectOptions())
      .using(vertx)
      .build();
  }

  /** Stops the embedded PostgreSQL, if this process started one. Blocking. */
  @Override
  public void close() throws IOException {
    if (embedded != null) {
      embedded.close();
    }
  }
}

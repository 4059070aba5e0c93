package org.cadre.test;

import io.vertx.pgclient.PgConnectOptions;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fresh, empty PostgreSQL database for each test class: on {@code TEST_DATABASE_URL} when it is set (its user
 * must be allowed to create databases), else on one embedded PostgreSQL started once for the whole test run.
 */
public final class TestDatabases {

  private static final AtomicInteger COUNTER = new AtomicInteger();
  private static PgConnectOptions server;

  private TestDatabases() {
  }

  /** Creates a new database and answers its {@code postgres://} URL. */
  public static synchronized String fresh() {
    PgConnectOptions base = server();
    String name = "cadre_test_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
    String jdbc = "jdbc:postgresql://" + base.getHost() + ":" + base.getPort() + "/" + base.getDatabase();
    try (Connection conn = DriverManager.getConnection(jdbc, base.getUser(), base.getPassword());
         Statement st = conn.createStatement()) {
      st.execute("create database " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("Could not create test database " + name, e);
    }
    return "postgres://" + base.getUser() + ":" + base.getPassword() + "@" + base.getHost() + ":" + base.getPort() + "/" + name;
  }

  /** A JDBC connection to a test database, for assertions on what was (not) stored. */
  public static Connection jdbc(String url) throws SQLException {
    PgConnectOptions options = PgConnectOptions.fromUri(url);
    return DriverManager.getConnection("jdbc:postgresql://" + options.getHost() + ":" + options.getPort() + "/"
      + options.getDatabase(), options.getUser(), options.getPassword());
  }

  /** Runs a query answering one number. */
  public static long count(String url, String sql) {
    try (Connection conn = jdbc(url); Statement st = conn.createStatement(); var rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  public static void execute(String url, String sql) {
    try (Connection conn = jdbc(url); Statement st = conn.createStatement()) {
      st.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  private static PgConnectOptions server() {
    if (server != null) {
      return server;
    }
    String external = System.getenv("TEST_DATABASE_URL");
    if (external != null && !external.isBlank()) {
      server = PgConnectOptions.fromUri(external);
      return server;
    }
    try {
      // zonky's defaults on purpose (fsync and synchronous_commit off, trust on loopback): this throwaway cluster
      // lives in a temporary directory for one run, so a crash may lose it whole; the product's embedded database
      // (org.cadre.db.Database) is the durable one, and CrashRestartTest and LifecycleTest run that.
      EmbeddedPostgres pg = EmbeddedPostgres.builder().start();
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        try {
          pg.close();
        } catch (IOException ignored) {
          // the JVM is exiting; the temporary cluster goes with it
        }
      }));
      server = new PgConnectOptions().setHost("localhost").setPort(pg.getPort())
        .setDatabase("postgres").setUser("postgres").setPassword("postgres");
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException("Could not start the embedded PostgreSQL for tests", e);
    }
  }
}

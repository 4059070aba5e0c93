package org.cadre.db;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.util.LinuxUtils;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * Where Cadre's PostgreSQL is: an external server named by a URL, or an embedded one that this process starts
 * in the data directory and stops again on {@link #close()}.
 *
 * <p>The embedded one is run for real data: fsync and synchronous commits on, scram-sha-256 password
 * authentication only (the password generated once, in {@code db-password}, readable by its owner only), listening
 * on loopback only, on a port chosen once and kept in {@code db-port}. A postmaster that a killed Cadre left
 * running on the same files is stopped before starting again.
 */
public final class Database implements AutoCloseable {

  private static final int WAITERS_PER_CONNECTION = 64;
  /** Prepared statements each connection keeps, least recently used dropped first: more than Cadre has. */
  private static final int PREPARED_STATEMENTS_KEPT = 1024;
  private static final int ACQUIRE_TIMEOUT_SECONDS = 10;
  static final String LOCK_TIMEOUT = "5s";
  private static final String STATEMENT_TIMEOUT = "60s";

  private static final Logger LOG = Logger.getLogger(Database.class.getName());
  private static final String USER = "postgres";

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

  /**
   * Starts (or restarts, keeping its files) an embedded PostgreSQL in {@code dataDir/postgres}, on {@code port}, or
   * when 0 on the port it used before (a free one the first time). Blocking: call it off the event loop.
   */
  public static Database embedded(Path dataDir, int port) throws IOException {
    Path dir = dataDir.toAbsolutePath().normalize();
    Path pgDir = dir.resolve("postgres");
    try {
      Files.createDirectories(pgDir);
    } catch (IOException e) {
      throw new IOException("the data directory " + dir + " cannot be created: " + e, e);
    }
    if (!Files.isWritable(dir) || !Files.isWritable(pgDir)) {
      throw new IOException("the data directory " + pgDir + " is not writable by this user");
    }
    stopLeftover(pgDir);
    String password = password(dir.resolve("db-password"));
    int dbPort = port(dir.resolve("db-port"), port);
    boolean legacyTrust = Files.exists(pgDir.resolve("pg_hba.conf")) && trustLines(pgDir.resolve("pg_hba.conf"));
    Path log = dir.resolve("postgres.log");
    long logStart = Files.exists(log) ? Files.size(log) : 0;
    LOG.info("Starting embedded PostgreSQL in " + pgDir + " on localhost:" + dbPort + " (its log: " + log + ")");
    EmbeddedPostgres pg;
    try {
      pg = EmbeddedPostgres.builder()
        .setDataDirectory(pgDir)
        .setCleanDataDirectory(false)
        // Cadre stops PostgreSQL itself, after the HTTP server has drained and the pool is closed.
        .setRegisterShutdownHook(false)
        .setPort(dbPort)
        // Crash recovery after a kill, on a busy machine, can take longer than zonky's 10 s.
        .setPGStartupWait(Duration.ofMinutes(2))
        // zonky's defaults are for throwaway test clusters (-F, synchronous_commit off): a commit is
        // acknowledged only once its WAL is on disk.
        .setServerConfig("fsync", "on")
        .setServerConfig("synchronous_commit", "on")
        .setServerConfig("full_page_writes", "on")
        .setServerConfig("listen_addresses", "localhost")
        // TCP only: no socket file in /tmp that any local user could reach.
        .setServerConfig("unix_socket_directories", "")
        // Used by initdb on the first start only (passed as --auth=, --pwfile=, after zonky's own -A trust).
        .setLocaleConfig("auth", "scram-sha-256")
        .setLocaleConfig("pwfile", dir.resolve("db-password").toString())
        .setConnectConfig("password", password)
        .setOutputRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
        .setErrorRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
        .start();
    } catch (IOException | RuntimeException e) {
      throw new IOException("the embedded PostgreSQL in " + pgDir + " did not start: " + reason(log, logStart, e), e);
    }
    if (legacyTrust) {
      requirePassword(pgDir, dbPort, password);
    }
    PgConnectOptions options = new PgConnectOptions()
      .setHost("localhost")
      .setPort(dbPort)
      .setDatabase("postgres")
      .setUser(USER)
      .setPassword(password);
    LOG.info("Embedded PostgreSQL is up; more Cadre servers can share it with DATABASE_URL=postgres://" + USER + ":"
      + password + "@localhost:" + dbPort + "/postgres (this URL holds the database password)");
    return new Database(options, pg);
  }

  /** Opens the database the configuration names, starting the embedded one off the event loop if needed. */
  public static Future<Database> open(Vertx vertx, String url, Path dataDir, int dbPort) {
    if (url != null) {
      return vertx.executeBlocking(() -> external(url));
    }
    return vertx.executeBlocking(() -> embedded(dataDir, dbPort));
  }

  /**
   * A Cadre killed without its shutdown hook leaves its postmaster running, holding postmaster.pid: stop it (fast
   * mode: it checkpoints and exits) so this start can take over the files.
   */
  private static void stopLeftover(Path pgDir) throws IOException {
    Path pidFile = pgDir.resolve("postmaster.pid");
    if (!Files.exists(pidFile)) {
      return;
    }
    List<String> lines = Files.readAllLines(pidFile);
    Optional<ProcessHandle> process;
    try {
      process = lines.isEmpty() ? Optional.empty() : ProcessHandle.of(Long.parseLong(lines.get(0).trim()));
    } catch (NumberFormatException e) {
      process = Optional.empty();
    }
    if (process.isEmpty() || !process.get().isAlive()) {
      return; // a stale file from a crash; PostgreSQL recovers and replaces it
    }
    ProcessHandle postmaster = process.get();
    Optional<String> command = postmaster.info().command();
    boolean ours = command.map(c -> c.endsWith("/postgres")).orElse(false)
      && postmaster.info().arguments().map(args -> List.of(args).contains(pgDir.toString())).orElse(false);
    if (!ours) {
      // The pid was reused by an unrelated process: the file is stale, and PostgreSQL would refuse to start on it.
      LOG.warning("postmaster.pid names pid " + postmaster.pid() + ", which is not a PostgreSQL of " + pgDir + "; removing the stale file");
      Files.delete(pidFile);
      return;
    }
    LOG.warning("Found a PostgreSQL (pid " + postmaster.pid() + ") left running in " + pgDir
      + " by a Cadre that did not stop cleanly; stopping it before starting again");
    List<String> stop = new ArrayList<>();
    if (LinuxUtils.isUnshareAvailable()) {
      stop.addAll(List.of("unshare", "-U")); // as zonky runs it: pg_ctl refuses to run as root
    }
    stop.addAll(List.of(Path.of(command.get()).resolveSibling("pg_ctl").toString(), "-D", pgDir.toString(),
      "stop", "-m", "fast", "-w", "-t", "120"));
    Path log = pgDir.resolveSibling("postgres.log");
    int exit;
    try {
      Process pgCtl = new ProcessBuilder(stop).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
      exit = pgCtl.waitFor(150, TimeUnit.SECONDS) ? pgCtl.exitValue() : -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while stopping the leftover PostgreSQL", e);
    }
    if (exit != 0) {
      throw new IOException("the PostgreSQL (pid " + postmaster.pid() + ") left running in " + pgDir
        + " did not stop (pg_ctl stop exited with " + exit + ", see " + log + "); stop it by hand and start again");
    }
    LOG.info("Stopped the leftover PostgreSQL (pid " + postmaster.pid() + ")");
  }

  /** The database password: generated on the first start, then read; the file is readable by its owner only. */
  private static String password(Path file) throws IOException {
    if (!Files.exists(file)) {
      byte[] random = new byte[24];
      new SecureRandom().nextBytes(random);
      Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      Files.writeString(file, Base64.getUrlEncoder().withoutPadding().encodeToString(random) + "\n");
    }
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    return Files.readString(file).trim();
  }

  /** The port asked for, else the one used before, else a free one; kept for the next start. */
  private static int port(Path file, int wanted) throws IOException {
    int port = wanted;
    if (port == 0 && Files.exists(file)) {
      try {
        port = Integer.parseInt(Files.readString(file).trim());
      } catch (NumberFormatException e) {
        throw new IOException(file + " does not hold a port number; fix or delete it");
      }
    }
    try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    } catch (BindException e) {
      throw new IOException("port " + port + " on localhost is in use by another program; free it or choose another"
        + " database port with CADRE_DB_PORT / --db-port", e);
    }
    Files.writeString(file, port + "\n");
    return port;
  }

  private static boolean trustLines(Path hba) throws IOException {
    return Files.readAllLines(hba).stream().anyMatch(line -> !line.strip().startsWith("#") && line.contains("trust"));
  }

  /**
   * A data directory made by an earlier Cadre trusted every local connection: give the superuser the password and
   * switch every rule to scram-sha-256.
   */
  private static void requirePassword(Path pgDir, int port, String password) throws IOException {
    Path hba = pgDir.resolve("pg_hba.conf");
    try (Connection conn = DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/postgres", USER, password);
         Statement st = conn.createStatement()) {
      // The password is base64url: no quote can end the literal.
      st.execute("alter role " + USER + " password '" + password + "'");
      List<String> rules = Files.readAllLines(hba).stream()
        .map(line -> line.strip().startsWith("#") ? line : line.replace("trust", "scram-sha-256")).toList();
      Files.write(hba, rules, StandardCharsets.UTF_8);
      st.execute("select pg_reload_conf()");
    } catch (SQLException e) {
      throw new IOException("could not set the embedded PostgreSQL's password: " + e.getMessage(), e);
    }
    LOG.info("The embedded PostgreSQL now requires its password (scram-sha-256) instead of trusting local connections");
  }

  /** The last FATAL/ERROR line PostgreSQL logged during this attempt, else the exception's own message. */
  private static String reason(Path log, long from, Exception e) {
    try {
      if (Files.exists(log)) {
        byte[] all = Files.readAllBytes(log);
        String attempt = new String(all, (int) Math.min(from, all.length), (int) Math.max(0, all.length - from), StandardCharsets.UTF_8);
        Optional<String> last = attempt.lines().filter(l -> l.contains("FATAL:") || l.contains("ERROR:")).reduce((a, b) -> b);
        if (last.isPresent()) {
          return last.get().strip();
        }
      }
    } catch (IOException ignored) {
      // fall back to the exception below
    }
    return e.getMessage();
  }

  /**
   * Options for a new connection. Each connection keeps its prepared statements (the client's default is to parse
   * and plan every statement again, which was about half of PostgreSQL's CPU per edit).
   */
  public PgConnectOptions connectOptions() {
    return new PgConnectOptions(connectOptions).setCachePreparedStatements(true)
      .setPreparedStatementCacheMaxSize(PREPARED_STATEMENTS_KEPT);
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

  /**
   * A pool whose waits are bounded: at most {@value #WAITERS_PER_CONNECTION} requests per connection queue for one
   * (beyond that, and after {@value #ACQUIRE_TIMEOUT_SECONDS} s of waiting, a request fails as 503 instead of piling
   * up), a row lock is waited for {@value #LOCK_TIMEOUT} and a statement runs {@value #STATEMENT_TIMEOUT} at most.
   */
  public Pool pool(Vertx vertx, int maxSize) {
    return pool(vertx, "cadre", maxSize);
  }

  /** {@link #pool(Vertx, int)} under a name of its own, which its meters carry ({@code pool_name}). */
  public Pool pool(Vertx vertx, String name, int maxSize) {
    return pool(vertx, name, maxSize, connectOptions());
  }

  /**
   * {@link #pool(Vertx, String, int)} for work that writes only what can be computed again from committed data
   * (scores and their snapshots): its commits do not wait for their WAL to reach the disk. A crash can lose the last
   * few of them, which the next rescoring or the daily sweep writes again.
   */
  public Pool derivedDataPool(Vertx vertx, String name, int maxSize) {
    return pool(vertx, name, maxSize, connectOptions().addProperty("synchronous_commit", "off"));
  }

  private static Pool pool(Vertx vertx, String name, int maxSize, PgConnectOptions options) {
    options.addProperty("lock_timeout", LOCK_TIMEOUT).addProperty("statement_timeout", STATEMENT_TIMEOUT);
    return PgBuilder.pool()
      .with(new PoolOptions().setName(name).setMaxSize(maxSize).setMaxWaitQueueSize(maxSize * WAITERS_PER_CONNECTION)
        .setConnectionTimeout(ACQUIRE_TIMEOUT_SECONDS).setConnectionTimeoutUnit(java.util.concurrent.TimeUnit.SECONDS))
      .connectingTo(options)
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

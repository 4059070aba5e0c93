package org.cadre;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MetricsDomain;
import io.vertx.micrometer.MicrometerMetricsOptions;
import org.cadre.culture.ScoreCommand;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.logging.LogManager;
import java.util.logging.Logger;

/**
 * {@code java -jar cadre.jar [--demo] [--http-port N] ...}: starts a server and stops it cleanly on SIGTERM.
 * {@code --help} prints every option, {@code --version} the version.
 * {@code java -jar cadre.jar score ...} instead scores a team-history file offline ({@link ScoreCommand}).
 */
public final class Main {

  private static final Logger LOG = Logger.getLogger(Main.class.getName());

  private Main() {
  }

  public static void main(String[] args) throws Exception {
    if (args.length > 0 && args[0].equals("score")) {
      System.exit(ScoreCommand.run(Arrays.asList(args).subList(1, args.length), System.out, System.err));
      return;
    }
    List<String> argList = Arrays.asList(args);
    if (argList.contains("--help") || argList.contains("-h")) {
      System.out.print(CadreConfig.USAGE);
      return;
    }
    if (argList.contains("--version")) {
      System.out.println("cadre " + version());
      return;
    }
    configureLogging();
    CadreConfig config;
    try {
      config = CadreConfig.from(System.getenv(), argList);
    } catch (IllegalArgumentException e) {
      System.err.println("cadre: " + e.getMessage());
      System.exit(2);
      return;
    }
    PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    Vertx vertx = Vertx.builder()
      .with(new VertxOptions().setMetricsOptions(vertxMetrics()))
      .withMetrics(new MicrometerMetricsFactory(meters))
      .build();
    Cadre cadre;
    try {
      cadre = Cadre.start(vertx, config, meters).await();
    } catch (Exception e) {
      LOG.severe("Cadre could not start: " + e.getMessage());
      vertx.close().await();
      System.exit(1);
      return;
    }
    // JUL resets its handlers in a shutdown hook of its own, so these last lines go straight to the console.
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      System.out.println("Stopping Cadre: draining requests, then stopping the database");
      try {
        cadre.stop().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        System.out.println("Cadre stopped");
      } catch (Exception e) {
        System.err.println("Cadre did not stop cleanly: " + e);
      }
    }, "cadre-shutdown"));
  }

  /** The Maven project version, written into cadre-version.properties at build time. */
  static String version() throws IOException {
    Properties props = new Properties();
    try (InputStream in = Main.class.getResourceAsStream("/cadre-version.properties")) {
      if (in != null) {
        props.load(in);
      }
    }
    return props.getProperty("version", "unknown");
  }

  /**
   * The Vert.x meters the server records in the registry {@code /metrics} shows: HTTP and pools. Not the bus's: every
   * event is delivered once per subscribed socket, and counting those deliveries cost several percent of the
   * server's CPU under load; bus commands have their own timer ({@code cadre_commands_seconds}).
   */
  public static MicrometerMetricsOptions vertxMetrics() {
    return new MicrometerMetricsOptions().setEnabled(true).addDisabledMetricsCategory(MetricsDomain.EVENT_BUS);
  }

  private static void configureLogging() throws IOException {
    if (System.getProperty("java.util.logging.config.file") != null) {
      return;
    }
    try (InputStream in = Main.class.getResourceAsStream("/cadre-logging.properties")) {
      if (in != null) {
        LogManager.getLogManager().readConfiguration(in);
      }
    }
  }
}

package org.cadre.test;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import org.cadre.Cadre;
import org.cadre.CadreConfig;
import org.cadre.http.TrustedProxies;
import org.cadre.notify.MailSettings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;

/** A real Cadre server on a free port, with an administrator, on the given database. */
public final class TestServer implements AutoCloseable {

  public static final String ADMIN_EMAIL = "admin@cadre.test";
  public static final String ADMIN_PASSWORD = "admin-password-1";

  private final Vertx vertx;
  private final Cadre cadre;
  private final int port;
  private final String databaseUrl;

  private TestServer(Vertx vertx, Cadre cadre, int port, String databaseUrl) {
    this.vertx = vertx;
    this.cadre = cadre;
    this.port = port;
    this.databaseUrl = databaseUrl;
  }

  /** Two HTTP verticles, as in production on this machine, so per-verticle caches are exercised. */
  public static TestServer start(Vertx vertx, String databaseUrl) {
    return start(vertx, databaseUrl, false, List.of());
  }

  /** As above; with {@code demo}, seeded with the demo network as {@code --demo} does. */
  public static TestServer start(Vertx vertx, String databaseUrl, boolean demo) {
    return start(vertx, databaseUrl, demo, List.of());
  }

  /** With origins that browsers may call from besides the server's own (CADRE_ALLOWED_ORIGINS). */
  public static TestServer start(Vertx vertx, String databaseUrl, List<String> allowedOrigins) {
    return start(vertx, databaseUrl, false, allowedOrigins);
  }

  /** A server signing in through these OpenID Connect providers. */
  public static TestServer withOidc(Vertx vertx, String databaseUrl, List<org.cadre.account.OidcProvider> providers) {
    return start(vertx, databaseUrl, false, List.of(), TrustedProxies.none(), -1,
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), providers);
  }

  private static TestServer start(Vertx vertx, String databaseUrl, boolean demo, List<String> allowedOrigins) {
    return start(vertx, databaseUrl, demo, allowedOrigins, TrustedProxies.none(), -1,
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), List.of());
  }

  /** With the registry {@code vertx} records its own meters in, as {@code Main} starts a server. */
  public static TestServer start(Vertx vertx, String databaseUrl, PrometheusMeterRegistry meters) {
    return start(vertx, databaseUrl, false, List.of(), TrustedProxies.none(), -1, meters, List.of());
  }

  /** Behind the given reverse proxies (CADRE_TRUSTED_PROXIES), {@code /metrics} on its own port unless -1. */
  public static TestServer start(Vertx vertx, String databaseUrl, TrustedProxies proxies, int metricsPort) {
    return start(vertx, databaseUrl, false, List.of(), proxies, metricsPort,
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), List.of());
  }

  /**
   * Sending mail through this SMTP server (its public URL {@code http://localhost:PORT}), looking for due jobs every
   * {@code jobCheck}.
   */
  public static TestServer withMail(Vertx vertx, String databaseUrl, MailSettings mail, Duration jobCheck,
                                    PrometheusMeterRegistry meters) {
    return start(vertx, databaseUrl, false, List.of(), TrustedProxies.none(), -1, meters, List.of(), mail, jobCheck);
  }

  private static TestServer start(Vertx vertx, String databaseUrl, boolean demo, List<String> allowedOrigins,
                                  TrustedProxies proxies, int metricsPort, PrometheusMeterRegistry meters,
                                  List<org.cadre.account.OidcProvider> providers) {
    return start(vertx, databaseUrl, demo, allowedOrigins, proxies, metricsPort, meters, providers, null, Duration.ofSeconds(60));
  }

  private static TestServer start(Vertx vertx, String databaseUrl, boolean demo, List<String> allowedOrigins,
                                  TrustedProxies proxies, int metricsPort, PrometheusMeterRegistry meters,
                                  List<org.cadre.account.OidcProvider> providers, MailSettings mail, Duration jobCheck) {
    try {
      int port = freePort();
      CadreConfig config = new CadreConfig(port, databaseUrl, Files.createTempDirectory("cadre-test"),
        ADMIN_EMAIL, ADMIN_PASSWORD, demo, 2, 0, false, allowedOrigins, metricsPort, proxies,
        mail == null ? null : "http://localhost:" + port, providers, mail, jobCheck);
      return new TestServer(vertx, Cadre.start(vertx, config, meters).await(), port, databaseUrl);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public int port() {
    return port;
  }

  public String databaseUrl() {
    return databaseUrl;
  }

  public Vertx vertx() {
    return vertx;
  }

  public ApiClient anonymous() {
    return new ApiClient(vertx, port);
  }

  public ApiClient admin() {
    return anonymous().login(ADMIN_EMAIL, ADMIN_PASSWORD);
  }

  /** Registers a new account (its organization from the email's domain) and answers a client logged in as it. */
  public ApiClient register(String email, String name) {
    ApiClient client = anonymous();
    client.expect(201, "POST", "/api/auth/register",
      new io.vertx.core.json.JsonObject().put("email", email).put("password", "password-" + email).put("name", name));
    return client;
  }

  @Override
  public void close() {
    cadre.stop().await();
  }

  public static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}

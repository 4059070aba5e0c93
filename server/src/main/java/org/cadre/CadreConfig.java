package org.cadre;

import org.cadre.account.OidcProvider;
import org.cadre.http.TrustedProxies;
import org.cadre.http.WebSecurity;
import org.cadre.notify.MailSettings;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Start-up settings: environment variables, each overridable by a {@code --flag}.
 *
 * @param httpPort      CADRE_HTTP_PORT / --http-port (0 picks a free port, used by tests)
 * @param databaseUrl   DATABASE_URL / --database-url, {@code postgres://user:pass@host:port/db}; null runs an embedded PostgreSQL
 * @param dataDir       CADRE_DATA_DIR / --data-dir, where the embedded PostgreSQL keeps its files
 * @param adminEmail    CADRE_ADMIN_EMAIL / --admin-email
 * @param adminPassword CADRE_ADMIN_PASSWORD / --admin-password
 * @param demo          --demo: seed the demo network
 * @param httpInstances CADRE_HTTP_INSTANCES / --http-instances, HTTP verticles sharing the port (default: cores)
 * @param dbPort        CADRE_DB_PORT / --db-port, the embedded PostgreSQL's port (0: the one it used before, else a free one)
 * @param adminPromote  CADRE_ADMIN_PROMOTE=true / --admin-promote: make an existing account with the admin email an administrator
 * @param allowedOrigins CADRE_ALLOWED_ORIGINS / --allowed-origins, comma-separated origins browsers may call from
 *                       besides the request's own (behind a proxy: {@code https://cadre.district.org})
 * @param metricsPort   CADRE_METRICS_PORT / --metrics-port: serve {@code /metrics} on this port only (0: a free one),
 *                      for a scraper the public proxy does not reach; -1 (the default) serves it on the HTTP port
 * @param trustedProxies CADRE_TRUSTED_PROXIES / --trusted-proxies, comma-separated IPs and CIDR blocks of reverse
 *                       proxies whose {@code X-Forwarded-For} names the client (login limit, access log)
 * @param mail          CADRE_SMTP_HOST, _PORT, _USERNAME, _PASSWORD, _STARTTLS and CADRE_MAIL_FROM: where mail goes out;
 *                      null (no host) turns email off
 * @param jobCheck      CADRE_JOB_CHECK_SECONDS: how often each server looks for due jobs (reminders, digests)
 */
public record CadreConfig(int httpPort, String databaseUrl, Path dataDir, String adminEmail, String adminPassword,
                          boolean demo, int httpInstances, int dbPort, boolean adminPromote,
                          List<String> allowedOrigins, int metricsPort, TrustedProxies trustedProxies,
                          String publicUrl, List<OidcProvider> oidcProviders, MailSettings mail, Duration jobCheck) {

  /** What {@code --help} prints: every option with its variable and default. */
  public static final String USAGE = """
    usage: java -jar cadre.jar [options]
           java -jar cadre.jar score --history FILE [--as-of INSTANT] [--window-days N]

    Each option can also be set by the environment variable beside it; the flag wins.

      option               variable              default        meaning
      --http-port N        CADRE_HTTP_PORT       8080           HTTP port (REST, event bus, web client)
      --database-url URL   DATABASE_URL          none           postgres://user:pass@host:port/db; none runs
                                                                the embedded PostgreSQL in the data directory
      --data-dir DIR       CADRE_DATA_DIR        ./cadre-data   the embedded PostgreSQL's files, password and port
      --db-port N          CADRE_DB_PORT         kept           the embedded PostgreSQL's port on localhost
                                                                (default: the one it used before, else a free one)
      --admin-email EMAIL  CADRE_ADMIN_EMAIL     none           with the password: created on start if absent
      --admin-password PW  CADRE_ADMIN_PASSWORD  none
      --admin-promote      CADRE_ADMIN_PROMOTE   false          make an existing account with the admin email
                                                                an administrator (it keeps its password)
      --http-instances N   CADRE_HTTP_INSTANCES  cores          HTTP verticles sharing the port
      --allowed-origins L  CADRE_ALLOWED_ORIGINS none           comma-separated origins (https://host) browsers
                                                                may call from besides the server's own
      --metrics-port N     CADRE_METRICS_PORT    http port      serve /metrics only on this port (not through
                                                                the public proxy)
      --trusted-proxies L  CADRE_TRUSTED_PROXIES none           comma-separated IPs/CIDRs of reverse proxies
                                                                whose X-Forwarded-For names the client
      --public-url URL     CADRE_PUBLIC_URL      request's      the server's public address (https://host), used
                                                                for the identity providers' redirect URI
                           OIDC_PROVIDERS        none           comma-separated ids of OpenID Connect providers;
                                                                each needs OIDC_{ID}_ISSUER, _CLIENT_ID,
                                                                _CLIENT_SECRET, _NAME (_ALLOWED_DOMAINS optional)
                           CADRE_SMTP_HOST       none           the SMTP server mail goes out through; none
                                                                turns email off (see README for the others:
                                                                _PORT, _USERNAME, _PASSWORD, _STARTTLS,
                                                                CADRE_MAIL_FROM)
                           CADRE_JOB_CHECK_SECONDS 60           how often a server looks for reminders and
                                                                digests that are due
      --demo                                     off            seed the demo network
      --help                                                    print this and exit
      --version                                                 print the version and exit
    """;

  public static CadreConfig from(Map<String, String> env, List<String> args) {
    Map<String, String> flags = parseFlags(args);
    String port = pick(flags, "http-port", env, "CADRE_HTTP_PORT", "8080");
    String instances = pick(flags, "http-instances", env, "CADRE_HTTP_INSTANCES",
      String.valueOf(Runtime.getRuntime().availableProcessors()));
    return new CadreConfig(
      parseInt("http-port", port, 0, 65535),
      blankToNull(pick(flags, "database-url", env, "DATABASE_URL", null)),
      Path.of(pick(flags, "data-dir", env, "CADRE_DATA_DIR", "./cadre-data")),
      blankToNull(pick(flags, "admin-email", env, "CADRE_ADMIN_EMAIL", null)),
      blankToNull(pick(flags, "admin-password", env, "CADRE_ADMIN_PASSWORD", null)),
      flags.containsKey("demo"),
      parseInt("http-instances", instances, 1, 64),
      parseInt("db-port", pick(flags, "db-port", env, "CADRE_DB_PORT", "0"), 0, 65535),
      Boolean.parseBoolean(pick(flags, "admin-promote", env, "CADRE_ADMIN_PROMOTE", "false")),
      WebSecurity.parseOrigins(pick(flags, "allowed-origins", env, "CADRE_ALLOWED_ORIGINS", "")),
      parseInt("metrics-port", pick(flags, "metrics-port", env, "CADRE_METRICS_PORT", "-1"), -1, 65535),
      TrustedProxies.parse(pick(flags, "trusted-proxies", env, "CADRE_TRUSTED_PROXIES", "")),
      publicUrl(blankToNull(pick(flags, "public-url", env, "CADRE_PUBLIC_URL", null))),
      OidcProvider.fromEnv(env),
      MailSettings.fromEnv(env),
      Duration.ofSeconds(parseInt("CADRE_JOB_CHECK_SECONDS", env.getOrDefault("CADRE_JOB_CHECK_SECONDS", "60"), 1, 3600)));
  }

  /** Mail links point at this server, so sending mail needs its public address. */
  public CadreConfig {
    if (mail != null && publicUrl == null) {
      throw new IllegalArgumentException("CADRE_PUBLIC_URL must be set when CADRE_SMTP_HOST is: the links in emails point there");
    }
  }

  public CadreConfig withDatabaseUrl(String url) {
    return new CadreConfig(httpPort, url, dataDir, adminEmail, adminPassword, demo, httpInstances, dbPort, adminPromote, allowedOrigins,
      metricsPort, trustedProxies, publicUrl, oidcProviders, mail, jobCheck);
  }

  public CadreConfig withHttpPort(int port) {
    return new CadreConfig(port, databaseUrl, dataDir, adminEmail, adminPassword, demo, httpInstances, dbPort, adminPromote, allowedOrigins,
      metricsPort, trustedProxies, publicUrl, oidcProviders, mail, jobCheck);
  }

  public CadreConfig withDemo(boolean on) {
    return new CadreConfig(httpPort, databaseUrl, dataDir, adminEmail, adminPassword, on, httpInstances, dbPort, adminPromote, allowedOrigins,
      metricsPort, trustedProxies, publicUrl, oidcProviders, mail, jobCheck);
  }

  private static String publicUrl(String url) {
    if (url == null) {
      return null;
    }
    if (!url.matches("https?://[^/?#]+")) {
      throw new IllegalArgumentException("public-url must be a scheme and host without a path (https://cadre.district.org), got '" + url + "'");
    }
    return url;
  }

  static final List<String> KNOWN = List.of("http-port", "database-url", "data-dir", "admin-email",
    "admin-password", "demo", "http-instances", "db-port", "admin-promote", "allowed-origins", "metrics-port",
    "trusted-proxies", "public-url");

  /** Accepts {@code --name value}, {@code --name=value} and the bare switch {@code --demo}. */
  static Map<String, String> parseFlags(List<String> args) {
    Map<String, String> flags = new java.util.HashMap<>();
    List<String> rest = new ArrayList<>(args);
    for (int i = 0; i < rest.size(); i++) {
      String arg = rest.get(i);
      if (!arg.startsWith("--")) {
        throw new IllegalArgumentException("unexpected argument '" + arg + "'");
      }
      String name = arg.substring(2);
      String value;
      int eq = name.indexOf('=');
      if (eq >= 0) {
        value = name.substring(eq + 1);
        name = name.substring(0, eq);
      } else if (name.equals("demo") || name.equals("admin-promote")) {
        value = "true";
      } else if (i + 1 < rest.size()) {
        value = rest.get(++i);
      } else {
        throw new IllegalArgumentException("--" + name + " needs a value (see --help)");
      }
      if (!KNOWN.contains(name)) {
        throw new IllegalArgumentException("unknown option --" + name + " (see --help)");
      }
      flags.put(name, value);
    }
    return flags;
  }

  private static String pick(Map<String, String> flags, String flag, Map<String, String> env, String var, String dflt) {
    if (flags.containsKey(flag)) {
      return flags.get(flag);
    }
    String fromEnv = env.get(var);
    return fromEnv != null ? fromEnv : dflt;
  }

  private static int parseInt(String name, String value, int min, int max) {
    try {
      int n = Integer.parseInt(value.trim());
      if (n < min || n > max) {
        throw new IllegalArgumentException(name + " must be between " + min + " and " + max + ", got " + n);
      }
      return n;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a whole number, got '" + value + "'");
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}

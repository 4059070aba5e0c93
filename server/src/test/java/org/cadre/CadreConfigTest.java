package org.cadre;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CadreConfigTest {

  @Test
  void defaultsNeedNoSettings() {
    CadreConfig config = CadreConfig.from(Map.of(), List.of());
    assertEquals(8080, config.httpPort());
    assertNull(config.databaseUrl());
    assertEquals(Path.of("./cadre-data"), config.dataDir());
    assertFalse(config.demo());
    assertEquals(0, config.dbPort(), "the embedded database keeps the port it chose the first time");
  }

  @Test
  void theDatabasePortComesFromTheEnvironmentOrItsFlag() {
    assertEquals(5433, CadreConfig.from(Map.of("CADRE_DB_PORT", "5433"), List.of()).dbPort());
    assertEquals(5444, CadreConfig.from(Map.of("CADRE_DB_PORT", "5433"), List.of("--db-port=5444")).dbPort());
    assertTrue(assertThrows(IllegalArgumentException.class, () -> CadreConfig.from(Map.of(), List.of("--db-port", "x")))
      .getMessage().contains("db-port"));
  }

  @Test
  void helpNamesEveryOptionWithItsVariable() {
    for (String option : CadreConfig.KNOWN) {
      assertTrue(CadreConfig.USAGE.contains("--" + option + " "), "--help lists --" + option);
    }
    for (String variable : List.of("CADRE_HTTP_PORT", "DATABASE_URL", "CADRE_DATA_DIR", "CADRE_DB_PORT",
      "CADRE_ADMIN_EMAIL", "CADRE_ADMIN_PASSWORD", "CADRE_HTTP_INSTANCES")) {
      assertTrue(CadreConfig.USAGE.contains(variable), "--help names " + variable);
    }
  }

  @Test
  void theVersionIsTheMavenProjectVersion() throws Exception {
    assertTrue(Main.version().matches("\\d+\\.\\d+\\.\\d+.*"), Main.version());
  }

  @Test
  void flagsOverrideTheEnvironment() {
    Map<String, String> env = Map.of("CADRE_HTTP_PORT", "9000", "DATABASE_URL", "postgres://a:b@db:5432/cadre",
      "CADRE_DATA_DIR", "/var/cadre", "CADRE_ADMIN_EMAIL", "root@x.test", "CADRE_ADMIN_PASSWORD", "secret");
    CadreConfig fromEnv = CadreConfig.from(env, List.of());
    assertEquals(9000, fromEnv.httpPort());
    assertEquals("postgres://a:b@db:5432/cadre", fromEnv.databaseUrl());
    assertEquals("root@x.test", fromEnv.adminEmail());

    CadreConfig flagged = CadreConfig.from(env, List.of("--http-port", "9100", "--data-dir=/tmp/c", "--demo",
      "--admin-email", "other@x.test"));
    assertEquals(9100, flagged.httpPort());
    assertEquals(Path.of("/tmp/c"), flagged.dataDir());
    assertEquals("other@x.test", flagged.adminEmail());
    assertEquals("secret", flagged.adminPassword());
    assertTrue(flagged.demo());
  }

  @Test
  void metricsPortAndTrustedProxiesComeFromTheEnvironmentOrFlags() {
    CadreConfig defaults = CadreConfig.from(Map.of(), List.of());
    assertEquals(-1, defaults.metricsPort(), "by default /metrics is on the HTTP port");
    Map<String, String> env = Map.of("CADRE_METRICS_PORT", "9102", "CADRE_TRUSTED_PROXIES", "10.0.0.0/8");
    assertEquals(9102, CadreConfig.from(env, List.of()).metricsPort());
    assertEquals(9200, CadreConfig.from(env, List.of("--metrics-port=9200")).metricsPort());
    assertTrue(assertThrows(IllegalArgumentException.class,
      () -> CadreConfig.from(Map.of("CADRE_TRUSTED_PROXIES", "proxy.district.org"), List.of()))
      .getMessage().contains("proxy.district.org"));
    for (String variable : List.of("CADRE_METRICS_PORT", "CADRE_TRUSTED_PROXIES")) {
      assertTrue(CadreConfig.USAGE.contains(variable), "--help names " + variable);
    }
  }

  @Test
  void badSettingsSayWhatIsWrong() {
    assertTrue(assertThrows(IllegalArgumentException.class, () -> CadreConfig.from(Map.of("CADRE_HTTP_PORT", "http"), List.of()))
      .getMessage().contains("http-port"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> CadreConfig.from(Map.of(), List.of("--http-port", "70000")))
      .getMessage().contains("65535"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> CadreConfig.from(Map.of(), List.of("--colour", "blue")))
      .getMessage().contains("--colour"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> CadreConfig.from(Map.of(), List.of("--data-dir")))
      .getMessage().contains("needs a value"));
  }

  @Test
  void emailIsOffWithoutAnSmtpHostAndItsSettingsAreCheckedWhenOn() {
    assertNull(CadreConfig.from(Map.of(), List.of()).mail(), "no host: email is off");
    assertEquals(java.time.Duration.ofSeconds(60), CadreConfig.from(Map.of(), List.of()).jobCheck());
    Map<String, String> env = new java.util.HashMap<>(Map.of("CADRE_SMTP_HOST", "smtp.district.test",
      "CADRE_MAIL_FROM", "Cadre <cadre@district.test>", "CADRE_PUBLIC_URL", "https://cadre.district.test",
      "CADRE_SMTP_USERNAME", "cadre", "CADRE_SMTP_PASSWORD", "s3cret", "CADRE_JOB_CHECK_SECONDS", "15"));
    CadreConfig on = CadreConfig.from(env, List.of());
    assertEquals("smtp.district.test", on.mail().host());
    assertEquals(587, on.mail().port());
    assertEquals("required", on.mail().startTls(), "encryption is required unless said otherwise");
    assertEquals(java.time.Duration.ofSeconds(15), on.jobCheck());
    assertFalse(on.mail().toString().contains("s3cret"), "the password is never printed: " + on.mail());

    for (Map.Entry<String, String> bad : List.of(Map.entry("CADRE_SMTP_PORT", "smtp"), Map.entry("CADRE_SMTP_PORT", "0"),
        Map.entry("CADRE_SMTP_STARTTLS", "sometimes"), Map.entry("CADRE_MAIL_FROM", "not an address"),
        Map.entry("CADRE_JOB_CHECK_SECONDS", "0"))) {
      Map<String, String> wrong = new java.util.HashMap<>(env);
      wrong.put(bad.getKey(), bad.getValue());
      assertTrue(assertThrows(IllegalArgumentException.class, () -> CadreConfig.from(wrong, List.of()))
        .getMessage().contains(bad.getKey()), bad.toString());
    }
    Map<String, String> noPublicUrl = new java.util.HashMap<>(env);
    noPublicUrl.remove("CADRE_PUBLIC_URL");
    assertTrue(assertThrows(IllegalArgumentException.class, () -> CadreConfig.from(noPublicUrl, List.of()))
      .getMessage().contains("CADRE_PUBLIC_URL"), "links in mail need the public address");
  }
}

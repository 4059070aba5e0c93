package org.cadre.notify;

import io.vertx.ext.mail.MailConfig;
import io.vertx.ext.mail.StartTLSOptions;

import java.util.Map;

/**
 * The SMTP server mail goes out through, from {@code CADRE_SMTP_*} and {@code CADRE_MAIL_FROM}. Without
 * {@code CADRE_SMTP_HOST} there is none: email is off and the client says so.
 *
 * @param startTls {@code required} (the default: refuse a server that cannot encrypt), {@code optional} or {@code disabled}
 */
public record MailSettings(String host, int port, String username, String password, String startTls, String from) {

  static final int IMPLICIT_TLS_PORT = 465;

  public MailSettings {
    if (!java.util.List.of("required", "optional", "disabled").contains(startTls)) {
      throw new IllegalArgumentException("CADRE_SMTP_STARTTLS must be required, optional or disabled, got '" + startTls + "'");
    }
    if (from == null || !from.matches("[^@\\s<>]+@[^@\\s<>]+|[^<>]*<[^@\\s<>]+@[^@\\s<>]+>")) {
      throw new IllegalArgumentException("CADRE_MAIL_FROM must be an address (cadre@district.org or "
        + "Cadre <cadre@district.org>) when CADRE_SMTP_HOST is set, got '" + from + "'");
    }
  }

  /** Null when {@code CADRE_SMTP_HOST} is unset or blank. */
  public static MailSettings fromEnv(Map<String, String> env) {
    String host = blankToNull(env.get("CADRE_SMTP_HOST"));
    if (host == null) {
      return null;
    }
    String port = orDefault(env.get("CADRE_SMTP_PORT"), "587");
    int parsed;
    try {
      parsed = Integer.parseInt(port);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("CADRE_SMTP_PORT must be a whole number, got '" + port + "'");
    }
    if (parsed < 1 || parsed > 65535) {
      throw new IllegalArgumentException("CADRE_SMTP_PORT must be between 1 and 65535, got " + parsed);
    }
    return new MailSettings(host, parsed, blankToNull(env.get("CADRE_SMTP_USERNAME")),
      blankToNull(env.get("CADRE_SMTP_PASSWORD")), orDefault(env.get("CADRE_SMTP_STARTTLS"), "required"),
      blankToNull(env.get("CADRE_MAIL_FROM")));
  }

  /** Port 465 speaks TLS from the first byte (there is nothing to STARTTLS); any other port upgrades as configured. */
  MailConfig mailConfig() {
    boolean implicitTls = port == IMPLICIT_TLS_PORT;
    MailConfig config = new MailConfig().setHostname(host).setPort(port).setSsl(implicitTls)
      .setStarttls(implicitTls ? StartTLSOptions.DISABLED : StartTLSOptions.valueOf(startTls.toUpperCase(java.util.Locale.ROOT)))
      .setKeepAlive(true).setMaxPoolSize(4);
    if (username != null) {
      config.setUsername(username).setPassword(password);
    }
    return config;
  }

  /** Never prints the password. */
  @Override
  public String toString() {
    return "smtp://" + (username == null ? "" : username + "@") + host + ":" + port + " (STARTTLS " + startTls + ", from " + from + ")";
  }

  /** A variable set but blank (as a compose file passes an unset one) takes the default. */
  private static String orDefault(String s, String dflt) {
    return s == null || s.isBlank() ? dflt : s.trim();
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}

package org.cadre.account;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One OpenID Connect provider from the environment: {@code OIDC_PROVIDERS=google,microsoft}, then for each id
 * {@code OIDC_GOOGLE_ISSUER}, {@code _CLIENT_ID}, {@code _CLIENT_SECRET}, {@code _NAME} (shown on the button) and
 * the optional {@code _ALLOWED_DOMAINS} (comma-separated; empty admits every verified email).
 */
public record OidcProvider(String id, String name, String issuer, String clientId, String clientSecret,
                           List<String> allowedDomains) {

  private static final Pattern ID = Pattern.compile("[a-z][a-z0-9]{0,31}");

  /** The configured providers, in the order listed; a missing or malformed setting fails start-up naming it. */
  public static List<OidcProvider> fromEnv(Map<String, String> env) {
    String list = env.getOrDefault("OIDC_PROVIDERS", "").trim();
    List<OidcProvider> out = new ArrayList<>();
    if (list.isEmpty()) {
      return out;
    }
    for (String raw : list.split(",")) {
      String id = raw.trim().toLowerCase(Locale.ROOT);
      if (!ID.matcher(id).matches()) {
        throw new IllegalArgumentException("OIDC_PROVIDERS: '" + raw.trim()
          + "' is not a provider id (a letter, then letters or digits, up to 32)");
      }
      if (out.stream().anyMatch(p -> p.id().equals(id))) {
        throw new IllegalArgumentException("OIDC_PROVIDERS names '" + id + "' twice");
      }
      String prefix = "OIDC_" + id.toUpperCase(Locale.ROOT) + "_";
      String issuer = required(env, prefix + "ISSUER");
      URI uri = URI.create(issuer);
      if (!"https".equals(uri.getScheme()) && !"localhost".equals(uri.getHost()) && !"127.0.0.1".equals(uri.getHost())) {
        throw new IllegalArgumentException(prefix + "ISSUER must be an https URL, got '" + issuer + "'");
      }
      List<String> domains = new ArrayList<>();
      for (String d : env.getOrDefault(prefix + "ALLOWED_DOMAINS", "").split(",")) {
        if (!d.isBlank()) {
          domains.add(d.trim().toLowerCase(Locale.ROOT));
        }
      }
      out.add(new OidcProvider(id, required(env, prefix + "NAME"), issuer, required(env, prefix + "CLIENT_ID"),
        required(env, prefix + "CLIENT_SECRET"), List.copyOf(domains)));
    }
    return List.copyOf(out);
  }

  private static String required(Map<String, String> env, String var) {
    String value = env.get(var);
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(var + " is required when OIDC_PROVIDERS lists that provider");
    }
    return value.trim();
  }

  /** Whether this provider admits the (verified) email. */
  public boolean admits(String email) {
    String domain = email.substring(email.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
    return allowedDomains.isEmpty() || allowedDomains.contains(domain);
  }
}

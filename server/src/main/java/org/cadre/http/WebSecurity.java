package org.cadre.http;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.net.HostAndPort;
import io.vertx.ext.web.RoutingContext;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What keeps other sites out: state-changing API calls must be JSON (a form or {@code text/plain} body is what a
 * foreign page can send without CORS) from the server's own origin, the event bus refuses foreign origins, and
 * every response carries a Content-Security-Policy and the other protective headers.
 */
public final class WebSecurity implements Handler<RoutingContext> {

  private static final Pattern SCRIPT = Pattern.compile("<script\\b([^>]*)>(.*?)</script\\s*>",
    Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
  private static final Pattern SRC = Pattern.compile("\\bsrc\\s*=", Pattern.CASE_INSENSITIVE);
  private static final int ORIGINS_KEPT = 1_000;
  private static final Set<HttpMethod> STATE_CHANGING = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH,
    HttpMethod.DELETE);

  private final Set<String> allowedOrigins;
  /**
   * Claimed origins as {@link #normalize} reads them ("" for what is no origin): a server sees few, and parsing one
   * per request was about 2% of its CPU under load.
   */
  private final Cache<String, String> origins = Caffeine.newBuilder().maximumSize(ORIGINS_KEPT).build();
  private final String contentSecurityPolicy;

  /** @param indexHtml the web client's page, whose inline scripts (the import map) are the only ones allowed to run */
  public WebSecurity(String indexHtml, List<String> allowedOrigins) {
    this.allowedOrigins = Set.copyOf(allowedOrigins);
    StringBuilder scripts = new StringBuilder("'self'");
    inlineScriptHashes(indexHtml).forEach(hash -> scripts.append(" '").append(hash).append('\''));
    this.contentSecurityPolicy = "default-src 'self'; script-src " + scripts + "; style-src 'self'; img-src 'self' data:; "
      + "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
  }

  /** With the web client's {@code webroot/index.html} from the classpath (none: no inline script may run). */
  public static WebSecurity forWebClient(List<String> allowedOrigins) {
    try (InputStream in = WebSecurity.class.getClassLoader().getResourceAsStream("webroot/index.html")) {
      String html = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return new WebSecurity(html, allowedOrigins);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code sha256-...} of the text of every inline {@code <script>} in the page, in order. */
  static List<String> inlineScriptHashes(String html) {
    List<String> hashes = new ArrayList<>();
    Matcher m = SCRIPT.matcher(html);
    while (m.find()) {
      if (!SRC.matcher(m.group(1)).find()) {
        hashes.add("sha256-" + Base64.getEncoder().encodeToString(sha256(m.group(2).getBytes(StandardCharsets.UTF_8))));
      }
    }
    return hashes;
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Parses a comma-separated list of origins such as {@code https://cadre.district.org}, for deployments whose
   * browsers see another host than the server does (a reverse proxy).
   */
  public static List<String> parseOrigins(String commaSeparated) {
    Set<String> out = new LinkedHashSet<>();
    for (String part : commaSeparated == null ? new String[0] : commaSeparated.split(",")) {
      if (part.isBlank()) {
        continue;
      }
      String origin = normalize(part.strip());
      if (origin == null) {
        throw new IllegalArgumentException("allowed-origins: '" + part.strip()
          + "' is not an origin such as https://cadre.district.org (scheme and host, no path)");
      }
      out.add(origin);
    }
    return List.copyOf(out);
  }

  /** {@code scheme://host[:port]} in lower case without a default port, or null when the text is not an origin. */
  private static String normalize(String text) {
    try {
      URI uri = new URI(text);
      String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!("http".equals(scheme) || "https".equals(scheme)) || uri.getHost() == null || uri.getUserInfo() != null
        || uri.getQuery() != null || uri.getFragment() != null || !(uri.getRawPath() == null || uri.getRawPath().isEmpty())) {
        return null;
      }
      return origin(scheme, uri.getHost(), uri.getPort());
    } catch (java.net.URISyntaxException e) {
      return null;
    }
  }

  private static String origin(String scheme, String host, int port) {
    boolean defaultPort = port < 0 || ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443);
    return scheme + "://" + host.toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
  }

  public String contentSecurityPolicy() {
    return contentSecurityPolicy;
  }

  /** Put on every response, before anything else answers (static files, errors and the event bus included). */
  public void addHeaders(HttpServerResponse response) {
    response.headers()
      .set("Content-Security-Policy", contentSecurityPolicy)
      .set("X-Content-Type-Options", "nosniff")
      .set("Referrer-Policy", "same-origin")
      .set("X-Frame-Options", "DENY");
  }

  @Override
  public void handle(RoutingContext ctx) {
    HttpServerRequest request = ctx.request();
    String path = request.path();
    boolean bus = path.startsWith("/eventbus");
    boolean api = path.startsWith("/api/");
    boolean apiChange = api && STATE_CHANGING.contains(request.method());
    if (!queryDecodes(request)) {
      ctx.fail(ApiException.invalid(null, ErrorMessage.QUERY_MALFORMED));
    } else if ((bus || apiChange) && !fromAllowedOrigin(request)) {
      ctx.fail(new ApiException(403, "forbidden_origin", null, ErrorMessage.FOREIGN_ORIGIN));
    } else if (api && hasBody(request) && !isJson(request.getHeader("Content-Type"))) {
      // Any method: the body handler would otherwise try to decode a form or multipart body, even on a GET.
      ctx.fail(new ApiException(415, "unsupported_media_type", null, ErrorMessage.BODY_NOT_JSON_TYPE));
    } else {
      ctx.next();
    }
  }

  /** An Origin (or, without one, a Referer) names this server or an allowed origin; requests with neither pass. */
  private boolean fromAllowedOrigin(HttpServerRequest request) {
    String claimed = request.getHeader("Origin");
    if (claimed == null) {
      String referer = request.getHeader("Referer");
      if (referer == null) {
        return true;
      }
      try {
        URI uri = new URI(referer);
        claimed = uri.getScheme() + "://" + uri.getRawAuthority();
      } catch (java.net.URISyntaxException e) {
        return false;
      }
    }
    String origin = origins.get(claimed, text -> Objects.requireNonNullElse(normalize(text), ""));
    return !origin.isEmpty() && (origin.equals(ownOrigin(request)) || allowedOrigins.contains(origin));
  }

  private static String ownOrigin(HttpServerRequest request) {
    HostAndPort authority = request.authority();
    return authority == null ? null : origin(request.isSSL() ? "https" : "http", authority.host(), authority.port());
  }

  private static boolean hasBody(HttpServerRequest request) {
    String length = request.getHeader("Content-Length");
    return request.getHeader("Transfer-Encoding") != null || (length != null && !length.strip().equals("0"));
  }

  private static boolean isJson(String contentType) {
    if (contentType == null) {
      return false;
    }
    int semicolon = contentType.indexOf(';');
    return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip().equalsIgnoreCase("application/json");
  }

  /**
   * Checked first: a body handler decoding a form body merges the query into the parameters, and a bad %-escape
   * there would throw outside any handler and leave the request unanswered.
   */
  private static boolean queryDecodes(HttpServerRequest request) {
    try {
      request.params();
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}

package org.cadre.account;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.oauth2.OAuth2Auth;
import io.vertx.ext.auth.oauth2.OAuth2AuthorizationURL;
import io.vertx.ext.auth.oauth2.OAuth2FlowType;
import io.vertx.ext.auth.oauth2.OAuth2Options;
import io.vertx.ext.auth.oauth2.Oauth2Credentials;
import io.vertx.ext.auth.oauth2.providers.OpenIDConnectAuth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sign-in through OpenID Connect providers: the authorization code flow with PKCE (S256), a single-use {@code state}
 * kept in the database and a {@code nonce}. Vert.x verifies the ID token's signature against the provider's JWKS,
 * its issuer, audience and expiry; the nonce and a verified email are checked here.
 */
public final class OidcSignIn {

  private static final Logger LOG = Logger.getLogger(OidcSignIn.class.getName());
  /** How long a started sign-in may take at the provider. */
  static final Duration STATE_LIFETIME = Duration.ofMinutes(10);

  /** Why a sign-in was refused: the code the sign-in page shows a message for. */
  public static final class Refusal extends RuntimeException {
    private final String code;

    Refusal(String code, String detail) {
      super(detail, null, false, false);
      this.code = code;
    }

    public String code() {
      return code;
    }
  }

  private record Configured(OidcProvider provider, OAuth2Auth auth) {
  }

  private final Map<String, Configured> providers;
  private final AccountRepository repo;

  private OidcSignIn(Map<String, Configured> providers, AccountRepository repo) {
    this.providers = providers;
    this.repo = repo;
  }

  /** Fetches each provider's discovery document (and its keys); a provider that cannot be discovered fails start-up. */
  public static Future<OidcSignIn> discover(Vertx vertx, List<OidcProvider> configured, AccountRepository repo) {
    Map<String, Configured> found = new LinkedHashMap<>();
    Future<Void> chain = Future.succeededFuture();
    for (OidcProvider p : configured) {
      chain = chain.compose(v -> OpenIDConnectAuth.discover(vertx, new OAuth2Options()
            .setSite(p.issuer()).setClientId(p.clientId()).setClientSecret(p.clientSecret()))
          .recover(err -> Future.failedFuture(new IllegalStateException(
            "OIDC provider '" + p.id() + "': could not read " + p.issuer() + "/.well-known/openid-configuration: " + err.getMessage(), err)))
        .map(auth -> {
          LOG.info("Sign-in with " + p.name() + " (" + p.issuer() + ")");
          found.put(p.id(), new Configured(p, auth));
          return null;
        }));
    }
    return chain.map(v -> new OidcSignIn(Map.copyOf(found), repo));
  }

  /** {@code [{id, name}]} in the configured order, for the sign-in page. */
  public JsonArray list(List<OidcProvider> order) {
    JsonArray out = new JsonArray();
    order.stream().filter(p -> providers.containsKey(p.id()))
      .forEach(p -> out.add(new JsonObject().put("id", p.id()).put("name", p.name())));
    return out;
  }

  public boolean has(String providerId) {
    return providers.containsKey(providerId);
  }

  /** Stores a new sign-in and answers the provider's authorization URL to send the browser to. */
  public Future<String> start(String providerId, String next, String redirectUri) {
    Configured c = providers.get(providerId);
    String state = Tokens.generate("");
    String nonce = Tokens.generate("");
    String verifier = Tokens.generate("");
    return repo.saveOidcState(Tokens.digest(state), new AccountRepository.OidcState(providerId, nonce, verifier, next), STATE_LIFETIME)
      .map(v -> c.auth().authorizeURL(new OAuth2AuthorizationURL()
        .setRedirectUri(redirectUri)
        .setScopes(List.of("openid", "email", "profile"))
        .setState(state)
        .setCodeChallenge(challenge(verifier))
        .setCodeChallengeMethod("S256")
        .putAdditionalParameter("nonce", nonce)));
  }

  /** The path to go to once signed in. */
  public record Result(Accounts.Session session, String next) {
  }

  /**
   * Redeems the state (once), exchanges the code, checks the ID token and signs the user in, linking or creating
   * the account by verified email. Fails with a {@link Refusal}.
   */
  public Future<Result> callback(String providerId, String state, String code, String redirectUri) {
    Configured c = providers.get(providerId);
    return repo.takeOidcState(Tokens.digest(state)).compose(saved -> {
      if (saved == null || !saved.provider().equals(providerId)) {
        return Future.failedFuture(new Refusal("oidc_state", "unknown, used or expired state"));
      }
      return c.auth().authenticate(new Oauth2Credentials().setFlow(OAuth2FlowType.AUTH_CODE)
            .setCode(code).setRedirectUri(redirectUri).setCodeVerifier(saved.codeVerifier()))
        .recover(err -> {
          LOG.log(Level.INFO, "OIDC provider '" + providerId + "' refused the code or its ID token", err);
          return Future.failedFuture(new Refusal("oidc_failed", err.getMessage()));
        })
        .compose(user -> {
          JsonObject claims = user.attributes().getJsonObject("idToken");
          if (claims == null || !saved.nonce().equals(claims.getString("nonce"))) {
            return Future.failedFuture(new Refusal("oidc_failed", "no ID token, or its nonce does not match"));
          }
          String email = claims.getString("email");
          if (email == null || !Boolean.TRUE.equals(verified(claims.getValue("email_verified")))) {
            return Future.failedFuture(new Refusal("oidc_unverified", "the provider did not verify the email"));
          }
          email = email.toLowerCase(Locale.ROOT);
          if (!c.provider().admits(email)) {
            return Future.failedFuture(new Refusal("oidc_domain", email + " is outside the allowed domains"));
          }
          String name = claims.getString("name");
          String token = Tokens.generate("");
          return repo.signInWithIdentity(providerId, claims.getString("sub"), email,
              name == null || name.isBlank() ? email.substring(0, email.indexOf('@')) : name,
              Tokens.digest(token), Accounts.SESSION_LIFETIME)
            .map(principal -> new Result(new Accounts.Session(principal, token), saved.next()));
        });
    });
  }

  /** Some providers send {@code email_verified} as the string "true". */
  private static Boolean verified(Object value) {
    return value instanceof Boolean b ? b : value instanceof String s ? Boolean.valueOf(s) : Boolean.FALSE;
  }

  private static String challenge(String verifier) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}

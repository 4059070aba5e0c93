package org.cadre.account;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.cadre.history.HistoryBuilder;
import org.cadre.history.HistoryJson;
import org.cadre.history.TeamHistory;
import org.cadre.space.Role;
import org.cadre.test.SpaceTree;
import org.cadre.test.TestDatabases;
import org.cadre.test.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Sign-in against a real OpenID Connect provider (mock-oauth2-server), following every redirect by hand. */
@ExtendWith(VertxExtension.class)
public class OidcSignInTest {

  static final String CLIENT_ID = "cadre-client";
  private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  private static MockOAuth2Server provider;
  private static TestServer server;

  /** The providers a test server is configured with, parsed from the environment variables a district would set. */
  public static List<OidcProvider> configure(MockOAuth2Server provider) {
    return OidcProvider.fromEnv(Map.of(
      "OIDC_PROVIDERS", "school",
      "OIDC_SCHOOL_ISSUER", provider.issuerUrl("school").toString(),
      "OIDC_SCHOOL_CLIENT_ID", CLIENT_ID,
      "OIDC_SCHOOL_CLIENT_SECRET", "cadre-secret",
      "OIDC_SCHOOL_NAME", "School Account",
      "OIDC_SCHOOL_ALLOWED_DOMAINS", "school.test, district.example"));
  }

  /** What the provider's next ID token says. */
  public static void nextLogin(MockOAuth2Server provider, String subject, String email, boolean verified, String name) {
    provider.enqueueCallback(new DefaultOAuth2TokenCallback("school", subject, "JWT", List.of(CLIENT_ID),
      Map.of("email", email, "email_verified", verified, "name", name), 3600));
  }

  @BeforeAll
  static void start(Vertx vertx) {
    provider = new MockOAuth2Server();
    provider.start();
    server = TestServer.withOidc(vertx, TestDatabases.fresh(), configure(provider));
  }

  @AfterAll
  static void stop() {
    server.close();
    provider.shutdown();
  }

  private static HttpResponse<String> get(String url, String cookie) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
    if (cookie != null) {
      request.header("Cookie", cookie);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String base() {
    return "http://localhost:" + server.port();
  }

  private static String location(HttpResponse<String> response) {
    assertEquals(302, response.statusCode(), response.body());
    return response.headers().firstValue("Location").orElseThrow();
  }

  /** Starts a sign-in and lets the provider log the user in: answers the callback URL it sends the browser to. */
  private static String callbackUrl(String next) throws Exception {
    String authorize = location(get(base() + "/api/auth/oidc/school/start?next=" + next, null));
    assertTrue(authorize.startsWith(provider.issuerUrl("school").toString()), authorize);
    assertTrue(authorize.contains("code_challenge_method=S256") && authorize.contains("nonce="), authorize);
    String callback = location(get(authorize, null));
    assertTrue(callback.startsWith(base() + "/api/auth/oidc/school/callback?"), callback);
    return callback;
  }

  private static String sessionCookie(HttpResponse<String> response) {
    return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("cadre_session="))
      .map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElse(null);
  }

  private static JsonObject me(String cookie) throws Exception {
    HttpResponse<String> me = get(base() + "/api/me", cookie);
    assertEquals(200, me.statusCode(), me.body());
    return new JsonObject(me.body());
  }

  @Test
  void theProvidersAreListedForTheSignInPage() throws Exception {
    HttpResponse<String> listed = get(base() + "/api/auth/providers", null);
    assertEquals(new JsonObject().put("providers", List.of(Map.of("id", "school", "name", "School Account"))),
      new JsonObject(listed.body()));
    assertEquals(404, get(base() + "/api/auth/oidc/nobody/start", null).statusCode());
  }

  @Test
  void signingInCreatesTheUserWithAVerifiedEmailAndASessionThenGoesToNext() throws Exception {
    nextLogin(provider, "sub-new-1", "Nora@School.test", true, "Nora Ruiz");
    HttpResponse<String> back = get(callbackUrl("/spaces/abc"), null);
    assertEquals("/spaces/abc", location(back));
    String cookie = sessionCookie(back);
    assertNotNull(cookie);
    JsonObject me = me(cookie);
    assertEquals("nora@school.test", me.getString("email"));
    assertEquals("Nora Ruiz", me.getString("name"));

    // Later sign-ins match by subject, even if the provider now reports another address.
    nextLogin(provider, "sub-new-1", "nora.ruiz@school.test", true, "Nora Ruiz");
    assertEquals(me.getString("id"), me(sessionCookie(get(callbackUrl("/"), null))).getString("id"));
  }

  @Test
  void theFirstSignInLinksAnExistingPasswordAccountWithThatEmail() throws Exception {
    String registered = server.register("paula@school.test", "Paula").userId();
    nextLogin(provider, "sub-paula", "PAULA@school.test", true, "Paula P.");
    HttpResponse<String> back = get(callbackUrl("/"), null);
    assertEquals("/", location(back));
    JsonObject me = me(sessionCookie(back));
    assertEquals(registered, me.getString("id"));
    assertEquals("Paula", me.getString("name"), "linking keeps the account's own name");
  }

  @Test
  void aProvedEmailClaimsTheMembershipsAnImportGaveItWithoutALead() throws Exception {
    SpaceTree tree = SpaceTree.build(server, "oidc");
    TeamHistory history = HistoryBuilder.team().member("ines", Role.MEMBER).members(2).build();
    String team = tree.lead.expect(201, "POST", "/api/spaces/" + tree.site + "/import", HistoryJson.write(history)).getString("spaceId");
    nextLogin(provider, "sub-ines", HistoryBuilder.email("ines"), true, "Inés");
    String cookie = sessionCookie(get(callbackUrl("/"), null));
    HttpResponse<String> board = get(base() + "/api/spaces/" + team + "/board", cookie);
    assertEquals(200, board.statusCode(), "the provider proved the email, so the imported membership holds: " + board.body());
    JsonObject event = tree.lead.expect(200, "GET", "/api/spaces/" + team + "/events?after=0", null);
    assertTrue(event.encode().contains("member.confirmed"), event.encode());
  }

  @Test
  void anEmailOutsideTheAllowedDomainsIsRefused() throws Exception {
    nextLogin(provider, "sub-outsider", "olga@elsewhere.test", true, "Olga");
    HttpResponse<String> back = get(callbackUrl("/"), null);
    assertEquals("/sign-in?error=oidc_domain", location(back));
    assertEquals(null, sessionCookie(back));
  }

  @Test
  void anUnverifiedEmailIsRefused() throws Exception {
    nextLogin(provider, "sub-unverified", "ursula@school.test", false, "Ursula");
    assertEquals("/sign-in?error=oidc_unverified", location(get(callbackUrl("/"), null)));
    assertEquals(401, server.anonymous().call("POST", "/api/auth/login",
      new JsonObject().put("email", "ursula@school.test").put("password", "whatever-it-is")).status());
  }

  @Test
  void aTamperedStateIsRefused() throws Exception {
    nextLogin(provider, "sub-tamper", "tomas@school.test", true, "Tomás");
    String callback = callbackUrl("/");
    String tampered = callback.replaceFirst("state=([^&]{4})", "state=AAAA");
    assertTrue(!tampered.equals(callback), callback);
    HttpResponse<String> back = get(tampered, null);
    assertEquals("/sign-in?error=oidc_state", location(back));
    assertEquals(null, sessionCookie(back));
    // The provider's queued login is used by the genuine callback, which a forged one did not spend.
    assertEquals("tomas@school.test", me(sessionCookie(get(callback, null))).getString("email"));
  }

  @Test
  void aStateIsRedeemedOnlyOnce() throws Exception {
    nextLogin(provider, "sub-replay", "rita@school.test", true, "Rita");
    String callback = callbackUrl("/");
    assertNotNull(sessionCookie(get(callback, null)));
    HttpResponse<String> replayed = get(callback, null);
    assertEquals("/sign-in?error=oidc_state", location(replayed));
    assertEquals(null, sessionCookie(replayed));
  }

  @Test
  void nextMustBeAPathOnThisSite() throws Exception {
    nextLogin(provider, "sub-next", "nico@school.test", true, "Nico");
    assertEquals("/", location(get(callbackUrl("//evil.test/x"), null)));
  }

  @Test
  void aMisconfiguredProviderNamesTheMissingVariable() {
    IllegalArgumentException missing = assertThrows(IllegalArgumentException.class, () -> OidcProvider.fromEnv(Map.of(
      "OIDC_PROVIDERS", "google", "OIDC_GOOGLE_ISSUER", "https://accounts.google.com", "OIDC_GOOGLE_NAME", "Google")));
    assertEquals("OIDC_GOOGLE_CLIENT_ID is required when OIDC_PROVIDERS lists that provider", missing.getMessage());
    assertThrows(IllegalArgumentException.class, () -> OidcProvider.fromEnv(Map.of("OIDC_PROVIDERS", "bad id")));
  }
}

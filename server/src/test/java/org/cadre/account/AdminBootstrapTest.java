package org.cadre.account;

import org.cadre.http.TrustedProxies;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.cadre.Cadre;
import org.cadre.CadreConfig;
import org.cadre.test.ApiClient;
import org.cadre.test.TestDatabases;
import org.cadre.test.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.nio.file.Files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The configured administrator (CADRE_ADMIN_EMAIL) never takes over an account someone registered. */
@ExtendWith(VertxExtension.class)
class AdminBootstrapTest {

  private static final String EMAIL = "boss@school.test";
  private static final String OWN_PASSWORD = "password-" + EMAIL;
  private static final String CONFIGURED_PASSWORD = "configured-password-1";

  private static void startWithAdmin(Vertx vertx, String url, boolean promote) throws Exception {
    CadreConfig config = new CadreConfig(0, url, Files.createTempDirectory("cadre-admin"), EMAIL, CONFIGURED_PASSWORD,
      false, 1, 0, promote, List.of(), -1, TrustedProxies.none(), null, List.of(), null, java.time.Duration.ofSeconds(60));
    Cadre.start(vertx, config).await().stop().await();
  }

  private static int login(TestServer server, String password) {
    return server.anonymous().call("POST", "/api/auth/login", new JsonObject().put("email", EMAIL).put("password", password)).status();
  }

  @Test
  void anExistingAccountIsPromotedOnlyWhenAskedAndKeepsItsPassword(Vertx vertx) throws Exception {
    String url = TestDatabases.fresh();
    TestServer server = TestServer.start(vertx, url);
    try {
      ApiClient registrant = server.register(EMAIL, "Registrant");

      startWithAdmin(vertx, url, false);
      assertFalse(registrant.expect(200, "GET", "/api/me", null).getBoolean("admin"), "the server starts, but the registrant is not made an administrator");
      assertEquals(401, login(server, CONFIGURED_PASSWORD), "the configured password does not replace the registrant's");

      startWithAdmin(vertx, url, true);
      assertTrue(registrant.expect(200, "GET", "/api/me", null).getBoolean("admin"), "--admin-promote promotes the existing account");
      assertEquals(401, login(server, CONFIGURED_PASSWORD));
      assertEquals(200, login(server, OWN_PASSWORD), "promotion keeps the account's own password");
    } finally {
      server.close();
    }
  }

  @Test
  void theAdminFlagsAreReadFromTheEnvironmentAndTheCommandLine() {
    assertTrue(CadreConfig.from(java.util.Map.of("CADRE_ADMIN_PROMOTE", "true"), java.util.List.of()).adminPromote());
    assertTrue(CadreConfig.from(java.util.Map.of(), java.util.List.of("--admin-promote")).adminPromote());
    assertFalse(CadreConfig.from(java.util.Map.of(), java.util.List.of()).adminPromote());
  }
}

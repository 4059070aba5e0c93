package org.cadre.http;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.cadre.test.ApiClient;
import org.cadre.test.BusClient;
import org.cadre.test.TestDatabases;
import org.cadre.test.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Error messages in the caller's language: REST by ?lang= or Accept-Language, the bus by the user's saved one. */
@ExtendWith(VertxExtension.class)
class SpanishErrorsTest {

  private static TestServer server;

  @BeforeAll
  static void start(Vertx vertx) {
    server = TestServer.start(vertx, TestDatabases.fresh());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static JsonObject refusedRegistration(String header, String value, String query) {
    var response = server.anonymous().vertxRequest("POST", "/api/auth/register" + query,
      new JsonObject().put("password", "a long password").put("name", "Sin correo"), header, value);
    assertEquals(400, response.statusCode());
    return response.bodyAsJsonObject().getJsonObject("error");
  }

  @Test
  void aBadRequestIsAnsweredInSpanishForAcceptLanguageEsWithTheSameCodeAndField() {
    JsonObject spanish = refusedRegistration("Accept-Language", "es-MX,es;q=0.9,en;q=0.5", "");
    assertEquals("'email' es obligatorio.", spanish.getString("message"));
    assertEquals("invalid", spanish.getString("code"));
    assertEquals("email", spanish.getString("field"));

    JsonObject english = refusedRegistration("Accept-Language", "fr-CA,en;q=0.5", "");
    assertEquals("'email' is required.", english.getString("message"));
    assertEquals("email", english.getString("field"));

    assertEquals("'email' es obligatorio.", refusedRegistration("Accept-Language", "en-US", "?lang=es").getString("message"));
  }

  @Test
  void errorsTheRouterItselfAnswersFollowTheLanguageToo() {
    var notFound = server.anonymous().vertxRequest("GET", "/api/nothing-here", null, "Accept-Language", "es");
    assertEquals(404, notFound.statusCode());
    assertEquals("No se encontró ese recurso.", notFound.bodyAsJsonObject().getJsonObject("error").getString("message"));
  }

  @Test
  void busErrorsUseTheLanguageTheUserSaved(Vertx vertx) {
    ApiClient rosa = server.register("rosa.bus@school.test", "Rosa");
    rosa.expect(200, "PATCH", "/api/me", new JsonObject().put("language", "es"));
    String network = server.admin().expect(201, "POST", "/api/spaces",
      new JsonObject().put("name", "Red de prueba").put("kind", "network")).getString("id");
    server.admin().expect(201, "POST", "/api/spaces/" + network + "/members",
      new JsonObject().put("email", "rosa.bus@school.test").put("role", "member"));
    try (BusClient bus = BusClient.connect(vertx, server.port(), rosa)) {
      // Refused by the bridge guard, before any handler.
      JsonObject unknown = error(bus.request(new JsonObject().put("type", "no.such").put("spaceId", network)));
      assertEquals("Tipo de comando desconocido: 'no.such'.", unknown.getString("message"));
      assertEquals("type", unknown.getString("field"));
      // Refused by the command's handler.
      JsonObject blank = error(bus.request(new JsonObject().put("type", "norm.create").put("spaceId", network).put("text", " ")));
      assertEquals("'text' no debe estar en blanco.", blank.getString("message"));
      assertEquals("text", blank.getString("field"));
    }
  }

  private static JsonObject error(JsonObject frame) {
    assertEquals("err", frame.getString("type"), frame.encode());
    return new JsonObject(frame.getString("message"));
  }
}

package org.cadre.http;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.cadre.test.ApiClient;
import org.cadre.test.BusClient;
import org.cadre.test.TeamFixture;
import org.cadre.test.TestDatabases;
import org.cadre.test.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A field nobody reads is refused, naming it, before anything is stored: over the bus, over REST, nested too. */
@ExtendWith(VertxExtension.class)
class UnknownFieldsTest {

  private static TestServer server;
  private static String network;
  private static TeamFixture team;
  private static String meeting;

  @BeforeAll
  static void start(Vertx vertx) {
    server = TestServer.start(vertx, TestDatabases.fresh());
    network = server.admin().expect(201, "POST", "/api/spaces", new JsonObject().put("name", "Fields network").put("kind", "network"))
      .getString("id");
    team = TeamFixture.create(server, network, "fields");
    meeting = team.run(team.lead, "POST", "/meetings", new JsonObject().put("title", "Team time")
        .put("startsAt", Instant.now().plus(1, ChronoUnit.DAYS).toString()))
      .getJsonObject("payload").getJsonArray("meetings").getJsonObject(0).getString("id");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static JsonObject refused(ApiClient as, String method, String path, JsonObject body, String field) {
    ApiClient.Response response = as.call(method, path, body);
    assertEquals(400, response.status(), response.json().encode());
    JsonObject error = response.error();
    assertEquals("invalid", error.getString("code"));
    assertEquals(field, error.getString("field"), error.encode());
    return error;
  }

  @Test
  void feedbackSentWithTextIsRefusedNamingTheFieldAndNothingIsStored() {
    JsonObject error = refused(team.member, "POST", team.path("/meetings/" + meeting + "/feedback"),
      new JsonObject().put("kind", "plus").put("text", "Great protocol"), "text");
    assertTrue(error.getString("message").startsWith("'text' is not a field of feedback.record; known: "), error.encode());
    assertTrue(error.getString("message").contains("note"), error.encode());
    JsonObject read = team.member.expect(200, "GET", team.path("/meetings/" + meeting), null);
    assertEquals(0, read.getJsonArray("feedback").size());
  }

  @Test
  void aBusCommandWithAnUnknownFieldIsRefusedButTheEnvelopeAndCommandIdAreKnown() {
    try (BusClient bus = BusClient.connect(server.vertx(), server.port(), team.member)) {
      JsonObject reply = bus.request(new JsonObject().put("type", "norm.create").put("spaceId", team.id)
        .put("text", "We start on time").put("colour", "blue"));
      assertEquals("err", reply.getString("type"), reply.encode());
      JsonObject error = new JsonObject(reply.getString("message"));
      assertEquals("colour", error.getString("field"));
      assertTrue(error.getString("message").contains("norm.create"), error.encode());

      JsonObject ok = bus.ok(new JsonObject().put("type", "norm.create").put("spaceId", team.id)
        .put("commandId", "c-1").put("text", "We start on time"));
      assertEquals("norm.created", ok.getString("type"));
    }
    assertEquals(1, TestDatabases.count(server.databaseUrl(), "select count(*) from norms where text = 'We start on time'"));
  }

  @Test
  void nestedObjectsAreCheckedToo() {
    JsonObject repeat = new JsonObject().put("title", "Series").put("startsAt", Instant.now().plus(2, ChronoUnit.DAYS).toString())
      .put("repeat", new JsonObject().put("frequency", "weekly").put("count", 3).put("until", "2026-12-31"));
    JsonObject error = refused(team.lead, "POST", team.path("/meetings"), repeat, "repeat.until");
    assertTrue(error.getString("message").contains("known in 'repeat': frequency, interval, count"), error.encode());

    refused(team.lead, "PATCH", team.path("/settings"),
      new JsonObject().put("leaderSelection", new JsonObject().put("method", "rotation").put("who", "Ana")), "leaderSelection.who");

    String norm = team.run(team.member, "POST", "/norms", new JsonObject().put("text", "Phones away"))
      .getJsonObject("payload").getString("id");
    refused(team.member, "PATCH", team.path("/norms/" + norm),
      new JsonObject().put("text", "Phones away, please").put("base", new JsonObject().put("txt", "Phones away")), "base.txt");

    String item = team.run(team.lead, "POST", "/meetings/" + meeting + "/agenda", new JsonObject().put("title", "Data"))
      .getJsonObject("payload").getString("id");
    refused(team.lead, "PATCH", team.path("/agenda-items/" + item), new JsonObject().put("dataArtifacts",
      new JsonArray().add(new JsonObject().put("type", "chart").put("title", "Reading").put("url", "http://x"))), "dataArtifacts[0].url");
  }

  @Test
  void aCorrectionsReasonIsAKnownFieldAndAnUnknownOneIsNot() {
    refused(team.lead, "PUT", team.path("/meetings/" + meeting + "/attendance/" + team.member.userId()),
      new JsonObject().put("status", "excused").put("note", "Sick"), "note");
  }

  @Test
  void handWrittenRoutesRefuseUnknownFields() {
    refused(server.anonymous(), "POST", "/api/auth/register", new JsonObject().put("email", "new.person@district.test")
      .put("password", "long-enough-password").put("name", "New Person").put("role", "admin"), "role");
    refused(server.anonymous(), "POST", "/api/auth/login", new JsonObject().put("email", "x@district.test")
      .put("password", "long-enough-password").put("remember", true), "remember");
    refused(team.lead, "POST", "/api/me/tokens", new JsonObject().put("name", "script").put("expires", "never"), "expires");
    refused(server.admin(), "POST", "/api/spaces/" + network + "/children",
      new JsonObject().put("name", "Site").put("kind", "site").put("timezone", "America/Chicago"), "timezone");
    refused(team.lead, "PATCH", "/api/spaces/" + team.id, new JsonObject().put("title", "Renamed"), "title");
    refused(team.lead, "POST", "/api/spaces/" + team.id + "/members",
      new JsonObject().put("email", "member.board.fields@district.test").put("role", "member").put("why", "x"), "why");
    refused(team.lead, "POST", "/api/spaces/" + team.id + "/invitations", new JsonObject().put("role", "member").put("uses", 3), "uses");
    refused(team.lead, "POST", "/api/spaces/" + team.id + "/archive", new JsonObject().put("reason", "done"), "reason");
    assertEquals(0, TestDatabases.count(server.databaseUrl(), "select count(*) from users where email = 'new.person@district.test'"));
  }
}

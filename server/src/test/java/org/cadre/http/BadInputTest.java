package org.cadre.http;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.cadre.test.ApiClient;
import org.cadre.test.SpaceTree;
import org.cadre.test.TestDatabases;
import org.cadre.test.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every endpoint refuses bad input with the JSON error shape naming the field, and stores nothing. */
@ExtendWith(VertxExtension.class)
class BadInputTest {

  private static TestServer server;
  private static SpaceTree tree;

  @BeforeAll
  static void start(Vertx vertx) {
    server = TestServer.start(vertx, TestDatabases.fresh());
    tree = SpaceTree.build(server, "bad");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static long count(String table) {
    return TestDatabases.count(server.databaseUrl(), "select count(*) from " + table);
  }

  private static void assertError(int status, String code, String field, ApiClient.Response response) {
    assertEquals(status, response.status(), () -> String.valueOf(response.json()));
    JsonObject error = response.error();
    assertEquals(code, error.getString("code"), error::encode);
    assertEquals(field, error.getString("field"), error::encode);
    assertTrue(error.containsKey("message") && !error.getString("message").isBlank());
  }

  private static JsonObject account(String email, Object password, Object name) {
    return new JsonObject().put("email", email).put("password", password).put("name", name);
  }

  @Test
  void registrationNamesTheBadField() {
    long users = count("users");
    ApiClient anon = server.anonymous();
    assertError(400, "invalid", "email", anon.call("POST", "/api/auth/register", account(null, "long enough pw", "A")));
    assertError(400, "invalid", "email", anon.call("POST", "/api/auth/register", account("not-an-email", "long enough pw", "A")));
    assertError(400, "invalid", "email", anon.call("POST", "/api/auth/register",
      new JsonObject().put("email", 42).put("password", "long enough pw").put("name", "A")));
    assertError(400, "invalid", "password", anon.call("POST", "/api/auth/register", account("a@b.test", "short", "A")));
    assertError(400, "invalid", "password", anon.call("POST", "/api/auth/register", account("a@b.test", 1234567890, "A")));
    assertError(400, "invalid", "name", anon.call("POST", "/api/auth/register", account("a@b.test", "long enough pw", "")));
    assertError(400, "invalid", "name", anon.call("POST", "/api/auth/register", account("a@b.test", "long enough pw", "x".repeat(101))));
    assertError(400, "invalid", "organization", anon.call("POST", "/api/auth/register",
      account("a@b.test", "long enough pw", "A").put("organization", "x".repeat(201))));
    assertEquals(users, count("users"));
  }

  @Test
  void controlCharactersAreRefusedNotStored() {
    long spaces = count("spaces");
    assertError(400, "invalid", "name", tree.admin.call("POST", "/api/spaces", new JsonObject().put("name", "Nul\u0000here").put("kind", "network")));
    assertError(400, "invalid", "email", server.anonymous().call("POST", "/api/auth/login",
      new JsonObject().put("email", "a\u0000@b.test").put("password", "x")));
    assertEquals(spaces, count("spaces"));
  }

  @Test
  void aVeryLongEmailDomainStillMakesAnOrganization() {
    String email = "someone@" + "d".repeat(230) + ".test";
    ApiClient client = server.anonymous();
    client.expect(201, "POST", "/api/auth/register", account(email, "long enough pw", "Long"));
    assertEquals(200, client.expect(200, "GET", "/api/me", null).getJsonObject("organization").getString("name").length());
  }

  @Test
  void loginAndTokensNameTheBadField() {
    assertError(400, "invalid", "password", server.anonymous().call("POST", "/api/auth/login", new JsonObject().put("email", "a@b.test")));
    assertError(400, "invalid", "name", tree.member.call("POST", "/api/me/tokens", new JsonObject().put("name", "x".repeat(101))));
    assertError(404, "not_found", null, tree.member.call("DELETE", "/api/me/tokens/not-an-id", null));
    assertError(401, "unauthenticated", null, server.anonymous().call("POST", "/api/me/tokens", new JsonObject()));
  }

  @Test
  void malformedBodiesAreRefused() {
    assertError(400, "invalid", null, tree.admin.call("POST", "/api/spaces", Buffer.buffer("{not json")));
    assertError(400, "invalid", null, tree.admin.call("POST", "/api/spaces", Buffer.buffer("[1, 2]")));
    assertError(400, "invalid", null, tree.admin.call("POST", "/api/spaces", null));
    String huge = new JsonObject().put("name", "x".repeat(70 * 1024)).put("kind", "network").encode();
    assertError(413, "too_large", null, tree.admin.call("POST", "/api/spaces", Buffer.buffer(huge)));
  }

  @Test
  void spaceCreationChecksNameKindAndNesting() {
    long spaces = count("spaces");
    long events = count("events");
    assertError(400, "invalid", "name", tree.admin.call("POST", "/api/spaces", new JsonObject().put("kind", "network")));
    assertError(400, "invalid", "name", tree.admin.call("POST", "/api/spaces", new JsonObject().put("name", "  ").put("kind", "network")));
    assertError(400, "invalid", "name", tree.admin.call("POST", "/api/spaces", new JsonObject().put("name", "x".repeat(201)).put("kind", "network")));
    assertError(400, "invalid", "kind", tree.admin.call("POST", "/api/spaces", new JsonObject().put("name", "G").put("kind", "galaxy")));
    assertError(400, "invalid", "kind", tree.admin.call("POST", "/api/spaces", new JsonObject().put("name", "T").put("kind", "team")));
    assertError(400, "invalid", "kind", tree.admin.call("POST", "/api/spaces/" + tree.district + "/children",
      new JsonObject().put("name", "N").put("kind", "network")));
    assertError(400, "invalid", "kind", tree.admin.call("POST", "/api/spaces/" + tree.site + "/children",
      new JsonObject().put("name", "D").put("kind", "district")));
    assertError(400, "invalid", "description", tree.admin.call("POST", "/api/spaces/" + tree.site + "/children",
      new JsonObject().put("name", "T").put("kind", "team").put("description", "x".repeat(2001))));
    assertError(404, "not_found", null, tree.admin.call("POST", "/api/spaces/00000000-0000-0000-0000-000000000000/children",
      new JsonObject().put("name", "T").put("kind", "team")));
    assertError(404, "not_found", null, tree.admin.call("POST", "/api/spaces/nope/children",
      new JsonObject().put("name", "T").put("kind", "team")));
    assertEquals(spaces, count("spaces"));
    assertEquals(events, count("events"));
  }

  @Test
  void aTeamMayHangDirectlyUnderADistrictOrNetwork() {
    tree.admin.expect(201, "POST", "/api/spaces/" + tree.district + "/children", new JsonObject().put("name", "District team").put("kind", "team"));
    tree.admin.expect(201, "POST", "/api/spaces/" + tree.network + "/children", new JsonObject().put("name", "Network team").put("kind", "team"));
  }

  @Test
  void updatesNeedAValidField() {
    String path = "/api/spaces/" + tree.sibling;
    assertError(400, "invalid", "name", tree.admin.call("PATCH", path, new JsonObject()));
    assertError(400, "invalid", "name", tree.admin.call("PATCH", path, new JsonObject().put("name", 7)));
    assertError(400, "invalid", "description", tree.admin.call("PATCH", path, new JsonObject().put("description", "x".repeat(2001))));
  }

  @Test
  void membershipChangesNameTheBadField() {
    long memberships = count("memberships");
    String path = "/api/spaces/" + tree.site + "/members";
    assertError(400, "invalid", "role", tree.lead.call("POST", path, new JsonObject().put("email", "member.bad@district.test").put("role", "king")));
    assertError(400, "invalid", "email", tree.lead.call("POST", path, new JsonObject().put("email", "ghost@district.test").put("role", "member")));
    assertError(400, "invalid", "userId", tree.lead.call("POST", path, new JsonObject().put("userId", "12").put("role", "member")));
    assertError(400, "invalid", "userId", tree.lead.call("POST", path,
      new JsonObject().put("userId", "00000000-0000-0000-0000-000000000000").put("role", "member")));
    assertError(404, "not_found", null, tree.lead.call("DELETE", path + "/00000000-0000-0000-0000-000000000000", null));
    assertError(400, "invalid", "userId", tree.lead.call("DELETE", path, new JsonObject()));
    assertEquals(memberships, count("memberships"));
  }

  @Test
  void theLastLeadCannotLeave() {
    String space = tree.admin.expect(201, "POST", "/api/spaces/" + tree.site + "/children",
      new JsonObject().put("name", "Lead test team").put("kind", "team")).getString("id");
    assertError(409, "last_lead", null, tree.admin.call("DELETE", "/api/spaces/" + space + "/members/" + tree.admin.userId(), null));
    tree.admin.expect(201, "POST", "/api/spaces/" + space + "/members", new JsonObject().put("userId", tree.member.userId()).put("role", "lead"));
    tree.admin.expect(204, "DELETE", "/api/spaces/" + space + "/members/" + tree.admin.userId(), null);
    assertError(409, "last_lead", null, tree.member.call("POST", "/api/spaces/" + space + "/members",
      new JsonObject().put("userId", tree.member.userId()).put("role", "member")));
  }

  @Test
  void anArchivedSpaceNoLongerChanges() {
    String space = tree.admin.expect(201, "POST", "/api/spaces/" + tree.sibling + "/children",
      new JsonObject().put("name", "Archived team").put("kind", "team")).getString("id");
    JsonObject archived = tree.admin.expect(200, "POST", "/api/spaces/" + space + "/archive", null);
    assertEquals(true, archived.getBoolean("archived"));
    assertError(409, "archived", null, tree.admin.call("POST", "/api/spaces/" + space + "/archive", null));
    assertError(409, "archived", null, tree.admin.call("PATCH", "/api/spaces/" + space, new JsonObject().put("name", "Again")));
    assertError(409, "archived", null, tree.admin.call("POST", "/api/spaces/" + space + "/invitations", new JsonObject().put("role", "member")));
    assertEquals(200, tree.admin.get("/api/spaces/" + space).status());
  }

  @Test
  void theEventLogChecksItsQuery() {
    assertError(400, "invalid", "after", tree.member.call("GET", "/api/spaces/" + tree.site + "/events?after=-1", null));
    assertError(400, "invalid", "limit", tree.member.call("GET", "/api/spaces/" + tree.site + "/events?limit=many", null));
  }

  @Test
  void unknownRoutesAnswerJson() {
    assertError(404, "not_found", null, tree.member.call("GET", "/api/nothing-here", null));
  }
}

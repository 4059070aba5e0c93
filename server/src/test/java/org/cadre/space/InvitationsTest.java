package org.cadre.space;

import io.vertx.core.Vertx;
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

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(VertxExtension.class)
class InvitationsTest {

  private static TestServer server;
  private static SpaceTree tree;

  @BeforeAll
  static void start(Vertx vertx) {
    server = TestServer.start(vertx, TestDatabases.fresh());
    tree = SpaceTree.build(server, "inv");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static String invite(ApiClient as, String space, JsonObject body) {
    return as.expect(201, "POST", "/api/spaces/" + space + "/invitations", body).getString("token");
  }

  private static String role(ApiClient as, String space) {
    return as.expect(200, "GET", "/api/spaces/" + space + "/members", null).getJsonArray("members").stream()
      .map(JsonObject.class::cast).filter(m -> m.getString("userId").equals(as.userId()))
      .map(m -> m.getString("role")).findFirst().orElse(null);
  }

  @Test
  void anInvitationAdmitsUpToItsMaxUsesWithItsRole() {
    String token = invite(tree.lead, tree.site, new JsonObject().put("role", "observer").put("maxUses", 2));
    ApiClient first = server.register("first.inv@school.test", "First");
    ApiClient second = server.register("second.inv@school.test", "Second");
    ApiClient third = server.register("third.inv@school.test", "Third");

    JsonObject joined = first.expect(200, "POST", "/api/invitations/" + token + "/accept", null);
    assertEquals(tree.site, joined.getString("spaceId"));
    assertEquals(true, joined.getBoolean("joined"));
    assertEquals("observer", role(first, tree.site));

    // Accepting again changes nothing and uses nothing up.
    assertEquals(false, first.expect(200, "POST", "/api/invitations/" + token + "/accept", null).getBoolean("joined"));
    second.expect(200, "POST", "/api/invitations/" + token + "/accept", null);

    ApiClient.Response usedUp = third.call("POST", "/api/invitations/" + token + "/accept", null);
    assertEquals(409, usedUp.status());
    assertEquals("invitation_used_up", usedUp.error().getString("code"));
    assertEquals(404, third.get("/api/spaces/" + tree.site).status());
  }

  @Test
  void anExpiredInvitationAdmitsNobody() {
    String token = invite(tree.lead, tree.site, new JsonObject().put("role", "member"));
    TestDatabases.execute(server.databaseUrl(), "update invitations set expires_at = now() - interval '1 minute' "
      + "where token_hash = sha256(convert_to('" + token + "', 'UTF8'))");
    ApiClient late = server.register("late.inv@school.test", "Late");
    ApiClient.Response refused = late.call("POST", "/api/invitations/" + token + "/accept", null);
    assertEquals(409, refused.status());
    assertEquals("invitation_expired", refused.error().getString("code"));
    assertEquals(404, late.get("/api/spaces/" + tree.site).status());
  }

  @Test
  void aLeadListsOpenInvitationsAndRevokesThem() {
    JsonObject created = tree.lead.expect(201, "POST", "/api/spaces/" + tree.site + "/invitations", new JsonObject().put("role", "member"));
    String listed = tree.lead.expect(200, "GET", "/api/spaces/" + tree.site + "/invitations", null).encode();
    assertTrue(listed.contains(created.getString("id")) && !listed.contains(created.getString("token")));
    assertEquals(403, tree.member.get("/api/spaces/" + tree.site + "/invitations").status());

    tree.lead.expect(204, "DELETE", "/api/spaces/" + tree.site + "/invitations/" + created.getString("id"), null);
    assertEquals(404, tree.lead.call("DELETE", "/api/spaces/" + tree.site + "/invitations/" + created.getString("id"), null).status());
    assertTrue(!tree.lead.expect(200, "GET", "/api/spaces/" + tree.site + "/invitations", null).encode().contains(created.getString("id")));
    ApiClient.Response refused = server.register("revoked.inv@school.test", "Revoked")
      .call("POST", "/api/invitations/" + created.getString("token") + "/accept", null);
    assertEquals(409, refused.status());
    assertEquals("invitation_revoked", refused.error().getString("code"));
  }

  @Test
  void aForgedTokenIsUnknown() {
    ApiClient forger = server.register("forger.inv@school.test", "Forger");
    assertEquals(404, forger.call("POST", "/api/invitations/inv_forged-token/accept", null).status());
  }

  @Test
  void acceptingNeedsAnAccount() {
    String token = invite(tree.lead, tree.site, new JsonObject().put("role", "member"));
    assertEquals(401, server.anonymous().call("POST", "/api/invitations/" + token + "/accept", null).status());
  }

  @Test
  void theTokenIsShownOnceAndStoredOnlyAsADigest() {
    JsonObject created = tree.lead.expect(201, "POST", "/api/spaces/" + tree.site + "/invitations",
      new JsonObject().put("role", "partner").put("expiresAt", Instant.now().plus(3, ChronoUnit.DAYS).toString()));
    String token = created.getString("token");
    assertTrue(token.startsWith("inv_"));
    assertEquals(1, TestDatabases.count(server.databaseUrl(),
      "select count(*) from invitations where token_hash = sha256(convert_to('" + token + "', 'UTF8')) and role = 'partner'"));
    String log = tree.lead.expect(200, "GET", "/api/spaces/" + tree.site + "/events", null).encode();
    assertTrue(log.contains(created.getString("id")) && !log.contains(token), "the event log never holds the token");
  }

  @Test
  void anInvitedPartnerSeesOnlyTheSharedSpace() {
    String token = invite(tree.lead, tree.site, new JsonObject().put("role", "partner"));
    ApiClient partner = server.register("partner2.inv@college.test", "Partner");
    partner.expect(200, "POST", "/api/invitations/" + token + "/accept", null);
    assertEquals(1, partner.expect(200, "GET", "/api/spaces", null).getJsonArray("spaces").size());
    assertEquals(404, partner.get("/api/spaces/" + tree.district).status());
  }

  @Test
  void onlyThoseWhoManageTheSpaceInvite() {
    assertEquals(403, tree.member.call("POST", "/api/spaces/" + tree.site + "/invitations",
      new JsonObject().put("role", "member")).status());
    assertEquals(404, tree.partner.call("POST", "/api/spaces/" + tree.district + "/invitations",
      new JsonObject().put("role", "member")).status());
  }

  @Test
  void badInvitationsAreRefusedByFieldAndStoreNothing() {
    long before = TestDatabases.count(server.databaseUrl(), "select count(*) from invitations");
    String path = "/api/spaces/" + tree.site + "/invitations";
    assertField("role", tree.lead.call("POST", path, new JsonObject().put("role", "owner")));
    assertField("role", tree.lead.call("POST", path, new JsonObject()));
    assertField("maxUses", tree.lead.call("POST", path, new JsonObject().put("role", "member").put("maxUses", 0)));
    assertField("maxUses", tree.lead.call("POST", path, new JsonObject().put("role", "member").put("maxUses", "two")));
    assertField("expiresAt", tree.lead.call("POST", path, new JsonObject().put("role", "member").put("expiresAt", "tomorrow")));
    assertField("expiresAt", tree.lead.call("POST", path, new JsonObject().put("role", "member")
      .put("expiresAt", Instant.now().minus(1, ChronoUnit.HOURS).toString())));
    assertEquals(before, TestDatabases.count(server.databaseUrl(), "select count(*) from invitations"));
  }

  static void assertField(String field, ApiClient.Response response) {
    assertEquals(400, response.status(), () -> String.valueOf(response.json()));
    assertEquals(field, response.error().getString("field"), () -> response.json().encode());
    assertTrue(response.error().getString("message").contains(field), response.error()::encode);
  }

  @Test
  void aLeadWhoIsRemovedOrDemotedCannotComeBackThroughTheirOwnInvitations() {
    ApiClient removed = server.register("removed-lead@inv.test", "Removed Lead");
    ApiClient demoted = server.register("demoted-lead@inv.test", "Demoted Lead");
    for (ApiClient lead : new ApiClient[] {removed, demoted}) {
      tree.admin.expect(201, "POST", "/api/spaces/" + tree.team + "/members",
        new JsonObject().put("userId", lead.userId()).put("role", "lead"));
    }
    String removedToken = invite(removed, tree.team, new JsonObject().put("role", "lead"));
    String demotedToken = invite(demoted, tree.team, new JsonObject().put("role", "lead"));
    String adminToken = invite(tree.admin, tree.team, new JsonObject().put("role", "member"));
    long seq = tree.admin.expect(200, "GET", "/api/spaces/" + tree.team + "/events?after=0", null).getJsonArray("events").size();

    tree.admin.expect(204, "DELETE", "/api/spaces/" + tree.team + "/members/" + removed.userId(), null);
    tree.admin.expect(200, "POST", "/api/spaces/" + tree.team + "/members",
      new JsonObject().put("userId", demoted.userId()).put("role", "member"));

    ApiClient.Response back = removed.call("POST", "/api/invitations/" + removedToken + "/accept", null);
    assertEquals(409, back.status());
    assertEquals("invitation_revoked", back.error().getString("code"));
    ApiClient.Response up = demoted.call("POST", "/api/invitations/" + demotedToken + "/accept", null);
    assertEquals("invitation_revoked", up.error().getString("code"), "the demoted lead's invitation admits nobody");
    assertEquals("member", role(demoted, tree.team));
    ApiClient stranger = server.register("stranger@inv.test", "Stranger");
    assertEquals(200, stranger.call("POST", "/api/invitations/" + adminToken + "/accept", null).status(),
      "invitations made by others stay open");

    List<String> types = tree.admin.expect(200, "GET", "/api/spaces/" + tree.team + "/events?after=0", null)
      .getJsonArray("events").stream().skip(seq).map(JsonObject.class::cast).map(e -> e.getString("type")).toList();
    assertEquals(List.of("invitation.revoked", "member.removed", "invitation.revoked", "member.role-changed", "member.added"), types);
  }
}

package org.cadre.space;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.cadre.test.ApiClient;
import org.cadre.test.BusClient;
import org.cadre.test.SpaceTree;
import org.cadre.test.TestDatabases;
import org.cadre.test.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each role held in a site, against that site, its ancestor, a descendant, a sibling and another network, for
 * every action, over REST and over the bus. The table below is the contract written in ARCHITECTURE.md.
 */
@ExtendWith(VertxExtension.class)
class PermissionMatrixTest {

  private static TestServer server;
  private static SpaceTree tree;
  private static final Map<String, BusClient> buses = new HashMap<>();

  @BeforeAll
  static void start(Vertx vertx) {
    server = TestServer.start(vertx, TestDatabases.fresh());
    tree = SpaceTree.build(server, "matrix");
    for (String role : new String[] {"lead", "member", "partner", "observer"}) {
      buses.put(role, BusClient.connect(vertx, server.port(), tree.as(role)));
    }
  }

  @AfterAll
  static void stop() {
    buses.values().forEach(BusClient::close);
    server.close();
  }

  @ParameterizedTest(name = "{0} in a site has {2} access to its {1}")
  @CsvSource({
    "lead,     same,          manage",
    "lead,     ancestor,      names",
    "lead,     descendant,    read",
    "lead,     sibling,       none",
    "lead,     other-network, none",
    "member,   same,          write",
    "member,   ancestor,      names",
    "member,   descendant,    names",
    "member,   sibling,       none",
    "member,   other-network, none",
    "partner,  same,          write",
    "partner,  ancestor,      none",
    "partner,  descendant,    none",
    "partner,  sibling,       none",
    "partner,  other-network, none",
    "observer, same,          read",
    "observer, ancestor,      names",
    "observer, descendant,    names",
    "observer, sibling,       none",
    "observer, other-network, none",
  })
  void everyActionFollowsTheRolesAccess(String role, String relation, String expected) {
    ApiClient as = tree.as(role);
    String space = tree.space(relation);
    Access access = Access.valueOf(expected.toUpperCase());

    // Seeing the space at all, in the tree and by id.
    assertEquals(access.allows(Access.NAMES), treeContains(as.expect(200, "GET", "/api/spaces", null).getJsonArray("spaces"), space));
    ApiClient.Response shown = as.get("/api/spaces/" + space);
    assertEquals(access == Access.NONE ? 404 : 200, shown.status());
    if (access != Access.NONE) {
      assertEquals(expected, shown.json().getString("access"));
      assertEquals(access.allows(Access.READ), shown.json().containsKey("description"), "content only for readers");
    }

    // Reading content: members and the event log.
    int readStatus = status(access, Access.READ, 200);
    assertEquals(readStatus, as.get("/api/spaces/" + space + "/members").status());
    assertEquals(readStatus, as.get("/api/spaces/" + space + "/events").status());

    // Managing: settings, invitations, children.
    int manageOk = status(access, Access.MANAGE, 200);
    assertEquals(manageOk, as.call("PATCH", "/api/spaces/" + space, new JsonObject().put("description", "by " + role)).status());
    assertEquals(status(access, Access.MANAGE, 201), as.call("POST", "/api/spaces/" + space + "/invitations",
      new JsonObject().put("role", "member")).status());
    if (!relation.equals("descendant")) {
      String childKind = relation.equals("other-network") ? "district" : relation.equals("ancestor") ? "site" : "team";
      assertEquals(status(access, Access.MANAGE, 201), as.call("POST", "/api/spaces/" + space + "/children",
        new JsonObject().put("name", "Child by " + role).put("kind", childKind)).status());
    }

    // The bus: subscribing needs read access, and so does catch-up.
    BusClient bus = buses.get(role);
    bus.register("space." + space);
    JsonObject answer = bus.take(f -> "err".equals(f.getString("type"))
      || ("space." + space).equals(f.getString("address")));
    assertEquals(access.allows(Access.READ), "rec".equals(answer.getString("type")), answer::encode);
    JsonObject reply = bus.request(new JsonObject().put("type", "catchup").put("spaceId", space).put("afterSeq", 0));
    if (access.allows(Access.READ)) {
      assertEquals("rec", reply.getString("type"), reply::encode);
    } else {
      assertEquals(access == Access.NONE ? 404 : 403, reply.getInteger("failureCode"), reply::encode);
    }
  }

  @Test
  void administratorsManageEverySpace() {
    for (String space : new String[] {tree.network, tree.team, tree.otherNetwork}) {
      assertEquals("manage", tree.admin.expect(200, "GET", "/api/spaces/" + space, null).getString("access"));
    }
  }

  @Test
  void onlyAdministratorsCreateNetworks() {
    ApiClient.Response refused = tree.lead.call("POST", "/api/spaces", new JsonObject().put("name", "Mine").put("kind", "network"));
    assertEquals(403, refused.status());
  }

  @Test
  void aPartnersTreeHoldsOnlyTheSharedSpaceAndNamesNoParent() {
    JsonArray spaces = tree.partner.expect(200, "GET", "/api/spaces", null).getJsonArray("spaces");
    assertEquals(1, spaces.size(), spaces::encodePrettily);
    JsonObject only = spaces.getJsonObject(0);
    assertEquals(tree.site, only.getString("id"));
    assertEquals(null, only.getString("parentId"));
    assertEquals("partner", only.getString("role"));
    assertTrue(only.getJsonArray("children").isEmpty());
    assertEquals(null, tree.partner.expect(200, "GET", "/api/spaces/" + tree.site, null).getString("parentId"));
    assertEquals(tree.district, tree.member.expect(200, "GET", "/api/spaces/" + tree.site, null).getString("parentId"));
  }

  @Test
  void aPartnerReadingTheLogLearnsNothingOfTheSpacesAroundTheirs() {
    String log = tree.partner.expect(200, "GET", "/api/spaces/" + tree.site + "/events", null).encode();
    assertTrue(log.contains("space.created"));
    for (String elsewhere : new String[] {tree.district, tree.network, tree.team, tree.sibling}) {
      assertFalse(log.contains(elsewhere), "the site's log names " + elsewhere);
    }
  }

  @Test
  void membersOfAnAncestorSeeNamesBelowButNotMembers() {
    JsonObject team = tree.member.expect(200, "GET", "/api/spaces/" + tree.team, null);
    assertEquals("names", team.getString("access"));
    assertFalse(team.containsKey("description"));
    assertEquals(403, tree.member.get("/api/spaces/" + tree.team + "/members").status());
  }

  private static int status(Access access, Access needed, int ok) {
    if (access == Access.NONE) {
      return 404;
    }
    return access.allows(needed) ? ok : 403;
  }

  private static boolean treeContains(JsonArray nodes, String id) {
    for (int i = 0; i < nodes.size(); i++) {
      JsonObject node = nodes.getJsonObject(i);
      if (id.equals(node.getString("id")) || treeContains(node.getJsonArray("children"), id)) {
        return true;
      }
    }
    return false;
  }
}

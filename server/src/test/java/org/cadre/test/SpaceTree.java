package org.cadre.test;

import io.vertx.core.json.JsonObject;

/**
 * A tree for permission tests, made through the API:
 * <pre>
 * network ─ district ─┬─ site ──── team
 *                     └─ sibling ─ siblingTeam
 * otherNetwork
 * </pre>
 * with a lead, member, partner and observer of {@code site}.
 */
public final class SpaceTree {

  public final String network;
  public final String district;
  public final String site;
  public final String team;
  public final String sibling;
  public final String siblingTeam;
  public final String otherNetwork;
  public final ApiClient admin;
  public final ApiClient lead;
  public final ApiClient member;
  public final ApiClient partner;
  public final ApiClient observer;

  private SpaceTree(TestServer server, String tag) {
    admin = server.admin();
    network = create(null, "network", "Network " + tag);
    district = create(network, "district", "District " + tag);
    site = create(district, "site", "Site " + tag);
    team = create(site, "team", "Team " + tag);
    sibling = create(district, "site", "Sibling " + tag);
    siblingTeam = create(sibling, "team", "Sibling team " + tag);
    otherNetwork = create(null, "network", "Other network " + tag);
    lead = join(server, "lead", tag, "lead");
    member = join(server, "member", tag, "member");
    partner = join(server, "partner", tag, "partner");
    observer = join(server, "observer", tag, "observer");
  }

  public static SpaceTree build(TestServer server, String tag) {
    return new SpaceTree(server, tag);
  }

  public ApiClient as(String role) {
    return switch (role) {
      case "lead" -> lead;
      case "member" -> member;
      case "partner" -> partner;
      case "observer" -> observer;
      default -> throw new IllegalArgumentException(role);
    };
  }

  public String space(String relation) {
    return switch (relation) {
      case "same" -> site;
      case "ancestor" -> district;
      case "descendant" -> team;
      case "sibling" -> sibling;
      case "other-network" -> otherNetwork;
      default -> throw new IllegalArgumentException(relation);
    };
  }

  private String create(String parent, String kind, String name) {
    JsonObject body = new JsonObject().put("name", name).put("kind", kind);
    return admin.expect(201, "POST", parent == null ? "/api/spaces" : "/api/spaces/" + parent + "/children", body)
      .getString("id");
  }

  private ApiClient join(TestServer server, String role, String tag, String name) {
    String email = role + "." + tag + "@" + (role.equals("partner") ? "partner-college.test" : "district.test");
    ApiClient client = server.register(email, name + " " + tag);
    admin.expect(201, "POST", "/api/spaces/" + site + "/members", new JsonObject().put("email", email).put("role", role));
    return client;
  }
}

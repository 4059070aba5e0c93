package org.cadre.test;

import io.vertx.core.json.JsonObject;

/** A team with one person in each role, for board tests; the administrator created it and is its first lead. */
public final class TeamFixture {

  public final String id;
  public final ApiClient admin;
  public final ApiClient lead;
  public final ApiClient member;
  public final ApiClient partner;
  public final ApiClient observer;
  public final ApiClient outsider;

  private TeamFixture(TestServer server, String parent, String tag) {
    admin = server.admin();
    id = admin.expect(201, "POST", "/api/spaces/" + parent + "/children",
      new JsonObject().put("name", "Board team " + tag).put("kind", "team")).getString("id");
    lead = join(server, "lead", tag);
    member = join(server, "member", tag);
    partner = join(server, "partner", tag);
    observer = join(server, "observer", tag);
    outsider = server.register("outsider." + tag + "@elsewhere.test", "Outsider " + tag);
  }

  /** A new team under {@code parent} (any site or district the administrator can reach). */
  public static TeamFixture create(TestServer server, String parent, String tag) {
    return new TeamFixture(server, parent, tag);
  }

  private ApiClient join(TestServer server, String role, String tag) {
    String email = role + ".board." + tag + "@" + (role.equals("partner") ? "partner-college.test" : "district.test");
    ApiClient client = server.register(email, Character.toUpperCase(role.charAt(0)) + role.substring(1) + " " + tag);
    admin.expect(201, "POST", "/api/spaces/" + id + "/members", new JsonObject().put("email", email).put("role", role));
    return client;
  }

  /** Runs a command over REST as the caller and answers the event it produced. */
  public JsonObject run(ApiClient as, String method, String path, JsonObject body) {
    ApiClient.Response response = as.call(method, "/api/spaces/" + id + path, body);
    if (response.status() != 200 && response.status() != 201) {
      throw new AssertionError(method + " " + path + " answered " + response.status() + ": " + response.json());
    }
    return response.json();
  }

  public String path(String rest) {
    return "/api/spaces/" + id + rest;
  }
}

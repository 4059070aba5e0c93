package org.cadre.account;

import io.vertx.core.json.JsonObject;

import java.util.UUID;

/** The authenticated caller of a request or bus connection. */
public record Principal(UUID userId, String email, String name, boolean admin) {

  public JsonObject toJson() {
    return new JsonObject().put("id", userId.toString()).put("email", email).put("name", name).put("admin", admin);
  }
}

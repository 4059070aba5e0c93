package org.cadre.account;

import io.vertx.core.json.JsonObject;
import org.cadre.http.Language;

import java.util.UUID;

/** The authenticated caller of a request or bus connection, with the language they chose (null: none yet). */
public record Principal(UUID userId, String email, String name, boolean admin, Language language) {

  public JsonObject toJson() {
    return new JsonObject().put("id", userId.toString()).put("email", email).put("name", name).put("admin", admin)
      .put("language", language == null ? null : language.tag());
  }
}

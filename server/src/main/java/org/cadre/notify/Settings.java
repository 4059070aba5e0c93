package org.cadre.notify;

import io.vertx.core.json.JsonObject;

/** Which mail a user takes: meeting agendas and reminders, their action items falling due, the weekly digest. */
record Settings(boolean meetings, boolean actions, boolean digest) {

  static final Settings ALL = new Settings(true, true, true);

  /** What one unsubscribe link turns off. */
  enum Category {
    MEETINGS, ACTIONS, DIGEST;

    String column() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }

    static Category of(String wire) {
      for (Category c : values()) {
        if (c.column().equals(wire)) {
          return c;
        }
      }
      return null;
    }
  }

  JsonObject toJson() {
    return new JsonObject().put("meetings", meetings).put("actions", actions).put("digest", digest);
  }
}

package org.cadre.realtime;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Who is viewing each meeting and which item and field each is editing, in memory only. Every instance keeps
 * its own copy, fed by the {@link #CHANNEL} notifications that {@link PresenceAnnouncer} sends, and publishes the
 * viewers of a meeting to {@code space.<id>} as a {@code presence} message (no seq: it is not part of the log).
 * Clients announce themselves every {@link #HEARTBEAT_MS}; a viewer not heard from for {@link #EXPIRE_MS} is gone.
 *
 * <p>Owned by the {@link EventRelay}, on its event loop.
 */
final class Presence {

  static final String CHANNEL = "cadre_presence";
  static final long HEARTBEAT_MS = 20_000;
  static final long EXPIRE_MS = 50_000;

  private record Viewer(String userId, String name, String itemId, String field, long seenAt) {
  }

  private record MeetingKey(String spaceId, String meetingId) {
  }

  private final Vertx vertx;
  private final Map<MeetingKey, Map<String, Viewer>> meetings = new HashMap<>();

  Presence(Vertx vertx) {
    this.vertx = vertx;
  }

  void onNotice(String payload) {
    JsonObject notice = new JsonObject(payload);
    MeetingKey key = new MeetingKey(notice.getString("space"), notice.getString("meeting"));
    Map<String, Viewer> viewers = meetings.computeIfAbsent(key, k -> new LinkedHashMap<>());
    String user = notice.getString("user");
    Viewer before = notice.getBoolean("leaving", false) ? viewers.remove(user)
      : viewers.put(user, new Viewer(user, notice.getString("name"), notice.getString("item"), notice.getString("field"), now()));
    Viewer after = viewers.get(user);
    if (viewers.isEmpty()) {
      meetings.remove(key);
    }
    // A heartbeat that changes nothing is not worth a message to every viewer.
    if (before == null || after == null || !Objects.equals(before.itemId(), after.itemId()) || !Objects.equals(before.field(), after.field())) {
      publish(key, viewers);
    }
  }

  /** Drops viewers not heard from in time, and tells the others. */
  void expire() {
    long cutoff = now() - EXPIRE_MS;
    List<MeetingKey> emptied = new ArrayList<>();
    meetings.forEach((key, viewers) -> {
      if (viewers.values().removeIf(v -> v.seenAt() < cutoff)) {
        publish(key, viewers);
      }
      if (viewers.isEmpty()) {
        emptied.add(key);
      }
    });
    emptied.forEach(meetings::remove);
  }

  private void publish(MeetingKey key, Map<String, Viewer> viewers) {
    JsonArray list = new JsonArray();
    viewers.values().forEach(v -> list.add(new JsonObject().put("userId", v.userId()).put("name", v.name())
      .put("itemId", v.itemId()).put("field", v.field())));
    vertx.eventBus().publish(Addresses.space(UUID.fromString(key.spaceId())), new JsonObject()
      .put("type", "presence").put("space", key.spaceId()).put("meetingId", key.meetingId()).put("viewers", list));
  }

  private static long now() {
    return System.currentTimeMillis();
  }
}

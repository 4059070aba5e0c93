package org.cadre.space;

import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Shared by every verticle of one server: when each user's memberships last changed. A verticle that changes a
 * membership marks it before replying, and the relay marks changes made on other servers, so no verticle's
 * access cache serves rights older than the change.
 */
public final class AccessVersions {

  private final AtomicLong clock = new AtomicLong();
  private final ConcurrentHashMap<UUID, Long> changedAt = new ConcurrentHashMap<>();
  private volatile long everyoneChangedAt;
  /** False while the change listener is disconnected: notices may be getting lost, so nothing cached is trusted. */
  private volatile boolean listening = true;

  /** The moment to stamp a cache load with, read before the load starts. */
  public long now() {
    return clock.get();
  }

  public void changed(UUID userId) {
    changedAt.put(userId, clock.incrementAndGet());
  }

  /** The change listener lost its connection: from now until it is back, every check reads the database. */
  public void listenerLost() {
    listening = false;
  }

  /** The listener is back; whatever was cached before may have missed a notice. */
  public void listenerBack() {
    everyoneChangedAt = clock.incrementAndGet();
    listening = true;
  }

  /** True when rights loaded at {@code stamp} may be out of date for this user. */
  public boolean stale(UUID userId, long stamp) {
    return !listening || everyoneChangedAt > stamp || changedAt.getOrDefault(userId, 0L) > stamp;
  }
}

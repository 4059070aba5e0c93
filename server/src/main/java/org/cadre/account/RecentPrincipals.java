package org.cadre.account;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.vertx.core.Future;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Who the sessions and tokens used in the last few seconds belong to, so a busy client's requests cost no query.
 * An entry is forgotten when its credential is deleted (here at once; on another server by its notice), when its
 * user's account changes here, and after {@link #TTL} at the latest, which bounds what another server may miss.
 * A lookup that started before a forget does not store its (possibly stale) answer; an entry is never used past
 * its credential's own expiry.
 */
final class RecentPrincipals {

  static final Duration TTL = Duration.ofSeconds(5);
  private static final long MAX_ENTRIES = 100_000;

  /** A credential's user and when the credential expires (null: never). */
  record Live(Principal principal, OffsetDateTime expiresAt) {
    boolean at(Instant now) {
      return expiresAt == null || expiresAt.toInstant().isAfter(now);
    }
  }

  private final Cache<String, Live> recent = Caffeine.newBuilder().expireAfterWrite(TTL).maximumSize(MAX_ENTRIES).build();
  private volatile long generation;

  /** The principal for a credential key, from memory or from {@code lookup} (null: none, not remembered). */
  Future<Principal> get(String key, Supplier<Future<Live>> lookup) {
    Live known = recent.getIfPresent(key);
    if (known != null && known.at(Instant.now())) {
      return Future.succeededFuture(known.principal());
    }
    long before = generation;
    return lookup.get().map(live -> {
      if (live == null) {
        return null;
      }
      if (before == generation) {
        recent.put(key, live);
      }
      return live.principal();
    });
  }

  void forget(String key) {
    generation++;
    recent.invalidate(key);
  }

  void forgetUser(UUID userId) {
    generation++;
    recent.asMap().values().removeIf(live -> live.principal().userId().equals(userId));
  }

  void forgetAll() {
    generation++;
    recent.invalidateAll();
  }
}

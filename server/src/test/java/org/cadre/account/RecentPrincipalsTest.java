package org.cadre.account;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The memory of recently used credentials: looked up once, forgotten on deletion, never used past expiry. */
class RecentPrincipalsTest {

  private final Principal ana = new Principal(UUID.randomUUID(), "ana@school.test", "Ana", false, null);
  private final AtomicInteger lookups = new AtomicInteger();

  private Future<RecentPrincipals.Live> lookup(OffsetDateTime expires) {
    lookups.incrementAndGet();
    return Future.succeededFuture(new RecentPrincipals.Live(ana, expires));
  }

  @Test
  void aCredentialUsedAgainIsNotLookedUpAgainUntilItIsForgotten() {
    RecentPrincipals recent = new RecentPrincipals();
    OffsetDateTime later = OffsetDateTime.now(ZoneOffset.UTC).plusDays(1);
    assertEquals(ana, recent.get("s1", () -> lookup(later)).result());
    assertEquals(ana, recent.get("s1", () -> lookup(later)).result());
    assertEquals(1, lookups.get());
    recent.forget("s1");
    recent.get("s1", () -> lookup(later));
    assertEquals(2, lookups.get());
    recent.forgetUser(ana.userId());
    recent.get("s1", () -> lookup(later));
    assertEquals(3, lookups.get());
  }

  @Test
  void anExpiredCredentialIsLookedUpAgainAndAnUnknownOneIsNotRemembered() {
    RecentPrincipals recent = new RecentPrincipals();
    recent.get("t1", () -> lookup(OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(1)));
    assertNull(recent.get("t1", () -> Future.succeededFuture(null)).result());
    assertNull(recent.get("t1", () -> Future.succeededFuture(null)).result());
  }

  @Test
  void aLookupThatStartedBeforeAForgetDoesNotStoreItsStaleAnswer() {
    RecentPrincipals recent = new RecentPrincipals();
    Promise<RecentPrincipals.Live> slow = Promise.promise();
    Future<Principal> racing = recent.get("s2", slow::future);
    recent.forget("s2"); // the session is deleted while the lookup is on its way
    slow.complete(new RecentPrincipals.Live(ana, null));
    assertEquals(ana, racing.result());
    assertNull(recent.get("s2", () -> Future.succeededFuture(null)).result());
  }
}

package org.cadre.space;

import com.github.benmanes.caffeine.cache.AsyncLoadingCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.cadre.account.Principal;
import org.cadre.http.ApiException;
import org.cadre.http.ErrorMessage;
import org.cadre.http.JsonBody;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * Answers "what may this user do in this space?" from two Caffeine caches: each user's memberships (reloaded
 * once {@link AccessVersions} says they changed, on this server or another) and each space's path (spaces never move).
 * One instance per verticle: the caches run their loads and callbacks on that verticle's context.
 */
public final class SpaceAccess {

  /** A user's memberships, with the {@link AccessVersions#now()} read before they were loaded. */
  private record Stamped(long stamp, List<Grant> grants) {
  }

  private final Context context;
  private final AccessVersions versions;
  private final AsyncLoadingCache<UUID, Stamped> grants;
  private final AsyncLoadingCache<UUID, List<UUID>> paths;

  public SpaceAccess(Vertx vertx, SpaceRepository repo, AccessVersions versions) {
    this.context = vertx.getOrCreateContext();
    this.versions = versions;
    this.grants = Caffeine.newBuilder()
      .maximumSize(50_000)
      // A bound on how long any missed notice could matter, on top of the version checks.
      .expireAfterWrite(Duration.ofMinutes(5))
      .executor(command -> context.runOnContext(v -> command.run()))
      .buildAsync((userId, executor) -> {
        long stamp = versions.now();
        return completable(repo.grants(userId).map(loaded -> new Stamped(stamp, loaded)));
      });
    this.paths = Caffeine.newBuilder()
      .maximumSize(100_000)
      .executor(command -> context.runOnContext(v -> command.run()))
      .buildAsync((spaceId, executor) -> completable(repo.path(spaceId)));
  }

  public Future<Access> of(Principal principal, UUID spaceId) {
    return of(principal.userId(), principal.admin(), spaceId);
  }

  public Future<Access> of(UUID userId, boolean admin, UUID spaceId) {
    return path(spaceId).compose(path -> {
      if (path.isEmpty() || admin) {
        return Future.succeededFuture(AccessPolicy.access(admin, List.of(), path));
      }
      return grants(userId).map(granted -> AccessPolicy.access(false, granted, path));
    });
  }

  /** Whether the user may see the space's roll-up as aggregates ({@link AccessPolicy#aggregates}). */
  public Future<Boolean> aggregates(Principal principal, UUID spaceId) {
    return path(spaceId).compose(path -> path.isEmpty() || principal.admin()
      ? Future.succeededFuture(AccessPolicy.aggregates(principal.admin(), List.of(), path))
      : grants(principal.userId()).map(granted -> AccessPolicy.aggregates(false, granted, path)));
  }

  public Future<List<Grant>> grants(UUID userId) {
    return Future.fromCompletionStage(grants.get(userId), context).compose(cached -> {
      if (!versions.stale(userId, cached.stamp())) {
        return Future.succeededFuture(cached.grants());
      }
      grants.synchronous().invalidate(userId);
      return Future.fromCompletionStage(grants.get(userId), context).map(Stamped::grants);
    });
  }

  private Future<List<UUID>> path(UUID spaceId) {
    return Future.fromCompletionStage(paths.get(spaceId), context).onSuccess(path -> {
      if (path.isEmpty()) {
        // Do not remember a miss: the space may be created in a moment.
        paths.synchronous().invalidate(spaceId);
      }
    });
  }

  /**
   * The caller's access to the space when it is at least {@code needed}. A space the caller may not see at all
   * fails as 404, so its existence is not revealed; one they see but may not act on fails as 403.
   */
  public Future<Access> require(Principal principal, UUID spaceId, Access needed) {
    return of(principal, spaceId).compose(access -> {
      if (access == Access.NONE) {
        return Future.failedFuture(ApiException.notFound(ErrorMessage.NOT_FOUND_SPACE));
      }
      if (!access.allows(needed)) {
        return Future.failedFuture(ApiException.forbidden(ErrorMessage.NEEDS_ACCESS, JsonBody.wireName(needed), JsonBody.wireName(access)));
      }
      return Future.succeededFuture(access);
    });
  }

  /** Marks the user's memberships changed, for every verticle of this server, before the change is answered. */
  public void invalidate(UUID userId) {
    versions.changed(userId);
  }

  private static <T> CompletableFuture<T> completable(Future<T> future) {
    CompletableFuture<T> result = new CompletableFuture<>();
    future.onComplete(ar -> {
      if (ar.succeeded()) {
        result.complete(ar.result());
      } else {
        result.completeExceptionally(ar.cause());
      }
    });
    return result;
  }
}

package org.cadre.culture;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Tuple;
import org.cadre.history.HistoryRepository;
import org.cadre.history.TeamHistory;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Scores spaces from their stored history. Reading a history is the costly part, so each verticle caches the
 * last one read per space with the space's seq: any change bumps the seq, so a cached history is never stale.
 * Scoring a large history runs on a worker thread.
 */
public final class CultureScores {

  /** Histories with more meetings than this are scored off the event loop. */
  private static final int LARGE = 200;

  private record Cached(long seq, TeamHistory history) {
  }

  private final Vertx vertx;
  private final HistoryRepository histories;
  private final CultureEngine engine;
  private final Cache<UUID, Cached> cache;

  public CultureScores(Vertx vertx, HistoryRepository histories, CultureEngine engine) {
    this.vertx = vertx;
    this.histories = histories;
    this.engine = engine;
    Context context = vertx.getOrCreateContext();
    // Caffeine's maintenance and removal callbacks run on this verticle's context, like everything else here.
    this.cache = Caffeine.newBuilder()
      .maximumSize(2_000)
      .expireAfterAccess(Duration.ofMinutes(30))
      .executor(task -> context.runOnContext(v -> task.run()))
      .build();
  }

  /** The score JSON of the spec for the space as of {@code asOf} (null: now), or null when there is no such space. */
  public Future<JsonObject> score(UUID spaceId, Instant asOfOrNull, Integer windowDays) {
    Instant asOf = asOfOrNull == null ? Instant.now() : asOfOrNull;
    return history(spaceId).compose(history -> {
      if (history == null) {
        return Future.succeededFuture(null);
      }
      if (history.meetings().size() > LARGE) {
        return vertx.executeBlocking(() -> CultureJson.write(engine.score(history, asOf, windowDays), spaceId.toString()), false);
      }
      return Future.succeededFuture(CultureJson.write(engine.score(history, asOf, windowDays), spaceId.toString()));
    });
  }

  private Future<TeamHistory> history(UUID spaceId) {
    return histories.pool().preparedQuery("select seq from spaces where id = $1").execute(Tuple.of(spaceId))
      .compose(rows -> {
        if (rows.size() == 0) {
          return Future.succeededFuture(null);
        }
        long seq = rows.iterator().next().getLong(0);
        Cached cached = cache.getIfPresent(spaceId);
        if (cached != null && cached.seq() >= seq) {
          return Future.succeededFuture(cached.history());
        }
        // The export reads in one snapshot at or after this seq; caching it under this seq errs towards re-reading.
        return histories.export(spaceId).onSuccess(history -> {
          if (history != null) {
            cache.put(spaceId, new Cached(seq, history));
          }
        });
      });
  }
}

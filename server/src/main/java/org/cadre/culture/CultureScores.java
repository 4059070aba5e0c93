package org.cadre.culture;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Tuple;
import org.cadre.history.HistoryRepository;
import org.cadre.history.TeamHistory;
import org.cadre.http.Language;
import org.cadre.space.Kind;

import java.time.Duration;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.UUID;

/**
 * Scores spaces from their stored history. Reading a history is the costly part, so each verticle caches the
 * last one read per space with the space's seq: any change bumps the seq, so a cached history is never stale.
 * Scoring a large history runs on a worker thread.
 */
public final class CultureScores {

  /** Histories with more meetings than this are scored off the event loop. */
  private static final int LARGE = 200;

  /** How many weeks a trend goes back at most, the current one included. */
  public static final int TREND_WEEKS = 52;

  private record Cached(long seq, TeamHistory history) {
  }

  /** A trend's finished weeks, valid while the space's seq and the current week stay the same. */
  private record CachedTrend(long seq, LocalDate thisWeek, JsonArray past) {
  }

  private final Vertx vertx;
  private final HistoryRepository histories;
  private final CultureEngine engine;
  private final Cache<UUID, Cached> cache;
  private final Cache<UUID, CachedTrend> trends;

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
    this.trends = Caffeine.newBuilder()
      .maximumSize(2_000)
      .expireAfterAccess(Duration.ofMinutes(30))
      .executor(task -> context.runOnContext(v -> task.run()))
      .build();
  }

  /** The Monday (UTC) that starts the week holding this instant: trends and snapshots are keyed by it. */
  public static LocalDate weekOf(Instant instant) {
    return LocalDate.ofInstant(instant, ZoneOffset.UTC).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
  }

  /** Midnight UTC of the day holding this instant: a snapshot taken since then is today's. */
  public static OffsetDateTime startOfToday(Instant instant) {
    return LocalDate.ofInstant(instant, ZoneOffset.UTC).atStartOfDay().atOffset(ZoneOffset.UTC);
  }

  /**
   * The team's weekly trend, computed from its history rather than from snapshots taken live, so a team with months
   * of history (imported, or the demo's) has a point for every week: one per week from the week of its first meeting
   * (at most {@link #TREND_WEEKS} back), each scored as of the week's end (Monday 00:00 UTC after it), and the
   * current week scored as of {@code now}. Null when there is no such space.
   */
  public Future<JsonArray> trend(UUID spaceId, Instant now) {
    LocalDate thisWeek = weekOf(now);
    return cached(spaceId).compose(cached -> {
      if (cached == null) {
        return Future.succeededFuture(null);
      }
      CachedTrend kept = trends.getIfPresent(spaceId);
      Future<JsonArray> past = kept != null && kept.seq() == cached.seq() && kept.thisWeek().equals(thisWeek)
        ? Future.succeededFuture(kept.past())
        // Up to 52 scorings: worker-thread work.
        : vertx.executeBlocking(() -> pastWeeks(cached.history(), thisWeek), false)
          .onSuccess(weeks -> trends.put(spaceId, new CachedTrend(cached.seq(), thisWeek, weeks)));
      return past.map(weeks -> weeks.copy().add(CultureJson.trendPoint(thisWeek, engine.score(cached.history(), now, null))));
    });
  }

  private JsonArray pastWeeks(TeamHistory history, LocalDate thisWeek) {
    JsonArray weeks = new JsonArray();
    LocalDate earliest = thisWeek.minusWeeks(TREND_WEEKS - 1);
    LocalDate first = history.meetings().stream().map(m -> weekOf(m.startsAt())).min(LocalDate::compareTo).orElse(thisWeek);
    for (LocalDate week = first.isBefore(earliest) ? earliest : first; week.isBefore(thisWeek); week = week.plusWeeks(1)) {
      Instant end = week.plusWeeks(1).atStartOfDay(ZoneOffset.UTC).toInstant();
      weeks.add(CultureJson.trendPoint(week, engine.score(history, end, null)));
    }
    return weeks;
  }

  /**
   * A team's score now (English, the default window), the seq of the history it was scored from and the team's
   * path (the spaces above it, then the team).
   */
  public record Current(long seq, List<UUID> path, JsonObject score) {
  }

  /**
   * A team's score as of {@code now} from its history read afresh (and not cached: the watcher reads each team once
   * per change); null when there is no such space or it is not a team. One round trip: the history and its seq come
   * from one snapshot.
   */
  public Future<Current> rescore(UUID spaceId, Instant now) {
    return histories.read(spaceId).compose(read -> {
      if (read == null || read.history().kind() != Kind.TEAM) {
        return Future.succeededFuture(null);
      }
      return write(spaceId, read.history(), now, null, Rubric.of(Language.EN))
        .map(score -> new Current(read.seq(), read.path(), score));
    });
  }

  /** The score JSON of the spec for the space as of {@code asOf} (null: now), in English; null when there is no such space. */
  public Future<JsonObject> score(UUID spaceId, Instant asOfOrNull, Integer windowDays) {
    return score(spaceId, asOfOrNull, windowDays, Rubric.of(Language.EN));
  }

  /** The same with names, descriptions and next steps in the rubric's language. */
  public Future<JsonObject> score(UUID spaceId, Instant asOfOrNull, Integer windowDays, Rubric rubric) {
    Instant asOf = asOfOrNull == null ? Instant.now() : asOfOrNull;
    return cached(spaceId).compose(cached -> cached == null ? Future.succeededFuture(null)
      : write(spaceId, cached.history(), asOf, windowDays, rubric));
  }

  private Future<JsonObject> write(UUID spaceId, TeamHistory history, Instant asOf, Integer windowDays, Rubric rubric) {
    if (history.meetings().size() > LARGE) {
      return vertx.executeBlocking(() -> CultureJson.write(engine.score(history, asOf, windowDays), spaceId.toString(), rubric), false);
    }
    return Future.succeededFuture(CultureJson.write(engine.score(history, asOf, windowDays), spaceId.toString(), rubric));
  }

  private Future<Cached> cached(UUID spaceId) {
    return histories.pool().preparedQuery("select seq from spaces where id = $1").execute(Tuple.of(spaceId))
      .compose(rows -> {
        if (rows.size() == 0) {
          return Future.succeededFuture(null);
        }
        Cached cached = cache.getIfPresent(spaceId);
        if (cached != null && cached.seq() >= rows.iterator().next().getLong(0)) {
          return Future.succeededFuture(cached);
        }
        return histories.read(spaceId).map(read -> {
          if (read == null) {
            return null;
          }
          Cached kept = new Cached(read.seq(), read.history());
          cache.put(spaceId, kept);
          return kept;
        });
      });
  }
}

package org.cadre.culture;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import org.cadre.account.AccountRepository;
import org.cadre.history.HistoryRepository;
import org.cadre.realtime.Addresses;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps live scores live: when a team's data changes it is rescored (once per burst of changes) and, if the
 * result moved, published to {@code space.<id>} as a {@code culture.scored} message so open dashboards update.
 * Every rescoring also refreshes the team's snapshot for the current week, and a daily sweep snapshots teams
 * that saw no change, so trends have a point every week.
 *
 * <p>Each instance rescores for its own connected clients; the snapshot upsert makes that harmless.
 */
public final class CultureWatcher extends VerticleBase {

  private static final Logger LOG = Logger.getLogger(CultureWatcher.class.getName());
  static final long DEBOUNCE_MS = 1_500;
  /** A team edited without pause is still rescored this often. */
  static final long MAX_WAIT_MS = 10_000;
  private static final int REMEMBERED = 5_000;
  private static final long SWEEP_MS = 10 * 60 * 1000L;
  /** Changes no row of the continuum reads (a space's name and description): they leave the score as it was. */
  private static final Set<String> UNSCORED = Set.of("space.updated");
  /** One rescoring per connection of the scoring pool. */
  private static final int RESCORING_AT_ONCE = 2;

  private final Supplier<Pool> pools;
  private final AccountRepository accounts;
  private final CultureEngine engine;
  private final Timer rescoring;
  private record Pending(long timer, long since) {
  }

  private final Map<UUID, Pending> pending = new HashMap<>();
  /** Teams whose debounce is over, in that order, each once. */
  private final Set<UUID> due = new LinkedHashSet<>();
  private int running;
  /** The last score published per team, the least recently rescored forgotten first. */
  private final Map<UUID, JsonObject> published = new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<UUID, JsonObject> eldest) {
      return size() > REMEMBERED;
    }
  };
  private Pool pool;
  private CultureScores scores;
  private MessageConsumer<JsonObject> changes;

  /**
   * {@code pools} opens the watcher's own pool when it starts, so its statements' answers arrive on the watcher's
   * event loop rather than on one that is busy serving requests.
   */
  public CultureWatcher(Supplier<Pool> pools, AccountRepository accounts, CultureEngine engine, MeterRegistry meters) {
    this.pools = pools;
    this.accounts = accounts;
    this.engine = engine;
    this.rescoring = Timer.builder("cadre.culture.rescoring").description("Rescoring a team after its data changed")
      // Buckets too: a scraper can diff two scrapes for the times of one stretch, which the quantiles' window mixes.
      .publishPercentiles(0.5, 0.99).publishPercentileHistogram()
      .minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofSeconds(10)).register(meters);
  }

  @Override
  public Future<?> start() {
    pool = pools.get();
    scores = new CultureScores(vertx, new HistoryRepository(pool, accounts), engine);
    changes = vertx.eventBus().consumer(Addresses.CHANGES, msg -> onChange(msg.body()));
    vertx.setPeriodic(60_000, SWEEP_MS, id -> sweep());
    return changes.completion().onFailure(err -> pool.close());
  }

  @Override
  public Future<?> stop() {
    return changes.unregister().compose(v -> pool.close());
  }

  private void onChange(JsonObject change) {
    if (UNSCORED.contains(change.getString("type"))) {
      return;
    }
    UUID space = UUID.fromString(change.getString("space"));
    long now = System.currentTimeMillis();
    Pending waiting = pending.get(space);
    if (waiting != null && now - waiting.since() >= MAX_WAIT_MS) {
      return;
    }
    if (waiting != null) {
      vertx.cancelTimer(waiting.timer());
    }
    long since = waiting == null ? now : waiting.since();
    long delay = Math.min(DEBOUNCE_MS, Math.max(1, since + MAX_WAIT_MS - now));
    pending.put(space, new Pending(vertx.setTimer(delay, id -> {
      pending.remove(space);
      if (due.add(space)) {
        drain();
      }
    }), since));
  }

  /** Rescoring waits its turn here rather than in the pool's queue, which a thousand changed teams would overflow. */
  private void drain() {
    while (running < RESCORING_AT_ONCE && !due.isEmpty()) {
      UUID space = due.iterator().next();
      due.remove(space);
      running++;
      rescore(space).onComplete(ar -> {
        running--;
        drain();
      });
    }
  }

  /**
   * Scores the team again and, when its score moved, tells its watchers, stores the snapshot and only then tells the
   * roll-ups above it, so that a roll-up fetched on that notice reads the new snapshot.
   */
  private Future<?> rescore(UUID space) {
    Timer.Sample started = Timer.start();
    return scores.rescore(space, Instant.now()).compose(current -> {
      if (current == null) {
        return Future.succeededFuture();
      }
      JsonObject score = current.score();
      JsonObject comparable = score.copy();
      comparable.remove("asOf");
      if (Objects.equals(published.put(space, comparable), comparable)) {
        return snapshot(space, current);
      }
      vertx.eventBus().publish(Addresses.space(space), new JsonObject()
        .put("type", "culture.scored").put("space", space.toString()).put("culture", score));
      // Forgotten if the snapshot fails, so the next rescoring takes this branch again and the roll-ups do hear.
      return snapshot(space, current).onSuccess(v -> rollupsChanged(current.path())).onFailure(err -> published.remove(space));
    })
      .onComplete(ar -> started.stop(rescoring))
      .onFailure(err -> LOG.log(Level.WARNING, "Could not rescore space " + space, err));
  }

  /**
   * Every space above the team (its path, the team itself last) hears that its roll-up moved, and nothing else:
   * whoever watches it refetches the roll-up, which shows them what they may see of the team.
   */
  private void rollupsChanged(List<UUID> path) {
    for (UUID ancestor : path.subList(0, path.size() - 1)) {
      vertx.eventBus().publish(Addresses.rollup(ancestor), new JsonObject()
        .put("type", "culture.rollup-changed").put("space", ancestor.toString()));
    }
  }

  /** Snapshots are keyed by the Monday that starts the current week, as the trend's points are. */
  private static LocalDate thisWeek() {
    return CultureScores.weekOf(Instant.now());
  }

  private Future<Void> snapshot(UUID space, CultureScores.Current current) {
    JsonObject score = current.score();
    return pool.preparedQuery("insert into culture_snapshots (space_id, week, level, score, result, seq, summary) "
        + "values ($1, $2, $3, $4, $5, $6, $7) on conflict (space_id, week) do update set level = excluded.level, "
        + "score = excluded.score, result = excluded.result, seq = excluded.seq, summary = excluded.summary, taken_at = now()")
      .execute(Tuple.of(space, thisWeek(), score.getString("level"), score.getValue("score") == null ? null
        : new BigDecimal(score.getValue("score").toString()), score, current.seq(), Rollup.summary(score)))
      .mapEmpty();
  }

  /**
   * Teams without a snapshot taken today at their current seq are scored again, a few at a time: a score moves with
   * time too (its window slides), the roll-up uses only a snapshot of today at the team's seq, and a change that
   * leaves the score alone (a rename), or a snapshot lost with an unflushed commit, would otherwise leave it behind.
   */
  private void sweep() {
    pool.preparedQuery("select id from spaces s where kind = 'team' and archived_at is null and not exists "
        + "(select 1 from culture_snapshots c where c.space_id = s.id and c.week = $1 and c.taken_at >= $2 and c.seq = s.seq) "
        + "limit 200")
      .execute(Tuple.of(thisWeek(), CultureScores.startOfToday(Instant.now())))
      .onSuccess(rows -> {
        Future<Void> all = Future.succeededFuture();
        for (Row row : rows) {
          UUID space = row.getUUID(0);
          all = all.compose(v -> scores.rescore(space, Instant.now())
            .compose(current -> current == null ? Future.succeededFuture() : snapshot(space, current)));
        }
        all.onFailure(err -> LOG.log(Level.WARNING, "Daily culture snapshots failed", err));
      });
  }
}

package org.cadre.metrics;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import org.cadre.realtime.Addresses;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Tells open dashboards that a team's metrics may have moved: once per burst of changes to a team it publishes
 * {@code metrics.changed} on the team's address and on each of its ancestors' (there naming only the ancestor, so
 * viewers of a roll-up learn nothing about a team they cannot open). Clients refetch the metrics they show.
 */
public final class MetricsWatcher extends VerticleBase {

  private static final Logger LOG = Logger.getLogger(MetricsWatcher.class.getName());
  static final long DEBOUNCE_MS = 1_500;

  private final Pool pool;
  private final Map<UUID, Long> pending = new HashMap<>();
  private MessageConsumer<JsonObject> changes;

  public MetricsWatcher(Pool pool) {
    this.pool = pool;
  }

  @Override
  public Future<?> start() {
    changes = vertx.eventBus().consumer(Addresses.CHANGES, msg -> onChange(msg.body()));
    return changes.completion();
  }

  @Override
  public Future<?> stop() {
    return changes.unregister();
  }

  private void onChange(JsonObject change) {
    // A rename or a new description moves no figure.
    if ("space.updated".equals(change.getString("type"))) {
      return;
    }
    UUID space = UUID.fromString(change.getString("space"));
    // A burst publishes once, when its first change is DEBOUNCE_MS old: a steady stream still updates dashboards.
    pending.computeIfAbsent(space, s -> vertx.setTimer(DEBOUNCE_MS, id -> {
      pending.remove(s);
      announce(s);
    }));
  }

  private void announce(UUID space) {
    pool.preparedQuery("select path from spaces where id = $1 and kind = 'team'").execute(Tuple.of(space))
      .onSuccess(rows -> {
        for (Row row : rows) {
          vertx.eventBus().publish(Addresses.space(space), new JsonObject().put("type", "metrics.changed")
            .put("space", space.toString()));
          for (UUID ancestor : row.getArrayOfUUIDs("path")) {
            if (!ancestor.equals(space)) {
              vertx.eventBus().publish(Addresses.space(ancestor), new JsonObject().put("type", "metrics.changed")
                .put("space", ancestor.toString()));
            }
          }
        }
      })
      .onFailure(err -> LOG.log(Level.WARNING, "Could not announce metrics of space " + space, err));
  }
}

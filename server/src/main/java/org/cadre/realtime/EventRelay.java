package org.cadre.realtime;

import org.cadre.event.SpaceEvent;
import org.cadre.event.EventLog;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.pubsub.PgSubscriber;
import org.cadre.account.AccountRepository;
import org.cadre.space.AccessVersions;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * LISTENs for committed changes and relays them to this instance's event bus: each space's events are read
 * back from the log and published to {@code space.<id>} strictly in seq order, with no gap and no repeat,
 * however the notifications arrive. When the listening connection drops and comes back, every space seen so far
 * is read again from its last relayed seq, and every cached right is marked stale, since notifications were lost.
 * Access notices mark that user's cached rights stale and tell their open clients on {@code user.<id>};
 * credential notices (a logout, a deleted token) have the bridges close the connections opened with it;
 * presence notices update who is viewing which meeting ({@link Presence}).
 *
 * <p>One instance of this verticle runs per server; all its state lives on its own event loop.
 */
public final class EventRelay extends VerticleBase {

  private static final Logger LOG = Logger.getLogger(EventRelay.class.getName());
  private static final int BATCH = 500;
  private static final long RETRY_MS = 1_000;

  /** How far a space has been relayed, and how far it is known to go. */
  private static final class Cursor {
    long relayed;
    long known;
    boolean reading;

    Cursor(long relayed) {
      this.relayed = relayed;
      this.known = relayed;
    }
  }

  private final PgConnectOptions connectOptions;
  private final EventLog log;
  private final AccessVersions accessVersions;
  private final Map<UUID, Cursor> cursors = new HashMap<>();
  private Presence presence;
  private PgSubscriber subscriber;
  private final Counter relayed;
  private boolean subscribedBefore;
  /** Whether the LISTEN connection is up now; read by the readiness check from other threads. */
  private volatile boolean listening;
  private boolean stopped;

  public EventRelay(PgConnectOptions connectOptions, EventLog log, AccessVersions accessVersions, MeterRegistry meters) {
    this.connectOptions = connectOptions;
    this.log = log;
    this.accessVersions = accessVersions;
    this.relayed = Counter.builder("cadre.events.relayed").description("Space events relayed to this server's bus")
      .register(meters);
  }

  public boolean listening() {
    return listening;
  }

  @Override
  public Future<?> start() {
    subscriber = PgSubscriber.subscriber(vertx, connectOptions)
      .reconnectPolicy(attempt -> {
        // Called as soon as the connection drops, before every retry.
        if (attempt == 0) {
          listening = false;
          LOG.warning("Change listener disconnected; reconnecting");
          accessVersions.listenerLost();
        }
        return RETRY_MS;
      });
    subscriber.channel(EventLog.EVENTS_CHANNEL)
      .subscribeHandler(v -> onSubscribed())
      .handler(this::onEventNotice);
    subscriber.channel(EventLog.ACCESS_CHANNEL)
      .handler(this::onAccessNotice);
    presence = new Presence(vertx);
    subscriber.channel(Presence.CHANNEL).handler(presence::onNotice);
    vertx.setPeriodic(Presence.HEARTBEAT_MS / 2, id -> presence.expire());
    subscriber.channel(AccountRepository.CREDENTIALS_CHANNEL)
      .handler(digest -> vertx.eventBus().publish(Addresses.CREDENTIAL_REVOKED, digest));
    return subscriber.connect();
  }

  @Override
  public Future<?> stop() {
    stopped = true;
    listening = false;
    return subscriber.close();
  }

  private void onSubscribed() {
    listening = true;
    if (!subscribedBefore) {
      subscribedBefore = true;
      return;
    }
    LOG.info("Change listener reconnected; re-reading " + cursors.size() + " spaces");
    accessVersions.listenerBack();
    vertx.eventBus().publish(Addresses.CREDENTIALS_RECHECK, null);
    cursors.forEach((space, cursor) -> {
      cursor.known = Long.MAX_VALUE;
      pump(space, cursor);
    });
  }

  private void onEventNotice(String payload) {
    JsonObject notice = new JsonObject(payload);
    UUID space = UUID.fromString(notice.getString("space"));
    long seq = notice.getLong("seq");
    Cursor cursor = cursors.computeIfAbsent(space, id -> new Cursor(seq - 1));
    if (seq > cursor.known) {
      cursor.known = seq;
    }
    JsonObject carried = notice.getJsonObject("event");
    if (carried != null && !stopped && !cursor.reading && seq == cursor.relayed + 1) {
      // The next event, carried whole by its notice: relayed without reading the log.
      String actor = carried.getString("actor");
      relay(space, cursor, new SpaceEvent(space, seq, carried.getString("type"), carried.getJsonObject("payload"),
        actor == null ? null : UUID.fromString(actor), OffsetDateTime.parse(carried.getString("at")).toInstant()));
      return;
    }
    pump(space, cursor);
  }

  private void relay(UUID space, Cursor cursor, SpaceEvent event) {
    String address = Addresses.space(space);
    // The frame every subscriber of the space is sent, encoded once here; a String is handed to each local
    // consumer as is (no copy), and the seq header keeps each stream's ordering without parsing it.
    String frame = SpaceStream.eventFrame(address, event.toJson());
    vertx.eventBus().publish(address, frame, new DeliveryOptions().addHeader(SpaceStream.SEQ_HEADER, Long.toString(event.seq())));
    vertx.eventBus().publish(Addresses.CHANGES, new JsonObject().put("space", space.toString()).put("type", event.type()));
    cursor.relayed = event.seq();
    relayed.increment();
  }

  private void pump(UUID space, Cursor cursor) {
    if (stopped || cursor.reading || cursor.known <= cursor.relayed) {
      return;
    }
    cursor.reading = true;
    log.after(space, cursor.relayed, BATCH).onComplete(ar -> {
      cursor.reading = false;
      if (ar.failed()) {
        LOG.log(Level.WARNING, "Could not read events of space " + space + "; retrying", ar.cause());
        vertx.setTimer(RETRY_MS, t -> pump(space, cursor));
        return;
      }
      List<SpaceEvent> events = ar.result();
      for (SpaceEvent event : events) {
        relay(space, cursor, event);
      }
      if (events.isEmpty()) {
        // Nothing beyond what was relayed exists (yet): only a later notice can move this space on.
        cursor.known = cursor.relayed;
      }
      pump(space, cursor);
    });
  }

  private void onAccessNotice(String payload) {
    JsonObject notice = new JsonObject(payload);
    UUID user = UUID.fromString(notice.getString("user"));
    accessVersions.changed(user);
    vertx.eventBus().publish(Addresses.ACCESS_CHANGED, user.toString());
    vertx.eventBus().publish(Addresses.user(user),
      new JsonObject().put("type", "access.changed").put("spaceId", notice.getString("space")));
  }
}

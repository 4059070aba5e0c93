package org.cadre.realtime;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.buffer.ByteBufUtil;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.pubsub.PgSubscriber;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.Tuple;
import org.cadre.account.AccountRepository;
import org.cadre.event.EventFanout;
import org.cadre.event.EventLog;
import org.cadre.event.SpaceEvent;
import org.cadre.space.AccessVersions;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Relays committed changes to this instance's event bus, and tells the other instances of this one's: events
 * committed here arrive whole ({@link #committed}) and are published at once, then announced on
 * {@link EventLog#EVENTS_CHANNEL} in batches, on a connection of their own that does not wait for the WAL flush (a
 * notification carries nothing that must survive a crash); the other instances' announcements arrive by LISTEN.
 * Either way each space's events are published to {@code space.<id>} strictly in seq order, with no gap and no
 * repeat (a gap is read from the log first). Every few seconds the seqs of the spaces seen so far are compared with
 * the database, so an announcement lost with a server that died between a commit and its notification only
 * delays that event. When the listening connection drops and comes back, every space seen so far is read again
 * from its last relayed seq, and every cached right is marked stale, since notifications were lost.
 * Access notices mark that user's cached rights stale and tell their open clients on {@code user.<id>};
 * credential notices (a logout, a deleted token) have the bridges close the connections opened with it;
 * presence notices update who is viewing which meeting ({@link Presence}).
 *
 * <p>One instance of this verticle runs per server; all its state lives on its own event loop.
 */
public final class EventRelay extends VerticleBase implements EventFanout {

  private static final Logger LOG = Logger.getLogger(EventRelay.class.getName());
  private static final int BATCH = 500;
  private static final long RETRY_MS = 1_000;
  /** How often the spaces seen so far are checked against the database for an announcement that never came. */
  private static final long SWEEP_MS = 5_000;
  /** PostgreSQL refuses a notification payload of 8,000 bytes or more. */
  private static final int NOTICE_LIMIT = 7_900;
  /** Notifications sent in one statement at most. */
  private static final int NOTICES_PER_BATCH = 64;
  /**
   * After an announcement, the next waits this long: under load the changes of those milliseconds share one
   * statement (each notifying commit wakes every listening backend and takes the notification queue's lock), while a
   * lone change after a quiet spell still leaves at once.
   */
  private static final long LINGER_MS = 5;

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
  /** Starts every notification this server sends, so its own are skipped without parsing them. */
  private final String ownPrefix = "{\"from\":\"" + UUID.randomUUID() + "\",\"notices\":[";
  /** Announcements of events committed here, encoded, waiting for the next batch. */
  private final ArrayDeque<String> outgoing = new ArrayDeque<>();
  /** Events committed before this verticle started (the demo seeded at start-up); only ever touched under its lock. */
  private final List<SpaceEvent> early = new ArrayList<>();
  private volatile Context home;
  private Pool notices;
  private boolean announcing;
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
    notices = PgBuilder.pool()
      .with(new PoolOptions().setName("cadre-notices").setMaxSize(1))
      .connectingTo(new PgConnectOptions(connectOptions).addProperty("synchronous_commit", "off"))
      .using(vertx)
      .build();
    synchronized (early) {
      home = context;
      early.forEach(this::local);
      early.clear();
    }
    vertx.setPeriodic(SWEEP_MS, id -> sweep());
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
    return Future.join(subscriber.close(), notices.close());
  }

  /** Called on any thread once the transaction that appended the event has committed. */
  @Override
  public void committed(SpaceEvent event) {
    Context now = home;
    if (now == null) {
      synchronized (early) {
        if (home == null) {
          early.add(event);
          return;
        }
        now = home;
      }
    }
    now.runOnContext(v -> local(event));
  }

  private void local(SpaceEvent event) {
    arrived(event.space(), event.seq(), event);
    JsonObject json = event.toJson();
    JsonObject notice = new JsonObject().put("space", json.getString("space")).put("seq", event.seq()).put("event", json);
    String encoded = notice.encode();
    outgoing.add(ownPrefix.length() + ByteBufUtil.utf8Bytes(encoded) + 3 < NOTICE_LIMIT ? encoded
      : new JsonObject().put("space", json.getString("space")).put("seq", event.seq()).encode());
    announce();
  }

  /** Sends what is waiting, one batch at a time: changes committed meanwhile share the next statement. */
  private void announce() {
    if (announcing || outgoing.isEmpty() || stopped) {
      return;
    }
    announcing = true;
    List<String> payloads = new ArrayList<>();
    List<String> taken = new ArrayList<>();
    StringBuilder payload = new StringBuilder(ownPrefix);
    int bytes = ownPrefix.length() + 2;
    while (!outgoing.isEmpty() && payloads.size() < NOTICES_PER_BATCH) {
      String notice = outgoing.peek();
      int size = ByteBufUtil.utf8Bytes(notice) + 1;
      if (bytes + size >= NOTICE_LIMIT && payload.length() > ownPrefix.length()) {
        payloads.add(payload.append("]}").toString());
        payload = new StringBuilder(ownPrefix);
        bytes = ownPrefix.length() + 2;
        continue;
      }
      if (payload.length() > ownPrefix.length()) {
        payload.append(',');
      }
      payload.append(notice);
      bytes += size;
      taken.add(outgoing.poll());
    }
    if (payload.length() > ownPrefix.length()) {
      payloads.add(payload.append("]}").toString());
    }
    notices.preparedQuery("select pg_notify($1, n) from unnest($2::text[]) as n")
      .execute(Tuple.tuple().addString(EventLog.EVENTS_CHANNEL).addArrayOfString(payloads.toArray(new String[0])))
      .onComplete(ar -> {
        if (ar.failed()) {
          announcing = false;
          LOG.log(Level.WARNING, "Could not announce " + taken.size() + " events; retrying", ar.cause());
          for (int i = taken.size() - 1; i >= 0; i--) {
            outgoing.addFirst(taken.get(i));
          }
          vertx.setTimer(RETRY_MS, t -> announce());
          return;
        }
        vertx.setTimer(LINGER_MS, t -> {
          announcing = false;
          announce();
        });
      });
  }

  /** Moves on every space whose seq in the database is past what was relayed here. */
  private void sweep() {
    if (stopped || cursors.isEmpty()) {
      return;
    }
    log.seqs(new ArrayList<>(cursors.keySet())).onSuccess(seqs -> seqs.forEach((space, seq) -> {
      Cursor cursor = cursors.get(space);
      if (cursor != null && seq > cursor.known) {
        cursor.known = seq;
        pump(space, cursor);
      }
    }));
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
    if (payload.startsWith(ownPrefix)) {
      return; // published here when committed
    }
    JsonArray notices = new JsonObject(payload).getJsonArray("notices");
    for (int i = 0; i < notices.size(); i++) {
      JsonObject notice = notices.getJsonObject(i);
      JsonObject carried = notice.getJsonObject("event");
      arrived(UUID.fromString(notice.getString("space")), notice.getLong("seq"),
        carried == null ? null : SpaceEvent.fromJson(carried));
    }
  }

  /** An event is known to exist: relayed at once when it is the next one and here whole, else read from the log. */
  private void arrived(UUID space, long seq, SpaceEvent event) {
    Cursor cursor = cursors.computeIfAbsent(space, id -> new Cursor(seq - 1));
    if (seq > cursor.known) {
      cursor.known = seq;
    }
    if (event != null && !stopped && !cursor.reading && seq == cursor.relayed + 1) {
      relay(space, cursor, event);
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

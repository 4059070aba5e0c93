package org.cadre.realtime;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.handler.sockjs.SockJSSocket;
import org.cadre.account.Principal;
import org.cadre.event.EventLog;
import org.cadre.event.SpaceEvent;
import org.cadre.space.Access;
import org.cadre.space.SpaceAccess;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One socket's subscription to one space: what reaches the client on {@code space.<id>}, strictly in seq order.
 *
 * <p>Everything published to the space (relayed events, presence, culture scores) and every request to re-check
 * the caller's access enters one FIFO, and one item at a time is taken from it: its access check runs, and only
 * when that check has answered is the item written or dropped and the next one taken. However the access cache
 * completes its loads, a later item can never overtake an earlier one. The stream remembers the last seq it sent:
 * an event at or below it is a duplicate and dropped; one beyond the next is a gap, filled from the log first.
 *
 * <p>Subscribing with {@code afterSeq} first sends the log's events after it (the FIFO holds live events meanwhile,
 * so there is no gap and, by the seq check, no duplicate), or {@code resync} when there are more than
 * {@link #BACKLOG_LIMIT}, then {@code subscribed}. Without {@code afterSeq} it starts at the space's current seq.
 * All state lives on the socket's event loop.
 *
 * <p>Relayed events arrive already encoded as the frame to send ({@link #eventFrame}, made once per event for every
 * subscriber), with their seq in a header; notices without seq arrive as JSON and are encoded here.
 */
final class SpaceStream {

  /** Above this many missed events the client is told to reload ({@code resync}) rather than sent them. */
  static final int BACKLOG_LIMIT = 2_000;
  private static final long RETRY_MS = 1_000;
  private static final Logger LOG = Logger.getLogger(SpaceStream.class.getName());
  /** Marks a request to re-check access in the FIFO, where it keeps its place among the events. */
  private static final JsonObject RECHECK = new JsonObject();
  /** The header carrying a relayed event's seq. */
  static final String SEQ_HEADER = "seq";

  /** A relayed event: its seq and its frame, encoded once for every subscriber. */
  private record Encoded(long seq, String frame) {
  }

  private final Vertx vertx;
  private final SockJSSocket socket;
  private final Principal caller;
  private final UUID space;
  private final String address;
  private final SpaceAccess access;
  private final EventLog log;
  private final Consumer<SpaceStream> revoked;
  private final ArrayDeque<Object> inbox = new ArrayDeque<>(); // Encoded events and JSON notices
  private MessageConsumer<Object> consumer;
  private long lastSent;
  private boolean started;
  private boolean busy;
  private boolean closed;

  SpaceStream(Vertx vertx, SockJSSocket socket, Principal caller, UUID space, SpaceAccess access, EventLog log,
              Consumer<SpaceStream> revoked) {
    this.vertx = vertx;
    this.socket = socket;
    this.caller = caller;
    this.space = space;
    this.address = Addresses.space(space);
    this.access = access;
    this.log = log;
    this.revoked = revoked;
  }

  UUID space() {
    return space;
  }

  Principal caller() {
    return caller;
  }

  /** Listens to the space, then sends the backlog after {@code afterSeq} (null: none) and {@code subscribed}. */
  void open(Long afterSeq) {
    busy = true;
    consumer = vertx.eventBus().localConsumer(address, message -> offer(message.body() instanceof String frame
      ? new Encoded(Long.parseLong(message.headers().get(SEQ_HEADER)), frame) : message.body()));
    // Live events published from now on are held in the FIFO; the backlog is read only once they are.
    consumer.completion().onComplete(v -> resume(afterSeq));
  }

  private void resume(Long afterSeq) {
    if (closed) {
      return;
    }
    log.lastSeq(space).compose(current -> {
      long from = afterSeq == null ? current : Math.min(afterSeq, current);
      if (current - from > BACKLOG_LIMIT) {
        lastSent = current;
        write(frame("resync").put("seq", current));
        return Future.succeededFuture();
      }
      lastSent = from;
      return sendFromLog(current);
    }).onComplete(ar -> {
      if (ar.failed()) {
        LOG.log(Level.WARNING, "Could not resume " + address + "; retrying", ar.cause());
        vertx.setTimer(RETRY_MS, t -> resume(afterSeq));
        return;
      }
      if (!closed) {
        write(frame("subscribed").put("seq", lastSent));
        started = true;
        busy = false;
        pump();
      }
    });
  }

  /** Queues what was published to the space, in arrival order. */
  void offer(Object body) {
    if (!closed) {
      inbox.add(body);
      pump();
    }
  }

  /** Queues a re-check of the caller's access, behind what is already queued: a membership may have changed. */
  void recheck() {
    offer(RECHECK);
  }

  /** Stops listening; nothing more is sent. */
  void close() {
    closed = true;
    inbox.clear();
    if (consumer != null) {
      consumer.unregister();
    }
  }

  /** Takes items one at a time; a step that has to wait resumes the loop when it is done (no recursion otherwise). */
  private void pump() {
    while (started && !busy && !closed && !inbox.isEmpty()) {
      Object next = inbox.poll();
      busy = true;
      Future<Void> step = step(next);
      if (!step.isComplete()) {
        step.onComplete(ar -> stepped(next, ar.failed() ? ar.cause() : null));
        return;
      }
      stepped(next, step.failed() ? step.cause() : null);
    }
  }

  private void stepped(Object item, Throwable failure) {
    if (failure == null) {
      busy = false;
      pump();
      return;
    }
    // The item keeps its place: nothing behind it goes out before it has.
    LOG.log(Level.WARNING, "Could not deliver to " + address + "; retrying", failure);
    inbox.addFirst(item);
    vertx.setTimer(RETRY_MS, t -> {
      busy = false;
      pump();
    });
  }

  private Future<Void> step(Object item) {
    return access.of(caller, space).compose(granted -> {
      if (!granted.allows(Access.READ)) {
        revoke();
        return Future.succeededFuture();
      }
      if (item == RECHECK) {
        return Future.succeededFuture();
      }
      if (item instanceof Encoded encoded) {
        return deliver(encoded);
      }
      // Presence and culture scores carry no seq: they are sent as they come.
      write(event((JsonObject) item));
      return Future.succeededFuture();
    });
  }

  private Future<Void> deliver(Encoded event) {
    long seq = event.seq();
    if (seq <= lastSent) {
      return Future.succeededFuture();
    }
    Future<Void> before = seq == lastSent + 1 ? Future.succeededFuture() : sendFromLog(seq - 1);
    return before.map(v -> {
      if (seq > lastSent && !closed) {
        socket.write(event.frame());
        lastSent = seq;
      }
      return null;
    });
  }

  /** Sends the logged events after {@link #lastSent} up to {@code until}, or {@code resync} past the limit. */
  private Future<Void> sendFromLog(long until) {
    long missing = until - lastSent;
    if (missing <= 0) {
      return Future.succeededFuture();
    }
    if (missing > BACKLOG_LIMIT) {
      lastSent = until;
      write(frame("resync").put("seq", until));
      return Future.succeededFuture();
    }
    return log.after(space, lastSent, (int) missing).map(events -> {
      for (SpaceEvent event : events) {
        if (!closed && event.seq() > lastSent) {
          write(event(event.toJson()));
          lastSent = event.seq();
        }
      }
      return null;
    });
  }

  private void revoke() {
    if (closed) {
      return;
    }
    write(frame("unsubscribed").put("reason", "access_revoked"));
    close();
    revoked.accept(this);
  }

  private JsonObject frame(String type) {
    return new JsonObject().put("type", type).put("address", address).put("serverTime", Instant.now().toString());
  }

  private static JsonObject event(JsonObject body) {
    return body.put("serverTime", Instant.now().toString());
  }

  private void write(JsonObject body) {
    if (!closed) {
      socket.write(frame(address, body));
    }
  }

  private static String frame(String address, JsonObject body) {
    return new JsonObject().put("type", "rec").put("address", address).put("body", body).encode();
  }

  /** The frame of a relayed event, as every subscriber of the space receives it, stamped with the time it is sent. */
  static String eventFrame(String address, JsonObject event) {
    return frame(address, event(event));
  }
}

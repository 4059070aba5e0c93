package org.cadre.bench.load;

import io.vertx.core.http.WebSocket;
import io.vertx.core.json.JsonObject;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One simulated client: its socket, the person it is signed in as (its group) and, per followed space, the last seq
 * it applied. It checks what it receives: events of a space arrive in seq order with no gap or duplicate.
 */
final class Client {

  /** A rename seen by a client: the space, its seq and the rename's name. */
  record Seen(String space, long seq, String name, long receivedNanos) {
  }

  final int index;
  final int group;
  WebSocket socket;
  private final Map<String, long[]> lastSeq = new HashMap<>(); // space -> {last seq applied}
  private final Map<String, Runnable> waiting = new HashMap<>();
  private final Consumer<Seen> sink;
  long outOfOrder;

  Client(int index, int group, Consumer<Seen> sink) {
    this.index = index;
    this.group = group;
    this.sink = sink;
  }

  /** The target answers the subscription: the seq it starts from. */
  synchronized void subscribed(String space, long seq) {
    lastSeq.put(space, new long[] {seq});
    Runnable done = waiting.remove(space);
    if (done != null) {
      done.run();
    }
  }

  synchronized void awaitSubscribed(String space, Runnable done) {
    waiting.put(space, done);
  }

  /** An event of a followed space; anything other than the next seq is counted as out of order. */
  void event(String space, long seq, JsonObject payload) {
    long now = System.nanoTime();
    synchronized (this) {
      long[] last = lastSeq.get(space);
      if (last == null) {
        return; // before the subscription was confirmed: the subscribed seq covers it
      }
      if (seq <= last[0]) {
        return; // already applied (a replay)
      }
      if (seq != last[0] + 1) {
        outOfOrder++;
      }
      last[0] = seq;
    }
    String name = payload == null ? null : payload.getString("name");
    if (name != null) {
      sink.accept(new Seen(space, seq, name, now));
    }
  }

  /** Cadre's bridge closes a socket that has not pinged for 60 s; the peer ignores it. */
  void ping() {
    if (socket != null && !socket.isClosed()) {
      socket.writeTextMessage("{\"type\":\"ping\"}");
    }
  }
}

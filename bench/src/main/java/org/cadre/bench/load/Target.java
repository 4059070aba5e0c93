package org.cadre.bench.load;

import io.vertx.core.Future;

import java.util.List;
import java.util.Map;

/** A server under load, Cadre or the peer, driven the same way: spaces, clients that follow them, renames. */
interface Target {

  String name();

  /** Creates the spaces and whoever may follow them, for clients grouped into {@code groups} people. */
  Future<List<String>> prepare(int spaces, int groups);

  /** Opens a client's connection (signed in as its group's person, where the target has people). */
  Future<Void> connect(Client client);

  /** Subscribes an open client to a space; completes once the server says it is subscribed. */
  Future<Void> subscribe(Client client, String space);

  /** Renames a space; completes with the change's seq once the server acknowledged it (after its COMMIT). */
  Future<Long> edit(String space, String name);

  /** The clients and database the harness holds to this target. */
  Links links();

  /** The table of the target's event log. */
  String eventTable();

  /** How many times each stored rename whose name starts with {@code prefix} is in the target's log. */
  default Future<Map<String, Integer>> stored(String prefix) {
    return links().db().renames(eventTable(), prefix);
  }

  /** Transactions its database has committed so far. */
  default Future<Long> commits() {
    return links().db().commits();
  }

  default Future<Void> close() {
    return links().close();
  }
}

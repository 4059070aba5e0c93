package org.cadre.bench.load;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.HdrHistogram.Histogram;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The clients of one run and the spaces they follow. Clients are grouped into people (a person per group, a
 * member of the group's spaces); space i belongs to group i % groups and is followed by {@code perSpace} of its
 * group's clients, spread evenly.
 */
final class Fleet {

  /** As often as the web client pings. */
  private static final long PING_MS = 20_000;
  private static final long PING_TICK_MS = 50;
  /** Clients are pinged in this many slices, one slice a tick. */
  private static final int PING_SLICES = (int) (PING_MS / PING_TICK_MS);

  final List<String> spaces;
  final List<Client> clients = new ArrayList<>();
  final int[] followers; // per space
  final int groups;
  final Histogram connectNanos = new Histogram(3_600_000_000_000L, 3);
  private final Target target;
  private final int perSpace;

  private Fleet(Target target, List<String> spaces, int clients, int perSpace, int groups, Consumer<Client.Seen> sink) {
    this.target = target;
    this.spaces = spaces;
    this.perSpace = perSpace;
    this.groups = groups;
    this.followers = new int[spaces.size()];
    for (int c = 0; c < clients; c++) {
      this.clients.add(new Client(c, c % groups, sink));
    }
  }

  /** People enough that each group has at least {@code perSpace} clients, and at most 50 of them. */
  static int groupsFor(int spaces, int clients, int perSpace) {
    return Math.max(1, Math.min(50, Math.min(spaces, clients / Math.max(1, perSpace))));
  }

  static Future<Fleet> prepare(Target target, int spaces, int clients, int perSpace, Consumer<Client.Seen> sink) {
    int groups = groupsFor(spaces, clients, perSpace);
    return target.prepare(spaces, groups).map(ids -> new Fleet(target, ids, clients, perSpace, groups, sink));
  }

  /** Connects every client and subscribes it to its spaces, timing each client from its start to its last subscription. */
  Future<Void> connect(Vertx vertx) {
    List<List<Integer>> follows = assignments();
    // Each client pings on a phase of its own, as browsers opened at different times do: a slice of them every tick,
    // not all 15,000 in one burst that would stall whatever edits are in flight.
    long[] tick = {0};
    vertx.setPeriodic(PING_TICK_MS, id -> {
      int slice = (int) (tick[0]++ % PING_SLICES);
      for (int c = slice; c < clients.size(); c += PING_SLICES) {
        clients.get(c).ping();
      }
    });
    return Batches.of(clients.size(), c -> {
      Client client = clients.get(c);
      long start = System.nanoTime();
      return target.connect(client)
        .compose(v -> Future.all(follows.get(c).stream().map(space -> target.subscribe(client, spaces.get(space))).toList()))
        .map(v -> {
          synchronized (connectNanos) {
            connectNanos.recordValue(System.nanoTime() - start);
          }
          return null;
        });
    }).mapEmpty();
  }

  /** For each client, the indexes of the spaces it follows. */
  private List<List<Integer>> assignments() {
    List<List<Integer>> follows = new ArrayList<>();
    clients.forEach(c -> follows.add(new ArrayList<>()));
    for (int g = 0; g < groups; g++) {
      List<Integer> mine = new ArrayList<>();
      for (int c = g; c < clients.size(); c += groups) {
        mine.add(c);
      }
      int slot = 0;
      for (int s = g; s < spaces.size(); s += groups) {
        Set<Integer> taken = new HashSet<>();
        for (int k = 0; k < perSpace && taken.size() < mine.size(); k++) {
          int client = mine.get(slot++ % mine.size());
          if (taken.add(client)) {
            follows.get(client).add(s);
            followers[s]++;
          }
        }
      }
    }
    return follows;
  }

  long outOfOrder() {
    return clients.stream().mapToLong(c -> c.outOfOrder).sum();
  }

  int subscriptions() {
    int total = 0;
    for (int n : followers) {
      total += n;
    }
    return total;
  }
}

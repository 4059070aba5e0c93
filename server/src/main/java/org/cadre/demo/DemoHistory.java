package org.cadre.demo;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import org.cadre.demo.DemoTeams.Plan;
import org.cadre.realtime.Commands;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

/**
 * Several months of meeting history for each demo team, ending at {@code now}, so that a newcomer lands in a living
 * network: charters, goals and agreements, weekly or fortnightly meetings with agendas, attendance, protocols,
 * decisions, feedback, equity analyses and action items, and a meeting or two coming up. It is made with the same
 * commands people use (see {@link TeamReplay}); the teams differ on purpose (see {@link DemoTeams}). A team that
 * already has meetings is left alone, so seeding again adds nothing.
 */
final class DemoHistory {

  private final Commands commands;
  private final Pool pool;
  private final Map<String, UUID> people;
  private final Instant now;

  /**
   * @param commands every board command and {@code rating.record}
   * @param people   user ids by demo person key
   */
  DemoHistory(Commands commands, Pool pool, Map<String, UUID> people, Instant now) {
    this.commands = commands;
    this.pool = pool;
    this.people = people;
    this.now = now;
  }

  /** Gives each team (space ids by plan key) its history unless it has meetings already. */
  Future<Void> seed(Map<String, UUID> teams) {
    Future<Void> chain = Future.succeededFuture();
    for (Plan plan : DemoTeams.PLANS) {
      UUID space = teams.get(plan.key());
      chain = chain.compose(v -> hasMeetings(space)).compose(has -> has ? Future.succeededFuture() : replay(plan, space));
    }
    return chain;
  }

  private Future<Boolean> hasMeetings(UUID space) {
    return pool.preparedQuery("select exists (select 1 from meetings where space_id = $1)").execute(Tuple.of(space))
      .map(rows -> rows.iterator().next().getBoolean(0));
  }

  private Future<Void> replay(Plan plan, UUID space) {
    TeamReplay replay = new TeamReplay(commands, plan, space, people, now);
    return rosterSince(space, replay.begins()).compose(v -> replay.run());
  }

  /**
   * The demo's memberships were made just now, but a meeting's roster is who had joined by its start: without
   * this, every past meeting would have nobody expected at it. No command joins someone in the past, hence SQL.
   */
  private Future<Void> rosterSince(UUID space, Instant since) {
    return pool.preparedQuery("update memberships set joined_at = $2 where space_id = $1 and left_at is null and joined_at > $2")
      .execute(Tuple.of(space, OffsetDateTime.ofInstant(since, ZoneOffset.UTC)))
      .mapEmpty();
  }
}

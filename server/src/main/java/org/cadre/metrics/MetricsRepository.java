package org.cadre.metrics;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The metrics' own reads: which teams a set of figures covers. The figures themselves come from the history. */
final class MetricsRepository {

  /** A team the figures are about, with the seq of its log (where a live dashboard starts following it). */
  record Team(UUID id, String name, long seq) {
  }

  private final Pool pool;

  MetricsRepository(Pool pool) {
    this.pool = pool;
  }

  /** The space's kind, or null when there is no such space. */
  Future<String> kind(UUID space) {
    return pool.preparedQuery("select kind from spaces where id = $1").execute(Tuple.of(space))
      .map(rows -> rows.size() == 0 ? null : rows.iterator().next().getString("kind"));
  }

  /** The open teams at or below a space, by name. */
  Future<List<Team>> teamsWithin(UUID space) {
    return teams("select id, name, seq from spaces where $1 = any(path) and kind = 'team' and archived_at is null "
      + "order by name, id", space);
  }

  /** The open teams a person belongs to and leads, or facilitates a meeting of. */
  Future<List<Team>> teamsFacilitatedBy(UUID user) {
    return teams("select s.id, s.name, s.seq from spaces s join memberships m on m.space_id = s.id and m.user_id = $1 "
      + "and m.left_at is null where s.kind = 'team' and s.archived_at is null and (m.role = 'lead' "
      + "or exists (select 1 from meetings mt where mt.space_id = s.id and mt.facilitator_id = $1)) order by s.name, s.id", user);
  }

  private Future<List<Team>> teams(String sql, UUID param) {
    return pool.preparedQuery(sql).execute(Tuple.of(param)).map(rows -> {
      List<Team> teams = new ArrayList<>();
      for (Row row : rows) {
        teams.add(new Team(row.getUUID("id"), row.getString("name"), row.getLong("seq")));
      }
      return teams;
    });
  }
}

package org.cadre.culture;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The SQL of the roll-up: the teams below a space, each with the space one level below it that holds the team. */
public final class RollupRepository {

  /**
   * A team below the roll-up's space. {@code groupId} is the space just below the roll-up's space on the team's
   * path (a district of a network, a site of a district), or the team itself when it sits directly in that space.
   * {@code today}: its score now, from a snapshot taken today at its current seq; null when there is none.
   */
  record TeamRow(UUID id, String name, UUID groupId, String groupName, String groupKind, JsonObject today) {
  }

  private final Pool pool;

  public RollupRepository(Pool pool) {
    this.pool = pool;
  }

  /** A space's kind (its wire name) and name. */
  record SpaceRow(String kind, String name) {
  }

  /** The space, or null when there is no such space. */
  Future<SpaceRow> space(UUID spaceId) {
    return pool.preparedQuery("select kind, name from spaces where id = $1").execute(Tuple.of(spaceId))
      .map(rows -> rows.size() == 0 ? null
        : new SpaceRow(rows.iterator().next().getString("kind"), rows.iterator().next().getString("name")));
  }

  /** The live teams below the space, by name, each with today's snapshot at its current seq when there is one. */
  Future<List<TeamRow>> teams(UUID spaceId, LocalDate week, OffsetDateTime today) {
    return pool.preparedQuery("select t.id, t.name, g.id as group_id, g.name as group_name, g.kind as group_kind, "
        + "c.summary as today "
        + "from spaces t join spaces g on g.id = t.path[array_position(t.path, $1) + 1] "
        + "left join culture_snapshots c on c.space_id = t.id and c.week = $2 and c.seq = t.seq and c.taken_at >= $3 "
        + "where $1 = any(t.path) and t.id <> $1 and t.kind = 'team' and t.archived_at is null order by t.name, t.id")
      .execute(Tuple.of(spaceId, week, today))
      .map(rows -> {
        List<TeamRow> teams = new ArrayList<>();
        for (Row row : rows) {
          teams.add(new TeamRow(row.getUUID("id"), row.getString("name"), row.getUUID("group_id"),
            row.getString("group_name"), row.getString("group_kind"), (JsonObject) row.getJson("today")));
        }
        return teams;
      });
  }
}

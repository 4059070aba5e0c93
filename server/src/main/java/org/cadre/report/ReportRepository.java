package org.cadre.report;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What the report reads that no other feature hands out as plain values: space names, open action items. */
final class ReportRepository {

  /** The open items shown, and how many there are in all. */
  record OpenActions(List<TeamReport.Action> shown, int total) {
  }

  private final Pool pool;

  ReportRepository(Pool pool) {
    this.pool = pool;
  }

  Future<Map<UUID, String>> names(List<UUID> ids) {
    return pool.preparedQuery("select id, name from spaces where id = any($1)")
      .execute(Tuple.of(ids.toArray(UUID[]::new)))
      .map(rows -> {
        Map<UUID, String> names = new HashMap<>();
        rows.forEach(row -> names.put(row.getUUID("id"), row.getString("name")));
        return names;
      });
  }

  Future<OpenActions> openActions(UUID spaceId, int limit) {
    return pool.preparedQuery("select a.title, a.due_date, a.status, u.name as owner, count(*) over () as total "
        + "from action_items a left join users u on u.id = a.owner_id "
        + "where a.space_id = $1 and a.deleted_at is null and a.status in ('open', 'in-progress') "
        + "order by a.due_date nulls last, a.rank, a.id limit $2")
      .execute(Tuple.of(spaceId, limit))
      .map(rows -> {
        List<TeamReport.Action> shown = new ArrayList<>();
        int total = 0;
        for (Row row : rows) {
          LocalDate due = row.getLocalDate("due_date");
          shown.add(new TeamReport.Action(row.getString("title"), row.getString("owner"), due, row.getString("status")));
          total = row.getInteger("total");
        }
        return new OpenActions(shown, total);
      });
  }
}

package org.cadre.culture;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.cadre.http.JsonBody;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The roll-up of the teams below a site, district or network, built from each team's score. A team the viewer may
 * open is listed with its name, its levels row by row, and its place in the status-by-change grid; any other team
 * only adds to counts (levels overall and per row, grid cells, needing support, its group's size), so nothing of it
 * but those numbers leaves the server. Groups are the spaces one level below (sites of a district, districts of a
 * network), named only when the viewer may see them.
 */
final class Rollup {

  /** The grid's rows, top to bottom, and its columns, left to right, as the seed's dashboard lays them out. */
  static final List<Status> STATUS_ROWS = List.of(Status.VERY_HIGH, Status.HIGH, Status.MEDIUM, Status.LOW, Status.VERY_LOW);
  static final List<Change> CHANGE_COLUMNS = List.of(Change.values());
  private static final List<String> LEVELS = List.of("emerging", "developing", "transforming", "insufficient", "not-rated");

  /** The space below the roll-up's that holds a team; {@code visible}: the viewer may know its name. */
  record Group(UUID id, String name, String kind, boolean visible) {
  }

  /** One scored team; {@code visible}: the viewer may open it. */
  record Entry(UUID team, String name, Group group, boolean visible, JsonObject score) {

    String level() {
      return score.getString("level");
    }

    /** Emerging overall, or declined since the window before (culture-continuum.md, Roll-ups). */
    boolean needsSupport() {
      String change = score.getString("change");
      return "emerging".equals(level()) || "declined".equals(change) || "declined-significantly".equals(change);
    }
  }

  private Rollup() {
  }

  /** Of a team's score, only what the roll-up reads: the snapshot keeps it beside the whole score. */
  static JsonObject summary(JsonObject score) {
    JsonArray rows = new JsonArray();
    for (Object o : score.getJsonArray("rows")) {
      JsonObject row = (JsonObject) o;
      rows.add(new JsonObject().put("id", row.getString("id")).put("level", row.getString("level")));
    }
    return new JsonObject().put("level", score.getString("level")).put("score", score.getValue("score"))
      .put("meetingsHeld", score.getValue("meetingsHeld")).put("status", score.getString("status"))
      .put("change", score.getString("change")).put("colour", score.getString("colour")).put("rows", rows);
  }

  static JsonObject json(UUID spaceId, String kind, Instant asOf, List<Entry> entries) {
    // Needing support first, then lowest score first (no score last), then by name: the teams to look at on top.
    List<Entry> ordered = new ArrayList<>(entries);
    ordered.sort(Comparator.comparing((Entry e) -> !e.needsSupport())
      .thenComparing(e -> e.score().getDouble("score"), Comparator.nullsLast(Comparator.naturalOrder()))
      .thenComparing(Entry::name).thenComparing(Entry::team));

    JsonObject levels = counts();
    Map<String, JsonObject> rows = new LinkedHashMap<>();
    Rubric.ROWS.forEach(row -> rows.put(row, counts()));
    Map<String, JsonObject> cells = new LinkedHashMap<>();
    for (Status status : STATUS_ROWS) {
      for (Change change : CHANGE_COLUMNS) {
        cells.put(cell(JsonBody.wireName(status), JsonBody.wireName(change)), new JsonObject()
          .put("status", JsonBody.wireName(status)).put("change", JsonBody.wireName(change))
          .put("colour", JsonBody.wireName(Colour.of(status, change)))
          .put("teams", new JsonArray()).put("hiddenTeams", 0));
      }
    }
    JsonObject unplaced = new JsonObject().put("teams", new JsonArray()).put("hiddenTeams", 0);
    Map<Group, JsonObject> groups = new LinkedHashMap<>();
    JsonArray teams = new JsonArray();
    JsonArray support = new JsonArray();
    int hidden = 0;
    int needing = 0;

    for (Entry entry : ordered) {
      JsonObject score = entry.score();
      increment(levels, entry.level());
      JsonObject teamRows = new JsonObject();
      for (Object o : score.getJsonArray("rows")) {
        JsonObject row = (JsonObject) o;
        increment(rows.get(row.getString("id")), row.getString("level"));
        teamRows.put(row.getString("id"), row.getString("level"));
      }
      String status = score.getString("status");
      JsonObject place = status == null ? unplaced : cells.get(cell(status, score.getString("change")));
      JsonObject group = groups.computeIfAbsent(entry.group(), Rollup::group);
      group.put("teamCount", group.getInteger("teamCount") + 1);
      increment(group.getJsonObject("levels"), entry.level());
      if (entry.needsSupport()) {
        needing++;
      }
      if (!entry.visible()) {
        hidden++;
        place.put("hiddenTeams", place.getInteger("hiddenTeams") + 1);
        group.put("hiddenTeams", group.getInteger("hiddenTeams") + 1);
        continue;
      }
      JsonObject named = new JsonObject().put("spaceId", entry.team().toString()).put("name", entry.name());
      place.getJsonArray("teams").add(named);
      group.getJsonArray("teams").add(entry.team().toString());
      JsonObject team = named.copy()
        .put("groupId", entry.group().visible() ? entry.group().id().toString() : null)
        .put("level", entry.level())
        .put("score", score.getValue("score"))
        .put("meetingsHeld", score.getValue("meetingsHeld"))
        .put("status", status)
        .put("change", score.getString("change"))
        .put("colour", score.getString("colour"))
        .put("needsSupport", entry.needsSupport())
        .put("rows", teamRows);
      teams.add(team);
      if (entry.needsSupport()) {
        support.add(team.copy());
      }
    }

    // Named groups by name, then those the viewer may not know, which carry no id or name.
    List<JsonObject> groupList = new ArrayList<>(groups.values());
    groupList.sort(Comparator.comparing((JsonObject g) -> g.getString("name") == null)
      .thenComparing(g -> g.getString("name") == null ? "" : g.getString("name")));
    return new JsonObject()
      .put("spaceId", spaceId.toString())
      .put("kind", kind)
      .put("asOf", asOf.toString())
      .put("teamCount", entries.size())
      .put("hiddenTeams", hidden)
      .put("levels", levels)
      .put("rows", new JsonObject(new LinkedHashMap<>(rows)))
      .put("needsSupportCount", needing)
      .put("needsSupport", support)
      .put("grid", new JsonObject()
        .put("statuses", new JsonArray(STATUS_ROWS.stream().map(JsonBody::wireName).toList()))
        .put("changes", new JsonArray(CHANGE_COLUMNS.stream().map(JsonBody::wireName).toList()))
        .put("cells", new JsonArray(new ArrayList<>(cells.values())))
        .put("unplaced", unplaced))
      .put("groups", new JsonArray(groupList))
      .put("teams", teams);
  }

  private static JsonObject group(Group group) {
    return new JsonObject()
      .put("spaceId", group.visible() ? group.id().toString() : null)
      .put("name", group.visible() ? group.name() : null)
      .put("kind", group.kind())
      .put("teamCount", 0)
      .put("hiddenTeams", 0)
      .put("levels", counts())
      .put("teams", new JsonArray());
  }

  private static String cell(String status, String change) {
    return status + "/" + change;
  }

  private static JsonObject counts() {
    JsonObject counts = new JsonObject();
    LEVELS.forEach(level -> counts.put(level, 0));
    return counts;
  }

  private static void increment(JsonObject counts, String level) {
    counts.put(level, counts.getInteger(level, 0) + 1);
  }
}

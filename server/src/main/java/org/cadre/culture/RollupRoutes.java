package org.cadre.culture;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.cadre.account.Authentication;
import org.cadre.account.Principal;
import org.cadre.http.ErrorMessage;
import org.cadre.http.Downloads;
import org.cadre.http.Ids;
import org.cadre.http.Language;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The culture roll-up of a site, district or network ({@code GET /api/spaces/{id}/culture/rollup}) and the same
 * table as CSV ({@code .../culture/rollup.csv}), as {@link Rollups} builds it for the caller.
 */
public final class RollupRoutes {

  private static final List<String> HEADER_EN = List.of("Group", "Team", "Level", "Score", "Status", "Change", "Colour",
    "Needs support");
  private static final List<String> HEADER_ES = List.of("Grupo", "Equipo", "Nivel", "Puntaje", "Estado", "Cambio", "Color",
    "Necesita apoyo");

  private final Vertx vertx;
  private final Rollups rollups;

  public RollupRoutes(Vertx vertx, Rollups rollups) {
    this.vertx = vertx;
    this.rollups = rollups;
  }

  public void mount(Router router) {
    router.get("/api/spaces/:id/culture/rollup").handler(this::rollup);
    router.get("/api/spaces/:id/culture/rollup.csv").handler(this::csv);
  }

  /** The roll-up with the rows' names in the request's language, so the screens name rows as the Culture tab does. */
  private void rollup(RoutingContext ctx) {
    Rubric rubric = Rubric.of(Language.of(ctx));
    JsonObject names = new JsonObject();
    Rubric.ROWS.forEach(row -> names.put(row, rubric.rowName(row)));
    build(ctx).onSuccess(rollup -> ctx.json(rollup.put("rowNames", names))).onFailure(ctx::fail);
  }

  /** One row per team the caller may open, in the API's order; the teams only counted stay out of the file. */
  private void csv(RoutingContext ctx) {
    Language language = Language.of(ctx);
    build(ctx)
      .compose(rollup -> vertx.executeBlocking(() -> table(rollup, language), false))
      .onSuccess(csv -> Downloads.sendCsv(ctx, "culture-rollup.csv", csv))
      .onFailure(ctx::fail);
  }

  static String table(JsonObject rollup, Language language) {
    List<String> header = new ArrayList<>(language == Language.ES ? HEADER_ES : HEADER_EN);
    header.addAll(Rubric.ROWS);
    Map<String, String> groupNames = new HashMap<>();
    for (Object o : rollup.getJsonArray("groups")) {
      JsonObject group = (JsonObject) o;
      if (group.getString("spaceId") != null) {
        groupNames.put(group.getString("spaceId"), group.getString("name"));
      }
    }
    List<List<Object>> rows = new ArrayList<>();
    for (Object o : rollup.getJsonArray("teams")) {
      JsonObject team = (JsonObject) o;
      List<Object> row = new ArrayList<>(List.of(groupNames.getOrDefault(team.getString("groupId"), ""), team.getString("name"),
        team.getString("level")));
      row.add(team.getValue("score"));
      row.add(team.getString("status"));
      row.add(team.getString("change"));
      row.add(team.getString("colour"));
      row.add(team.getBoolean("needsSupport"));
      JsonObject levels = team.getJsonObject("rows");
      Rubric.ROWS.forEach(id -> row.add(levels.getString(id)));
      rows.add(row);
    }
    return Downloads.csv(header, rows);
  }

  private Future<JsonObject> build(RoutingContext ctx) {
    Principal me = Authentication.required(ctx);
    UUID id = Ids.path(ctx, "id", ErrorMessage.NOT_FOUND_SPACE);
    return rollups.build(me, id, CultureRoutes.asOf(ctx), CultureRoutes.windowDays(ctx));
  }
}

package org.cadre.continuum;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.cadre.account.Authentication;
import org.cadre.account.Principal;
import org.cadre.http.ErrorMessage;
import org.cadre.http.Ids;
import org.cadre.http.Language;
import org.cadre.space.Access;
import org.cadre.space.SpaceAccess;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The continua's definitions ({@code GET /api/continua}) and a space's ratings on them, latest per subject with
 * its history ({@code GET /api/spaces/{id}/continua}). Ratings are made by the {@code continuum.rate} command.
 */
public final class ContinuumRoutes {

  private final ContinuumRepository repository;
  private final Continua continua;
  private final SpaceAccess access;

  public ContinuumRoutes(ContinuumRepository repository, Continua continua, SpaceAccess access) {
    this.repository = repository;
    this.continua = continua;
    this.access = access;
  }

  public void mount(Router router) {
    router.get("/api/continua").handler(this::definitions);
    router.get("/api/spaces/:id/continua").handler(this::ratings);
  }

  private void definitions(RoutingContext ctx) {
    Authentication.required(ctx);
    ctx.json(new JsonObject().put("continua", continua.json(Language.of(ctx))));
  }

  private void ratings(RoutingContext ctx) {
    Principal me = Authentication.required(ctx);
    UUID id = Ids.path(ctx, "id", ErrorMessage.NOT_FOUND_SPACE);
    access.require(me, id, Access.READ)
      .compose(a -> repository.all(id))
      .map(all -> new JsonObject().put("spaceId", id.toString()).put("continua", grouped(all)))
      .onSuccess(ctx::json)
      .onFailure(ctx::fail);
  }

  /** Per continuum, one entry per subject and rater role: its latest rating and its history, newest first. */
  private JsonArray grouped(List<JsonObject> all) {
    JsonArray out = new JsonArray();
    for (String continuum : continua.ids()) {
      Map<String, List<JsonObject>> bySubject = new LinkedHashMap<>();
      for (JsonObject rating : all) {
        if (rating.getString("continuum").equals(continuum)) {
          bySubject.computeIfAbsent(rating.getString("subject") + "\n" + rating.getString("raterRole"), k -> new ArrayList<>())
            .add(0, rating);
        }
      }
      List<List<JsonObject>> histories = new ArrayList<>(bySubject.values());
      Continua.Definition definition = continua.get(continuum);
      if (!definition.freeSubjects()) {
        // Areas and steps in the continuum's own order, then by rater role in its order.
        List<String> rows = List.copyOf(definition.requirements().keySet());
        histories.sort(Comparator.comparingInt((List<JsonObject> h) -> rows.indexOf(h.get(0).getString("subject")))
          .thenComparingInt(h -> definition.raterRoles().indexOf(h.get(0).getString("raterRole"))));
      }
      JsonArray subjects = new JsonArray();
      histories.forEach(history -> subjects.add(new JsonObject()
        .put("subject", history.get(0).getString("subject"))
        .put("raterRole", history.get(0).getString("raterRole"))
        .put("latest", history.get(0))
        .put("history", new JsonArray(new ArrayList<>(history)))));
      JsonObject entry = new JsonObject().put("id", continuum).put("subjects", subjects);
      if (definition.raterRoles().contains("receiver")) {
        entry.put("gaps", gaps(subjects));
      }
      out.add(entry);
    }
    return out;
  }

  /** Provider's minus receiver's current level per subject, when both have rated it. */
  private static JsonArray gaps(JsonArray subjects) {
    Map<String, JsonObject> bySubject = new LinkedHashMap<>();
    for (Object s : subjects) {
      JsonObject entry = (JsonObject) s;
      JsonObject gap = bySubject.computeIfAbsent(entry.getString("subject"), k -> new JsonObject().put("subject", k)
        .putNull("provider").putNull("receiver").putNull("gap"));
      gap.put(entry.getString("raterRole"), entry.getJsonObject("latest").getInteger("current"));
    }
    JsonArray out = new JsonArray();
    for (JsonObject gap : bySubject.values()) {
      Integer provider = gap.getInteger("provider");
      Integer receiver = gap.getInteger("receiver");
      if (provider != null && receiver != null) {
        gap.put("gap", provider - receiver);
      }
      out.add(gap);
    }
    return out;
  }
}

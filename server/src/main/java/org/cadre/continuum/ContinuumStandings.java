package org.cadre.continuum;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Where a space stands on each continuum: per subject and rater role its latest rating and history, and for
 * continua rated from both sides the gap between them. The space's continua answer and the team report both read it.
 */
public final class ContinuumStandings {

  private final ContinuumRepository repository;
  private final Continua continua;

  public ContinuumStandings(ContinuumRepository repository, Continua continua) {
    this.repository = repository;
    this.continua = continua;
  }

  /** No access check: the caller has made it. */
  public Future<JsonArray> of(UUID spaceId) {
    return repository.all(spaceId).map(this::grouped);
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

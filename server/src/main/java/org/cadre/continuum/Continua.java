package org.cadre.continuum;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.cadre.http.Language;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The continua people rate, read once from {@code org/cadre/continuum/*.json}. Each has levels, rows (areas or
 * steps) and, per row and level, a description and a checklist of requirements in English and Spanish.
 */
public final class Continua {

  static final List<String> IDS = List.of("partnership", "helpfulness", "design-cycle", "coherence");

  /** One continuum, as much of it as validating a rating needs, with its texts kept for answering. */
  public record Definition(String id, int levels, boolean freeSubjects, List<String> raterRoles,
                           Map<String, Set<String>> requirements, JsonObject source) {

    /** The row a subject is rated on: the only row for free subjects, the subject itself otherwise. */
    public String rowOf(String subject) {
      return freeSubjects ? requirements.keySet().iterator().next() : subject;
    }
  }

  private final Map<String, Definition> definitions = new LinkedHashMap<>();

  public Continua() {
    for (String id : IDS) {
      JsonObject json = read(id);
      Map<String, Set<String>> requirements = new LinkedHashMap<>();
      for (Object r : json.getJsonArray("rows")) {
        JsonObject row = (JsonObject) r;
        requirements.put(row.getString("id"), Set.copyOf(requirementIds(row)));
      }
      List<String> roles = json.getJsonArray("raterRoles").stream().map(String.class::cast).toList();
      definitions.put(id, new Definition(id, json.getJsonArray("levels").size(), "free".equals(json.getString("subjects")),
        roles, Collections.unmodifiableMap(requirements), json));
    }
  }

  public Definition get(String id) {
    return definitions.get(id);
  }

  public List<String> ids() {
    return IDS;
  }

  /** Every continuum with its texts in one language. */
  public JsonArray json(Language language) {
    JsonArray out = new JsonArray();
    definitions.values().forEach(d -> out.add(localized(d.source(), language)));
    return out;
  }

  private static List<String> requirementIds(JsonObject row) {
    List<String> ids = new ArrayList<>();
    JsonArray cells = row.getJsonArray("cells");
    for (int level = 1; level <= cells.size(); level++) {
      int count = cells.getJsonObject(level - 1).getJsonArray("requirements").size();
      for (int n = 1; n <= count; n++) {
        ids.add(level + "." + n);
      }
    }
    return ids;
  }

  private static JsonObject localized(JsonObject source, Language language) {
    JsonObject out = new JsonObject()
      .put("id", source.getString("id"))
      .put("name", text(source.getJsonObject("name"), language))
      .put("purpose", text(source.getJsonObject("purpose"), language))
      .put("subjects", source.getString("subjects"))
      .put("raterRoles", source.getJsonArray("raterRoles").copy());
    if (source.containsKey("subjectLabel")) {
      out.put("subjectLabel", text(source.getJsonObject("subjectLabel"), language));
    }
    JsonArray levels = new JsonArray();
    JsonArray sourceLevels = source.getJsonArray("levels");
    for (int i = 0; i < sourceLevels.size(); i++) {
      levels.add(new JsonObject().put("level", i + 1).put("name", text(sourceLevels.getJsonObject(i), language)));
    }
    out.put("levels", levels);
    JsonArray rows = new JsonArray();
    for (Object r : source.getJsonArray("rows")) {
      JsonObject row = (JsonObject) r;
      JsonArray cells = new JsonArray();
      JsonArray sourceCells = row.getJsonArray("cells");
      for (int i = 0; i < sourceCells.size(); i++) {
        JsonObject cell = sourceCells.getJsonObject(i);
        JsonArray requirements = new JsonArray();
        JsonArray sourceRequirements = cell.getJsonArray("requirements");
        for (int n = 0; n < sourceRequirements.size(); n++) {
          requirements.add(new JsonObject().put("id", (i + 1) + "." + (n + 1)).put("text", text(sourceRequirements.getJsonObject(n), language)));
        }
        cells.add(new JsonObject().put("level", i + 1).put("description", text(cell.getJsonObject("description"), language))
          .put("requirements", requirements));
      }
      rows.add(new JsonObject().put("id", row.getString("id")).put("name", text(row.getJsonObject("name"), language)).put("cells", cells));
    }
    return out.put("rows", rows);
  }

  private static String text(JsonObject texts, Language language) {
    return texts.getString(language == Language.ES ? "es" : "en");
  }

  private static JsonObject read(String id) {
    try (InputStream in = Continua.class.getResourceAsStream(id + ".json")) {
      if (in == null) {
        throw new IllegalStateException("Missing continuum definition " + id + ".json");
      }
      return new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

package org.cadre.protocol;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.cadre.history.ProtocolCategory;
import org.cadre.http.BodyShape;
import org.cadre.http.ErrorMessage;
import org.cadre.http.JsonBody;

import java.util.List;

/**
 * What one version of a protocol says: its name, purpose, category, roles and timed steps. Checked on every write,
 * so what is stored can be run as it is.
 */
public record ProtocolContent(String name, String purpose, ProtocolCategory category, List<String> roles,
                              List<Step> steps) {

  static final int MAX_STEPS = 30;
  static final int MAX_MINUTES = 600;

  /** The fields a protocol body may carry (its steps too). */
  static final BodyShape SHAPE = BodyShape.of("name", "purpose", "category", "roles")
    .listOf("steps", BodyShape.of("title", "minMinutes", "maxMinutes", "prompt", "outputs"));

  /** One step: how long it may take, what the facilitator asks, what it leaves behind. */
  public record Step(String title, int minMinutes, int maxMinutes, String prompt, List<String> outputs) {

    static Step read(JsonBody body) {
      String title = body.string("title", 1, 120);
      int min = body.intValue("minMinutes", 0, MAX_MINUTES);
      int max = body.intValue("maxMinutes", 0, MAX_MINUTES);
      if (max < min) {
        throw body.invalid("maxMinutes", ErrorMessage.PROTOCOL_MINUTES_ORDER, body.name("maxMinutes"));
      }
      String prompt = body.optionalText("prompt", 2000);
      List<String> outputs = body.optionalStrings("outputs", 10, 200);
      return new Step(title, min, max, prompt == null ? "" : prompt.strip(), outputs == null ? List.of() : outputs);
    }

    JsonObject toJson() {
      return new JsonObject().put("title", title).put("minMinutes", minMinutes).put("maxMinutes", maxMinutes)
        .put("prompt", prompt).put("outputs", new JsonArray(List.copyOf(outputs)));
    }
  }

  /** Reads and checks a body; a 400 names the first field that is wrong (such as {@code steps[2].maxMinutes}). */
  public static ProtocolContent read(JsonBody body) {
    String name = body.string("name", 1, 120);
    String purpose = body.string("purpose", 1, 2000);
    ProtocolCategory category = body.enumValue("category", ProtocolCategory.class);
    List<String> roles = body.optionalStrings("roles", 8, 60);
    List<Step> steps = body.objects("steps", MAX_STEPS, Step::read);
    if (steps.isEmpty()) {
      throw body.invalid("steps", ErrorMessage.PROTOCOL_NO_STEPS, body.name("steps"));
    }
    return new ProtocolContent(name, purpose, category, roles == null ? List.of() : roles, steps);
  }

  public int minMinutes() {
    return steps.stream().mapToInt(Step::minMinutes).sum();
  }

  public int maxMinutes() {
    return steps.stream().mapToInt(Step::maxMinutes).sum();
  }

  public JsonObject toJson() {
    JsonArray stepsJson = new JsonArray();
    steps.forEach(step -> stepsJson.add(step.toJson()));
    return new JsonObject().put("name", name).put("purpose", purpose).put("category", JsonBody.wireName(category))
      .put("roles", new JsonArray(List.copyOf(roles))).put("steps", stepsJson);
  }
}

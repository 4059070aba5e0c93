package org.cadre.culture;

import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import org.cadre.http.ApiException;
import org.cadre.http.ErrorMessage;
import org.cadre.http.BodyShape;
import org.cadre.realtime.Commands;
import org.cadre.realtime.Commands.Command;
import org.cadre.event.SpaceEvent;
import org.cadre.space.Access;
import org.cadre.space.SpaceChanges;

/**
 * Members' ratings of continuum rows, 1 to 3 with a note. Every rating is kept; the engine counts each person's
 * latest per row and takes the median.
 */
public final class Ratings {

  private final SpaceChanges changes;

  public Ratings(SpaceChanges changes) {
    this.changes = changes;
  }

  public void register(Commands commands) {
    commands.register("rating.record", Access.WRITE, HttpMethod.POST, "/culture/ratings", BodyShape.of("row", "level", "note"), this::rate);
  }

  private Future<JsonObject> rate(Command c) {
    String row = c.body().string("row", 2, 2);
    if (!Rubric.ROWS.contains(row)) {
      throw ApiException.invalid("row", ErrorMessage.FIELD_ONE_OF, "row", String.join(", ", Rubric.ROWS));
    }
    int level = (int) c.body().longValue("level", 1, 3);
    String note = c.body().optionalText("note", 2000);
    String text = note == null ? "" : note;
    return changes.change(c.spaceId(), c.userId(), c.time(), c.retry(), "rating.recorded", (tx, space) ->
        RatingRepository.insert(tx, c.spaceId(), row, level, c.userId(), text, c.time()).map(id -> new JsonObject()
          .put("id", id.toString()).put("row", row).put("level", level).put("userId", c.userId().toString()).put("note", text)))
      .map(SpaceEvent::toJson);
  }

}

package org.cadre.continuum;

import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import org.cadre.event.SpaceEvent;
import org.cadre.http.ApiException;
import org.cadre.http.BodyShape;
import org.cadre.http.ErrorMessage;
import org.cadre.realtime.Commands;
import org.cadre.realtime.Commands.Command;
import org.cadre.space.Access;
import org.cadre.space.SpaceChanges;

import java.util.List;
import java.util.TreeSet;

/**
 * Rating a subject on a continuum: a current and a target level, the requirements already met, a note. Anyone who
 * works in the space may rate (partners included, in the spaces they were invited into); every rating is kept.
 */
public final class ContinuumRatings {

  public static final String EVENT = "continuum.rated";

  private final SpaceChanges changes;
  private final ContinuumRepository repository;
  private final Continua continua;

  public ContinuumRatings(SpaceChanges changes, ContinuumRepository repository, Continua continua) {
    this.changes = changes;
    this.repository = repository;
    this.continua = continua;
  }

  public void register(Commands commands) {
    commands.register("continuum.rate", Access.WRITE, HttpMethod.POST, "/continua/:continuum/ratings",
      BodyShape.of("subject", "raterRole", "current", "target", "checked", "note"), this::rate);
  }

  private Future<JsonObject> rate(Command c) {
    String id = c.body().string("continuum", 1, 40);
    Continua.Definition definition = continua.get(id);
    if (definition == null) {
      throw ApiException.invalid("continuum", ErrorMessage.FIELD_ONE_OF, "continuum", String.join(", ", continua.ids()));
    }
    String subject = c.body().string("subject", 1, 200);
    if (!definition.freeSubjects() && !definition.requirements().containsKey(subject)) {
      throw ApiException.invalid("subject", ErrorMessage.FIELD_ONE_OF, "subject", String.join(", ", definition.requirements().keySet()));
    }
    String raterRole = c.body().optionalString("raterRole", 1, 20);
    if (raterRole == null) {
      raterRole = definition.raterRoles().get(0);
    } else if (!definition.raterRoles().contains(raterRole)) {
      throw ApiException.invalid("raterRole", ErrorMessage.FIELD_ONE_OF, "raterRole", String.join(", ", definition.raterRoles()));
    }
    int current = c.body().intValue("current", 1, definition.levels());
    int target = c.body().intValue("target", 1, definition.levels());
    List<String> given = c.body().optionalStrings("checked", 100, 10);
    var known = definition.requirements().get(definition.rowOf(subject));
    TreeSet<String> checked = new TreeSet<>();
    if (given != null) {
      for (String requirement : given) {
        if (!known.contains(requirement)) {
          throw ApiException.invalid("checked", ErrorMessage.FIELD_ONE_OF, "checked", String.join(", ", new TreeSet<>(known)));
        }
        checked.add(requirement);
      }
    }
    String note = c.body().optionalText("note", 2000);
    String role = raterRole;
    return changes.change(c.spaceId(), c.userId(), c.time(), c.retry(), EVENT, (tx, space) -> repository.insert(tx,
        c.spaceId(), id, subject, role, current, target, List.copyOf(checked), note == null ? "" : note, c.userId(), c.time()))
      .map(SpaceEvent::toJson);
  }
}

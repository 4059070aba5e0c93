package org.cadre.report;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.Instant;
import java.util.List;

/**
 * One continuum rated on the report's space, in words: the section the team report and the space report share.
 *
 * @param gaps provider's minus receiver's current level per subject, or null for a continuum rated from one side
 */
public record ContinuumSection(String id, String name, List<Rating> ratings, List<Gap> gaps) {

  /** @param subject the partner organization as typed, or the name of the area or step rated */
  public record Rating(String subject, String raterRole, String current, String target, Instant ratedAt, String ratedBy) {
  }

  /** @param gap null unless both sides have rated the subject */
  public record Gap(String subject, Integer provider, Integer receiver, Integer gap) {
  }

  /** The sections as the report's JSON has them; null stays null (continua the caller may not read). */
  static JsonArray json(List<ContinuumSection> sections) {
    if (sections == null) {
      return null;
    }
    JsonArray out = new JsonArray();
    for (ContinuumSection c : sections) {
      JsonArray ratings = new JsonArray();
      c.ratings().forEach(r -> ratings.add(new JsonObject().put("subject", r.subject()).put("raterRole", r.raterRole())
        .put("current", r.current()).put("target", r.target()).put("ratedAt", r.ratedAt().toString()).put("ratedBy", r.ratedBy())));
      JsonObject entry = new JsonObject().put("id", c.id()).put("name", c.name()).put("ratings", ratings);
      if (c.gaps() != null) {
        JsonArray gaps = new JsonArray();
        c.gaps().forEach(g -> gaps.add(new JsonObject().put("subject", g.subject()).put("provider", g.provider())
          .put("receiver", g.receiver()).put("gap", g.gap())));
        entry.put("gaps", gaps);
      }
      out.add(entry);
    }
    return out;
  }
}

package org.cadre.history;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.cadre.history.TeamHistory.ActionItem;
import org.cadre.history.TeamHistory.AgendaItem;
import org.cadre.history.TeamHistory.Agreement;
import org.cadre.history.TeamHistory.Meeting;
import org.cadre.history.TeamHistory.Member;
import org.cadre.http.JsonBody;

import java.util.List;
import java.util.function.Function;

/** Writes a history in the order {@link HistoryReader} reads it; absent optional values are left out. */
final class HistoryWriter {

  private HistoryWriter() {
  }

  static JsonObject write(TeamHistory h) {
    JsonObject team = new JsonObject();
    put(team, "id", h.id());
    team.put("name", h.name()).put("kind", wire(h.kind()));
    put(team, "cadenceDays", h.cadenceDays());
    JsonObject doc = new JsonObject()
      .put("format", HistoryJson.FORMAT)
      .put("team", team)
      .put("members", array(h.members(), HistoryWriter::member));
    if (h.leaderSelection() != null) {
      JsonObject selection = new JsonObject().put("method", h.leaderSelection().method());
      put(selection, "at", h.leaderSelection().at());
      doc.put("leaderSelection", selection);
    }
    return doc
      .put("goals", array(h.goals(), g -> put(new JsonObject().put("id", g.id()).put("title", g.title()), "description", g.description())))
      .put("agreements", array(h.agreements(), HistoryWriter::agreement))
      .put("equityAnalyses", array(h.equityAnalyses(), e ->
        put(new JsonObject().put("at", e.at().toString()).put("level", wire(e.level())), "meetingId", e.meetingId())))
      .put("meetings", array(h.meetings(), HistoryWriter::meeting))
      .put("actionItems", array(h.actionItems(), HistoryWriter::actionItem))
      .put("ratings", array(h.ratings(), r -> {
        JsonObject rating = new JsonObject().put("row", r.row()).put("level", r.level()).put("by", r.by());
        put(rating, "note", r.note());
        return put(rating, "at", r.at());
      }));
  }

  private static JsonObject member(Member m) {
    JsonObject json = new JsonObject().put("email", m.email());
    put(json, "name", m.name());
    json.put("role", wire(m.role())).put("joinedAt", m.joinedAt().toString());
    return put(json, "leftAt", m.leftAt());
  }

  private static JsonObject agreement(Agreement a) {
    JsonObject json = new JsonObject().put("id", a.id()).put("title", a.title()).put("kind", wire(a.kind()))
      .put("status", wire(a.status()));
    put(json, "adoptedAt", a.adoptedAt());
    put(json, "reviewEveryDays", a.reviewEveryDays());
    return json.put("reviews", array(a.reviews(), r -> {
      JsonObject review = new JsonObject().put("at", r.at().toString());
      put(review, "meetingId", r.meetingId());
      return review.put("disparityCheck", r.disparityCheck());
    }));
  }

  private static JsonObject meeting(Meeting m) {
    JsonObject json = new JsonObject().put("id", m.id()).put("title", m.title()).put("status", wire(m.status()))
      .put("startsAt", m.startsAt().toString());
    put(json, "endsAt", m.endsAt());
    put(json, "agendaPublishedAt", m.agendaPublishedAt());
    put(json, "reminderSentAt", m.reminderSentAt());
    return json.put("normsReviewed", m.normsReviewed()).put("debriefHeld", m.debriefHeld())
      .put("protocolRuns", array(m.protocolRuns(), p -> new JsonObject().put("protocol", p.protocol())
        .put("category", wire(p.category())).put("stepsCompleted", p.stepsCompleted()).put("stepsTotal", p.stepsTotal())))
      .put("agenda", array(m.agenda(), HistoryWriter::agendaItem))
      .put("attendance", array(m.attendance(), a -> new JsonObject().put("email", a.email()).put("status", wire(a.status()))))
      .put("decisions", array(m.decisions(), d -> put(new JsonObject().put("text", d.text()).put("kind", wire(d.kind()))
        .put("method", wire(d.method())).put("discussed", d.discussed()), "goalId", d.goalId())))
      .put("feedback", array(m.feedback(), f -> {
        JsonObject feedback = new JsonObject().put("giver", f.giver());
        put(feedback, "receiver", f.receiver());
        return feedback.put("kind", wire(f.kind()));
      }));
  }

  private static JsonObject agendaItem(AgendaItem i) {
    JsonObject json = new JsonObject().put("id", i.id()).put("title", i.title());
    put(json, "notes", i.notes());
    put(json, "minutes", i.minutes());
    json.put("focus", wire(i.focus())).put("kind", wire(i.kind()));
    put(json, "goalId", i.goalId());
    put(json, "presenter", i.presenter());
    json.put("underProtocol", i.underProtocol()).put("dataArtifacts", array(i.dataArtifacts(), a ->
      put(new JsonObject().put("type", wire(a.type())).put("title", a.title()), "link", a.link())));
    return put(json, "outcome", i.outcome());
  }

  private static JsonObject actionItem(ActionItem a) {
    JsonObject json = new JsonObject().put("id", a.id()).put("title", a.title());
    put(json, "description", a.description());
    put(json, "meetingId", a.meetingId());
    put(json, "agendaItemId", a.agendaItemId());
    json.put("createdAt", a.createdAt().toString());
    put(json, "owner", a.owner());
    json.put("claimedByOwner", a.claimedByOwner());
    put(json, "dueDate", a.dueDate());
    put(json, "completedAt", a.completedAt());
    put(json, "impactReport", a.impactReport());
    put(json, "origin", a.origin());
    json.put("tags", new JsonArray(List.copyOf(a.tags())));
    put(json, "scope", a.scope());
    return json.put("status", wire(a.status()));
  }

  private static <T> JsonArray array(List<T> values, Function<T, JsonObject> write) {
    JsonArray array = new JsonArray();
    values.forEach(v -> array.add(write.apply(v)));
    return array;
  }

  /** Puts a present value: enums by wire name, instants and dates as ISO text, the rest as is. */
  private static JsonObject put(JsonObject json, String field, Object value) {
    if (value instanceof Enum<?> e) {
      json.put(field, wire(e));
    } else if (value instanceof String || value instanceof Integer) {
      json.put(field, value);
    } else if (value != null) {
      json.put(field, value.toString());
    }
    return json;
  }

  private static String wire(Enum<?> e) {
    return JsonBody.wireName(e);
  }
}

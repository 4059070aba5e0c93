package org.cadre.history;

import org.cadre.demo.SampleHistories;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.cadre.history.TeamHistory.ActionItem;
import org.cadre.history.TeamHistory.AgendaItem;
import org.cadre.history.TeamHistory.Decision;
import org.cadre.history.TeamHistory.Meeting;
import org.cadre.space.Kind;
import org.cadre.space.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reading and writing the cadre.team-history/1 document. */
class HistoryJsonTest {

  /**
   * The example of team-history.md. It names meetings m4 and m5 that it leaves out, which would be refused as
   * dangling references, so here those references point at its one meeting, m1.
   */
  private static JsonObject example() {
    try {
      return new JsonObject(Files.readString(Path.of("src/test/resources/history/example.json")));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static JsonObject meeting(JsonObject doc) {
    return doc.getJsonArray("meetings").getJsonObject(0);
  }

  private static HistoryException refused(JsonObject doc) {
    return assertThrows(HistoryException.class, () -> HistoryJson.parse(doc));
  }

  @Test
  void theSpecExampleReadsIntoPlainValues() {
    TeamHistory h = HistoryJson.parse(example());
    assertNull(h.id());
    assertEquals("Grade 9 Pathway Team", h.name());
    assertEquals(Kind.TEAM, h.kind());
    assertEquals(7, h.cadenceDays());
    assertEquals(new TeamHistory.Member("a@example.org", "Ana", Role.LEAD, Instant.parse("2026-01-05T00:00:00Z"), null),
      h.members().get(0));
    assertEquals("nomination-and-consent", h.leaderSelection().method());
    assertEquals(AgreementStatus.ADOPTED, h.agreements().get(0).status());
    assertEquals(30, h.agreements().get(0).reviewEveryDays());
    assertEquals(EquityLevel.INSTITUTIONAL, h.equityAnalyses().get(0).level());
    Meeting m1 = h.meetings().get(0);
    assertTrue(m1.normsReviewed());
    assertEquals(new TeamHistory.ProtocolRun("examining-data", ProtocolCategory.DATA, 5, 6), m1.protocolRuns().get(0));
    AgendaItem item = m1.agenda().get(0);
    assertEquals(30, item.minutes());
    assertEquals(Focus.STUDENT_OUTCOMES, item.focus());
    assertEquals(ArtifactType.ASSESSMENT, item.dataArtifacts().get(0).type());
    assertEquals(Outcome.ACHIEVED, item.outcome());
    assertEquals(new Decision("Regroup for reteaching", DecisionKind.STRATEGY_ADJUSTMENT, DecisionMethod.CONSENSUS, true, "g1"),
      m1.decisions().get(0));
    assertEquals(FeedbackKind.PROBING_QUESTION, m1.feedback().get(0).kind());
    ActionItem t1 = h.actionItems().get(0);
    assertEquals(LocalDate.parse("2026-01-12"), t1.dueDate());
    assertEquals(List.of("equity"), t1.tags());
    assertEquals(ActionStatus.DONE, t1.status());
    assertEquals(new TeamHistory.Rating("B1", 2, "a@example.org", "...", null), h.ratings().get(0));
  }

  @Test
  void absentOptionalFieldsTakeTheirDefaults() {
    JsonObject doc = new JsonObject()
      .put("format", "cadre.team-history/1")
      .put("team", new JsonObject().put("name", "Team").put("kind", "team"))
      .put("meetings", new JsonArray().add(new JsonObject().put("id", "m1").put("title", "Team time").put("status", "held")
        .put("startsAt", "2026-03-02T15:30:00Z")
        .put("agenda", new JsonArray().add(new JsonObject().put("id", "i1").put("title", "Data").put("focus", "support")
          .put("kind", "data-review")))
        .put("decisions", new JsonArray().add(new JsonObject().put("text", "Regroup").put("kind", "other")))))
      .put("actionItems", new JsonArray().add(new JsonObject().put("id", "t1").put("title", "Call families")
        .put("createdAt", "2026-03-02T17:00:00Z")));
    TeamHistory h = HistoryJson.parse(doc);
    assertNull(h.cadenceDays());
    assertNull(h.leaderSelection());
    assertEquals(List.of(), h.members());
    Meeting m1 = h.meetings().get(0);
    assertFalse(m1.normsReviewed());
    assertFalse(m1.debriefHeld());
    assertEquals(List.of(), m1.attendance());
    AgendaItem item = m1.agenda().get(0);
    assertNull(item.minutes());
    assertFalse(item.underProtocol());
    assertNull(item.outcome());
    assertEquals(DecisionMethod.UNRECORDED, m1.decisions().get(0).method());
    assertFalse(m1.decisions().get(0).discussed());
    ActionItem t1 = h.actionItems().get(0);
    assertEquals(ActionStatus.OPEN, t1.status());
    assertFalse(t1.claimedByOwner());
    assertNull(t1.origin());
    assertEquals(List.of(), t1.tags());
  }

  @Test
  void emailsAreReadInLowerCaseAndCompareWithoutCase() {
    JsonObject doc = example();
    doc.getJsonArray("members").getJsonObject(0).put("email", "Ana.Lopez@Example.ORG");
    assertEquals("ana.lopez@example.org", HistoryJson.parse(doc).members().get(0).email());
    doc.getJsonArray("members").add(new JsonObject().put("email", "ana.lopez@example.org").put("role", "member")
      .put("joinedAt", "2026-01-05T00:00:00Z"));
    assertEquals("$.members[1].email", refused(doc).path());
  }

  static Stream<Arguments> badDocuments() {
    return Stream.of(
      bad("a wrong format string", d -> d.put("format", "cadre.team-history/2"), "$.format", "cadre.team-history/1"),
      bad("no team", d -> d.remove("team"), "$.team", "is required"),
      bad("a number for a title", d -> meeting(d).put("title", 5), "$.meetings[0].title", "must be a string"),
      bad("an unknown attendance status", d -> meeting(d).getJsonArray("attendance").getJsonObject(0).put("status", "tardy"),
        "$.meetings[0].attendance[0].status", "one of present, late, absent, excused"),
      bad("an unknown team kind", d -> d.getJsonObject("team").put("kind", "school"), "$.team.kind", "network, district, site, team"),
      bad("a date with one-digit month", d -> d.getJsonArray("actionItems").getJsonObject(0).put("dueDate", "2026-1-12"),
        "$.actionItems[0].dueDate", "YYYY-MM-DD"),
      bad("an instant that is not one", d -> meeting(d).put("startsAt", "yesterday"), "$.meetings[0].startsAt", "ISO-8601"),
      bad("a missing start", d -> meeting(d).remove("startsAt"), "$.meetings[0].startsAt", "is required"),
      bad("an item id used by a meeting", d -> meeting(d).getJsonArray("agenda").getJsonObject(0).put("id", "m1"),
        "$.meetings[0].agenda[0].id", "already used at $.meetings[0].id"),
      bad("a goal id used again by an action item", d -> d.getJsonArray("actionItems").getJsonObject(0).put("id", "g1"),
        "$.actionItems[0].id", "already used at $.goals[0].id"),
      bad("a dangling meetingId", d -> d.getJsonArray("actionItems").getJsonObject(0).put("meetingId", "m9"),
        "$.actionItems[0].meetingId", "names no meeting"),
      bad("a dangling goalId", d -> meeting(d).getJsonArray("decisions").getJsonObject(0).put("goalId", "g9"),
        "$.meetings[0].decisions[0].goalId", "names no goal"),
      bad("an agendaItemId of nothing", d -> d.getJsonArray("actionItems").getJsonObject(0).put("agendaItemId", "i9"),
        "$.actionItems[0].agendaItemId", "names no agenda item"),
      bad("a review of a missing meeting", d -> d.getJsonArray("agreements").getJsonObject(0).getJsonArray("reviews")
        .getJsonObject(0).put("meetingId", "m5"), "$.agreements[0].reviews[0].meetingId", "names no meeting"),
      bad("a rating of an unknown row", d -> d.getJsonArray("ratings").getJsonObject(0).put("row", "D1"),
        "$.ratings[0].row", "A1, A2"),
      bad("a rating of 4", d -> d.getJsonArray("ratings").getJsonObject(0).put("level", 4), "$.ratings[0].level", "from 1 to 3"),
      bad("a fractional level", d -> d.getJsonArray("ratings").getJsonObject(0).put("level", 2.5), "$.ratings[0].level", "whole number"),
      bad("negative minutes", d -> meeting(d).getJsonArray("agenda").getJsonObject(0).put("minutes", -1),
        "$.meetings[0].agenda[0].minutes", "from 0 to"),
      bad("more steps completed than there are", d -> meeting(d).getJsonArray("protocolRuns").getJsonObject(0)
        .put("stepsCompleted", 7), "$.meetings[0].protocolRuns[0].stepsCompleted", "must not exceed 'stepsTotal' (6)"),
      bad("a 201-character title", d -> d.getJsonArray("goals").getJsonObject(0).put("title", "x".repeat(201)),
        "$.goals[0].title", "at most 200 characters"),
      bad("a blank title", d -> d.getJsonArray("goals").getJsonObject(0).put("title", "  "), "$.goals[0].title", "must not be blank"),
      bad("a NUL in a note", d -> d.getJsonArray("ratings").getJsonObject(0).put("note", "a\u0000b"), "$.ratings[0].note",
        "control characters"),
      bad("an email without a domain", d -> d.getJsonArray("members").getJsonObject(0).put("email", "ana@localhost"),
        "$.members[0].email", "email address"),
      bad("a giver who is not an email", d -> meeting(d).getJsonArray("feedback").getJsonObject(0).put("giver", "Ana"),
        "$.meetings[0].feedback[0].giver", "email address"),
      bad("a text flag", d -> meeting(d).put("normsReviewed", "yes"), "$.meetings[0].normsReviewed", "true or false"),
      bad("meetings that are not a list", d -> d.put("meetings", new JsonObject()), "$.meetings", "must be an array"),
      bad("a meeting that is not an object", d -> d.getJsonArray("meetings").add("m2"), "$.meetings[1]", "must be an object"),
      bad("a person twice in one meeting's attendance", d -> meeting(d).getJsonArray("attendance")
        .add(new JsonObject().put("email", "A@example.org").put("status", "late")), "$.meetings[0].attendance[1].email",
        "already listed"),
      bad("an end before the start", d -> meeting(d).put("endsAt", "2026-01-05T15:00:00Z"), "$.meetings[0].endsAt", "before"),
      bad("an item of another meeting", d -> {
        d.getJsonArray("meetings").add(meeting(d).copy().put("id", "m2").put("agenda", new JsonArray()
          .add(new JsonObject().put("id", "i2").put("title", "Other").put("focus", "other").put("kind", "other"))));
        d.getJsonArray("actionItems").getJsonObject(0).put("agendaItemId", "i2");
      }, "$.actionItems[0].agendaItemId", "another meeting than m1"));
  }

  private static Arguments bad(String what, Consumer<JsonObject> change, String path, String reason) {
    return Arguments.of(what, change, path, reason);
  }

  @ParameterizedTest(name = "{0}: {2}")
  @MethodSource("badDocuments")
  void aBadDocumentIsRefusedAtTheJsonPathOfItsFirstBadField(String what, Consumer<JsonObject> change, String path,
                                                            String reason) {
    JsonObject doc = example();
    change.accept(doc);
    HistoryException e = refused(doc);
    assertEquals(path, e.path(), e.getMessage());
    assertTrue(e.getMessage().contains(reason), e.getMessage());
  }

  @Test
  void theFirstBadFieldInDocumentOrderIsTheOneReported() {
    JsonObject doc = example();
    meeting(doc).put("title", 5).put("id", 7);
    doc.getJsonArray("members").getJsonObject(0).put("role", "captain");
    assertEquals("$.members[0].role", refused(doc).path());
    // The review before it names m1, whose id is now bad: the bad id is reported, not a dangling reference.
    doc.getJsonArray("members").getJsonObject(0).put("role", "lead");
    assertEquals("$.meetings[0].id", refused(doc).path());
  }

  @Test
  void referencesMayNameMeetingsLaterInTheDocument() {
    JsonObject doc = example();
    doc.getJsonArray("agreements").getJsonObject(0).getJsonArray("reviews").getJsonObject(0).put("meetingId", "m2");
    doc.getJsonArray("meetings").add(meeting(doc).copy().put("id", "m2").put("agenda", new JsonArray()));
    assertEquals("m2", HistoryJson.parse(doc).agreements().get(0).reviews().get(0).meetingId());
  }

  @Test
  void unknownFieldsAreIgnored() {
    JsonObject doc = example().put("exportedBy", "district-sis");
    doc.getJsonObject("team").put("colour", "blue");
    meeting(doc).put("room", "B12");
    meeting(doc).getJsonArray("agenda").getJsonObject(0).put("attachments", new JsonArray().add(1));
    assertEquals(HistoryJson.parse(example()), HistoryJson.parse(doc));
  }

  @Test
  void textThatIsNotAJsonObjectIsRefusedAtTheRoot() {
    HistoryException broken = assertThrows(HistoryException.class, () -> HistoryJson.parse("{\"format\": \n  }"));
    assertEquals("$", broken.path());
    assertTrue(broken.getMessage().startsWith("The document is not valid JSON: "), broken.getMessage());
    assertTrue(broken.getMessage().contains("line: 2"), broken.getMessage());
    assertFalse(broken.getMessage().contains("\n"));
    HistoryException array = assertThrows(HistoryException.class, () -> HistoryJson.parse("[]"));
    assertEquals("The document must be a JSON object.", array.getMessage());
  }

  @Test
  void theExampleSurvivesWriteThenRead() {
    TeamHistory h = HistoryJson.parse(example());
    JsonObject written = HistoryJson.write(h);
    assertEquals("cadre.team-history/1", written.getString("format"));
    assertFalse(written.getJsonArray("members").getJsonObject(0).containsKey("leftAt"));
    assertEquals(h, HistoryJson.parse(written));
  }

  @Test
  void fiftyRandomHistoriesSurviveWriteThenRead() {
    Random random = new Random(2026);
    for (int i = 0; i < 50; i++) {
      TeamHistory h = SampleHistories.team(random, i % 5 == 0 ? null : "team-" + i, 5 + random.nextInt(60),
        Instant.parse("2026-06-30T00:00:00Z"));
      assertEquals(h, HistoryJson.parse(HistoryJson.write(h)), "history " + i);
      assertEquals(h, HistoryJson.parse(HistoryJson.write(h).encode()), "history " + i + " as text");
    }
  }
}

package org.cadre.export;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.cadre.demo.SampleHistories;
import org.cadre.history.HistoryJson;
import org.cadre.test.ApiClient;
import org.cadre.test.SpaceTree;
import org.cadre.test.TeamFixture;
import org.cadre.test.TestDatabases;
import org.cadre.test.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The CSV downloads and the history zip say exactly what {@code GET /api/spaces/{id}/history} says. */
@ExtendWith(VertxExtension.class)
class ExportApiTest {

  private static final CsvMapper CSV = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);

  private static TestServer server;
  private static SpaceTree tree;
  private static String imported;
  private static JsonObject history;

  @BeforeAll
  static void start(Vertx vertx) {
    server = TestServer.start(vertx, TestDatabases.fresh());
    tree = SpaceTree.build(server, "export");
    imported = tree.admin.expect(201, "POST", "/api/spaces/" + tree.site + "/import",
      HistoryJson.write(SampleHistories.team(new Random(20261203), null, 30, Instant.parse("2026-06-30T00:00:00Z")))).getString("spaceId");
    history = tree.lead.expect(200, "GET", "/api/spaces/" + imported + "/history", null);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  /** The table's rows, header first, as a spreadsheet would read them. */
  private static List<List<String>> table(ApiClient as, String space, String file) throws Exception {
    ApiClient.Response response = as.get("/api/spaces/" + space + "/export/" + file);
    assertEquals(200, response.status(), () -> file + " answered " + response.status() + ": " + response.json());
    assertEquals("text/csv; charset=utf-8", response.raw().getHeader("content-type"));
    assertEquals("attachment; filename=\"" + file + "\"", response.raw().getHeader("content-disposition"));
    return parse(response.raw().bodyAsString());
  }

  private static List<List<String>> parse(String text) throws Exception {
    assertTrue(text.startsWith("\uFEFF"), "a BOM for spreadsheets");
    List<List<String>> rows = new ArrayList<>();
    try (MappingIterator<List<String>> it = CSV.readerForListOf(String.class).readValues(text.substring(1))) {
      it.forEachRemaining(rows::add);
    }
    return rows;
  }

  /** What the API's value looks like in a cell: text, empty for absent, kept as text if a spreadsheet would run it. */
  private static String cell(Object value) {
    if (value == null) {
      return "";
    }
    String text = value.toString();
    return !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 && !(value instanceof Number) ? "'" + text : text;
  }

  private static List<JsonObject> objects(JsonArray array) {
    return array.stream().map(o -> (JsonObject) o).toList();
  }

  @Test
  void theMeetingsTableHasOneRowPerMeetingWithTheApisValues() throws Exception {
    List<List<String>> rows = table(tree.lead, imported, "meetings.csv");
    assertEquals(List.of("Meeting ID", "Title", "Status", "Starts (UTC)", "Ends (UTC)", "Agenda published (UTC)",
      "Reminder sent (UTC)", "Norms reviewed", "Debrief held", "Agenda items", "Attended (present or late)", "Decisions",
      "Protocols used"), rows.get(0));
    List<JsonObject> meetings = objects(history.getJsonArray("meetings"));
    assertEquals(meetings.size(), rows.size() - 1);
    for (int i = 0; i < meetings.size(); i++) {
      JsonObject m = meetings.get(i);
      long attended = objects(m.getJsonArray("attendance")).stream()
        .filter(a -> a.getString("status").equals("present") || a.getString("status").equals("late")).count();
      assertEquals(List.of(m.getString("id"), cell(m.getString("title")), m.getString("status"), m.getString("startsAt"),
        cell(m.getString("endsAt")), cell(m.getString("agendaPublishedAt")), cell(m.getString("reminderSentAt")),
        m.getBoolean("normsReviewed").toString(), m.getBoolean("debriefHeld").toString(),
        String.valueOf(m.getJsonArray("agenda").size()), String.valueOf(attended), String.valueOf(m.getJsonArray("decisions").size()),
        String.valueOf(m.getJsonArray("protocolRuns").size())), rows.get(i + 1));
    }
  }

  @Test
  void theAttendanceTableHasOneRowPerPersonPerMeetingWithTheRecordedStatus() throws Exception {
    List<List<String>> rows = table(tree.lead, imported, "attendance.csv");
    assertEquals(List.of("Meeting ID", "Meeting", "Starts (UTC)", "Email", "Name", "Attendance"), rows.get(0));
    Set<String> pairs = new HashSet<>();
    Map<String, Map<String, String>> recorded = new HashMap<>();
    for (JsonObject m : objects(history.getJsonArray("meetings"))) {
      Map<String, String> statuses = new HashMap<>();
      objects(m.getJsonArray("attendance")).forEach(a -> statuses.put(a.getString("email"), a.getString("status")));
      recorded.put(m.getString("id"), statuses);
    }
    int recordedRows = 0;
    for (List<String> row : rows.subList(1, rows.size())) {
      assertTrue(pairs.add(row.get(0) + " " + row.get(3)), "one row per person per meeting: " + row);
      String status = recorded.get(row.get(0)).get(row.get(3));
      assertEquals(status == null ? "" : status, row.get(5));
      recordedRows += status == null ? 0 : 1;
    }
    int total = recorded.values().stream().mapToInt(Map::size).sum();
    assertEquals(total, recordedRows, "every recorded attendance is in the table");
  }

  @Test
  void aRosterMemberWithNothingRecordedHasARowWithAnEmptyStatusAndObserversHaveNone() throws Exception {
    TeamFixture team = TeamFixture.create(server, tree.site, "roster");
    String meeting = team.run(team.lead, "POST", "/meetings", new JsonObject().put("title", "Planning")
        .put("startsAt", Instant.now().plus(1, ChronoUnit.HOURS).toString()))
      .getJsonObject("payload").getJsonArray("meetings").getJsonObject(0).getString("id");
    team.run(team.lead, "PUT", "/meetings/" + meeting + "/attendance/" + team.member.userId(), new JsonObject().put("status", "present"));
    team.run(team.lead, "POST", "/meetings/" + meeting + "/close", null);
    List<List<String>> rows = table(team.observer, team.id, "attendance.csv");
    Map<String, String> byEmail = new HashMap<>();
    rows.subList(1, rows.size()).forEach(r -> byEmail.put(r.get(3), r.get(5)));
    assertEquals(Map.of(team.admin.me().getString("email"), "", team.lead.me().getString("email"), "",
      team.member.me().getString("email"), "present", team.partner.me().getString("email"), ""), byEmail);
  }

  @Test
  void theActionItemAndDecisionTablesMatchTheApi() throws Exception {
    List<List<String>> items = table(tree.lead, imported, "action-items.csv");
    List<JsonObject> expected = objects(history.getJsonArray("actionItems"));
    assertEquals(expected.size(), items.size() - 1);
    for (int i = 0; i < expected.size(); i++) {
      JsonObject a = expected.get(i);
      List<String> row = items.get(i + 1);
      assertEquals(List.of(a.getString("id"), cell(a.getString("title")), a.getString("status"), cell(a.getString("owner"))),
        row.subList(0, 4));
      assertEquals(List.of(cell(a.getString("dueDate")), a.getString("createdAt"), cell(a.getString("completedAt")),
        cell(a.getString("meetingId")), cell(a.getString("origin")), cell(a.getString("scope")),
        cell(String.join("; ", a.getJsonArray("tags").stream().map(Object::toString).toList())),
        cell(a.getString("description")), cell(a.getString("impactReport"))), row.subList(5, 14));
    }

    List<List<String>> decisions = table(tree.lead, imported, "decisions.csv");
    List<List<String>> want = new ArrayList<>();
    for (JsonObject m : objects(history.getJsonArray("meetings"))) {
      for (JsonObject d : objects(m.getJsonArray("decisions"))) {
        want.add(List.of(m.getString("id"), cell(d.getString("text")), d.getString("kind"), d.getString("method"),
          d.getBoolean("discussed").toString(), cell(d.getString("goalId"))));
      }
    }
    assertTrue(want.size() > 0, "the sample team decided things");
    assertEquals(want, decisions.subList(1, decisions.size()).stream()
      .map(r -> List.of(r.get(0), r.get(3), r.get(4), r.get(5), r.get(6), r.get(7))).toList());
  }

  @Test
  void headersAreInTheRequestsLanguage() throws Exception {
    ApiClient.Response response = tree.lead.get("/api/spaces/" + imported + "/export/decisions.csv?lang=es");
    assertEquals(List.of("ID de la reunión", "Reunión", "Inicio (UTC)", "Decisión", "Tipo", "Método", "Se discutió antes",
      "ID de la meta", "Meta"), parse(response.raw().bodyAsString()).get(0));
  }

  @Test
  void aSpaceTheCallerCannotSeeIsNotFound() {
    for (String file : List.of("meetings.csv", "attendance.csv", "action-items.csv", "decisions.csv", "history.zip")) {
      assertEquals(404, tree.partner.get("/api/spaces/" + imported + "/export/" + file).status(), file);
      assertEquals(404, tree.lead.get("/api/spaces/" + tree.siblingTeam + "/export/" + file).status(), file);
      assertEquals(401, server.anonymous().get("/api/spaces/" + imported + "/export/" + file).status(), file);
    }
  }

  @Test
  void theZipHoldsTheHistoryDocumentExactlyAsTheApiAnswersIt() throws Exception {
    ApiClient.Response response = tree.lead.get("/api/spaces/" + imported + "/export/history.zip");
    assertEquals(200, response.status());
    assertEquals("application/zip", response.raw().getHeader("content-type"));
    Map<String, String> entries = new HashMap<>();
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(response.raw().bodyAsBuffer().getBytes()))) {
      for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
        entries.put(e.getName(), new String(zip.readAllBytes(), StandardCharsets.UTF_8));
      }
    }
    assertEquals(Set.of("team-history.json", "meetings.csv", "attendance.csv", "action-items.csv", "decisions.csv"), entries.keySet());
    JsonObject document = new JsonObject(entries.get("team-history.json"));
    assertEquals(history, document);
    assertEquals(HistoryJson.parse(history), HistoryJson.parse(document));
    assertEquals(table(tree.lead, imported, "meetings.csv"), parse(entries.get("meetings.csv")));
  }
}

package org.cadre.history;

import io.vertx.core.json.JsonObject;
import io.vertx.json.schema.OutputUnit;
import org.cadre.demo.SampleHistories;
import org.cadre.test.HistorySchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** docs/team-history.schema.json agrees with the reader: what it reads and writes is valid, what it refuses too. */
class HistorySchemaTest {

  /**
   * Broken documents of {@link HistoryJsonTest#badDocuments} that only the reader can see: ids and references
   * across the document, and comparisons between two fields.
   */
  private static final Set<String> READER_ONLY = Set.of("an item id used by a meeting",
    "a goal id used again by an action item", "a dangling meetingId", "a dangling goalId", "an agendaItemId of nothing",
    "a review of a missing meeting", "more steps completed than there are", "a person twice in one meeting's attendance",
    "an end before the start", "an item of another meeting");

  private static JsonObject read(String path) {
    try {
      return new JsonObject(Files.readString(Path.of(path)));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The one JSON block of docs/team-history.md. */
  private static JsonObject docsExample() throws IOException {
    Matcher block = Pattern.compile("```json\n(.*?)```", Pattern.DOTALL).matcher(Files.readString(Path.of("../docs/team-history.md")));
    assertTrue(block.find(), "docs/team-history.md has a JSON example");
    JsonObject example = new JsonObject(block.group(1));
    assertFalse(block.find(), "docs/team-history.md has one JSON example");
    return example;
  }

  private static void assertValid(JsonObject doc, String what) {
    List<OutputUnit> errors = HistorySchema.errors(doc);
    assertTrue(errors.isEmpty(), what + " breaks the schema:\n" + HistorySchema.describe(errors));
  }

  @Test
  void theDocsExampleIsReadByTheReaderAndValidAgainstTheSchema() throws IOException {
    JsonObject example = docsExample();
    TeamHistory history = HistoryJson.parse(example);
    assertEquals(2, history.meetings().size());
    assertValid(example, "the docs example");
    assertValid(HistoryJson.write(history), "the docs example as written back");
  }

  @Test
  void theTestExampleAndItsUnknownFieldsAreValid() {
    JsonObject example = read("src/test/resources/history/example.json");
    assertValid(example, "history/example.json");
    example.put("exportedBy", "district-sis").getJsonObject("team").put("colour", "blue");
    assertValid(example, "history/example.json with fields the importer ignores");
  }

  @Test
  void generatedHistoriesAsWrittenAreValid() {
    Random random = new Random(2027);
    for (int i = 0; i < 30; i++) {
      TeamHistory h = SampleHistories.team(random, i % 3 == 0 ? null : "team-" + i, 5 + random.nextInt(60),
        Instant.parse("2026-06-30T00:00:00Z"));
      assertValid(HistoryJson.write(h), "generated history " + i);
    }
  }

  /** A reader path such as $.meetings[0].attendance[0].status as the JSON pointer the schema reports. */
  private static String pointer(String path) {
    return path.substring(1).replace('.', '/').replaceAll("\\[(\\d+)]", "/$1");
  }

  @ParameterizedTest(name = "{0}: {2}")
  @MethodSource("org.cadre.history.HistoryJsonTest#badDocuments")
  void theSchemaRefusesWhatTheReaderRefusesAtTheSameField(String what, Consumer<JsonObject> change, String path,
                                                          String reason) {
    JsonObject doc = read("src/test/resources/history/example.json");
    change.accept(doc);
    List<OutputUnit> errors = HistorySchema.errors(doc);
    if (READER_ONLY.contains(what)) {
      assertTrue(errors.isEmpty(), what + " is for the reader alone:\n" + HistorySchema.describe(errors));
      return;
    }
    String at = pointer(path);
    String parent = at.substring(0, at.lastIndexOf('/'));
    // The validator reports locations as URI fragments (#/team/kind); a missing field, on the object that lacks it.
    assertTrue(errors.stream().anyMatch(e -> e.getInstanceLocation().equals("#" + at)
        || e.getKeywordLocation().endsWith("/required") && e.getInstanceLocation().equals("#" + parent)),
      what + " should be refused at " + at + ":\n" + HistorySchema.describe(errors));
  }
}

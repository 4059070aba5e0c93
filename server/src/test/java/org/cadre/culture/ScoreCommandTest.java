package org.cadre.culture;

import org.cadre.history.HistoryJson;
import org.cadre.demo.SampleHistories;
import org.cadre.history.TeamHistory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Random;

import static org.cadre.history.HistoryBuilder.AS_OF;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code cadre.jar score}, run in-process: the same JSON as the engine, and one clear line for each kind of failure. */
class ScoreCommandTest {

  @TempDir
  Path dir;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return ScoreCommand.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
      new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private String stdout() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String stderr() {
    return err.toString(StandardCharsets.UTF_8);
  }

  private Path file(String text) throws IOException {
    Path file = dir.resolve("history.json");
    Files.writeString(file, text);
    return file;
  }

  @Test
  void printsTheEnginesScoreOfTheFileAsPrettyJson() throws IOException {
    TeamHistory history = SampleHistories.team(new Random(7), "team-7", 40, AS_OF);
    Path file = file(HistoryJson.write(history).encodePrettily());
    assertEquals(0, run("--history", file.toString(), "--as-of", AS_OF.toString(),
      "--window-days", "120"));
    String expected = CultureJson.write(Scoring.ENGINE.score(history, AS_OF, 120), "team-7").encodePrettily();
    assertEquals(expected + System.lineSeparator(), stdout());
    assertEquals("", stderr());
  }

  @Test
  void usesTheDefaultWindowAndAcceptsNameEqualsValue() throws IOException {
    TeamHistory history = SampleHistories.team(new Random(8), "team-8", 30, AS_OF);
    Path file = file(HistoryJson.write(history).encode());
    Instant asOf = AS_OF.minusSeconds(3600);
    assertEquals(0, run("--history=" + file, "--as-of=" + asOf));
    assertEquals(CultureJson.write(Scoring.ENGINE.score(history, asOf, null), "team-8").encodePrettily()
      + System.lineSeparator(), stdout());
  }

  @Test
  void aDocumentThatBreaksTheFormatExitsWith1AndNamesThePath() throws IOException {
    String doc = Files.readString(Path.of("src/test/resources/history/example.json")).replace("\"status\": \"held\"", "\"status\": \"done\"");
    Path file = file(doc);
    assertEquals(1, run("--history", file.toString()));
    assertEquals("", stdout());
    String message = stderr();
    assertTrue(message.startsWith("cadre score: " + file + ": $.meetings[0].status: "), message);
    assertTrue(message.contains("scheduled, held, cancelled"), message);
    assertEquals(1, message.lines().count());
  }

  @Test
  void textThatIsNotJsonExitsWith1() throws IOException {
    assertEquals(1, run("--history", file("{\"format\": ").toString()));
    assertTrue(stderr().contains(": $: The document is not valid JSON"), stderr());
  }

  @Test
  void aMissingFileExitsWith1() {
    assertEquals(1, run("--history", dir.resolve("nowhere.json").toString()));
    assertEquals("cadre score: cannot read " + dir.resolve("nowhere.json") + ": no such file" + System.lineSeparator(), stderr());
  }

  @Test
  void badArgumentsExitWith2AndSayWhatIsWrong() {
    assertEquals(2, run());
    assertTrue(stderr().contains("--history FILE is required"), stderr());
    assertEquals(2, run("--history", "x.json", "--colour", "blue"));
    assertTrue(stderr().contains("unknown option --colour"), stderr());
    assertEquals(2, run("--history", "x.json", "--as-of", "yesterday"));
    assertTrue(stderr().contains("--as-of must be an ISO-8601 instant"), stderr());
    assertEquals(2, run("--history", "x.json", "--window-days", "0"));
    assertTrue(stderr().contains("--window-days must be a whole number from 1 to 3660"), stderr());
    assertEquals(2, run("--history"));
    assertTrue(stderr().contains("--history needs a value"), stderr());
    assertEquals(2, run("history.json"));
    assertEquals("", stdout());
  }
}

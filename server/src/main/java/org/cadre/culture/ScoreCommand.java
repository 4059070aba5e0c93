package org.cadre.culture;

import org.cadre.history.HistoryException;
import org.cadre.history.HistoryJson;
import org.cadre.history.TeamHistory;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code cadre.jar score --history FILE [--as-of INSTANT] [--window-days N]}: scores a team-history file offline,
 * with no database and no Vert.x instance, and prints the same JSON as the API.
 */
public final class ScoreCommand {

  static final int BAD_INPUT = 1;
  static final int USAGE = 2;
  private static final String USAGE_LINE = "usage: cadre.jar score --history FILE [--as-of INSTANT] [--window-days N]";
  private static final List<String> OPTIONS = List.of("history", "as-of", "window-days");

  private ScoreCommand() {
  }

  /** Runs the command on the arguments after {@code score}; answers the exit code. */
  public static int run(List<String> args, PrintStream out, PrintStream err) {
    Map<String, String> options;
    Instant asOf;
    Integer windowDays;
    try {
      options = parse(args);
      asOf = options.containsKey("as-of") ? parseInstant(options.get("as-of")) : Instant.now();
      windowDays = options.containsKey("window-days") ? parseWindowDays(options.get("window-days")) : null;
    } catch (IllegalArgumentException e) {
      err.println("cadre score: " + e.getMessage() + " (" + USAGE_LINE + ")");
      return USAGE;
    }
    Path file = Path.of(options.get("history"));
    TeamHistory history;
    try {
      history = HistoryJson.parse(Files.readString(file));
    } catch (NoSuchFileException e) {
      err.println("cadre score: cannot read " + file + ": no such file");
      return BAD_INPUT;
    } catch (IOException e) {
      err.println("cadre score: cannot read " + file + ": " + e);
      return BAD_INPUT;
    } catch (HistoryException e) {
      err.println("cadre score: " + file + ": " + e.path() + ": " + e.getMessage());
      return BAD_INPUT;
    }
    CultureScore score = new CultureEngine(CultureRules.defaults()).score(history, asOf, windowDays);
    out.println(CultureJson.write(score, history.id()).encodePrettily());
    return 0;
  }

  /** {@code --name value} or {@code --name=value}; --history is required. */
  private static Map<String, String> parse(List<String> args) {
    Map<String, String> options = new HashMap<>();
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (!arg.startsWith("--")) {
        throw new IllegalArgumentException("unexpected argument '" + arg + "'");
      }
      String name = arg.substring(2);
      String value;
      int eq = name.indexOf('=');
      if (eq >= 0) {
        value = name.substring(eq + 1);
        name = name.substring(0, eq);
      } else if (i + 1 < args.size()) {
        value = args.get(++i);
      } else {
        throw new IllegalArgumentException("--" + name + " needs a value");
      }
      if (!OPTIONS.contains(name)) {
        throw new IllegalArgumentException("unknown option --" + name);
      }
      options.put(name, value);
    }
    if (!options.containsKey("history")) {
      throw new IllegalArgumentException("--history FILE is required");
    }
    return options;
  }

  private static Instant parseInstant(String value) {
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("--as-of must be an ISO-8601 instant such as 2026-03-02T15:30:00Z, not '" + value + "'");
    }
  }

  private static int parseWindowDays(String value) {
    try {
      int days = Integer.parseInt(value.trim());
      if (days >= 1 && days <= 3660) {
        return days;
      }
    } catch (NumberFormatException ignored) {
      // the message below says what is expected
    }
    throw new IllegalArgumentException("--window-days must be a whole number from 1 to 3660, not '" + value + "'");
  }
}

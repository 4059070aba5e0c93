package org.cadre.ops;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.SimpleFormatter;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LogLineFormatterTest {

  /** The pattern the server's log used with {@link SimpleFormatter} before it had a formatter of its own. */
  private static final String PATTERN = "%1$tF %1$tT %4$-7s %3$s - %5$s%6$s%n";

  @Test
  void writesTheSameLinesAsTheSimpleFormatterDidWithOurPattern() {
    String before = System.getProperty("java.util.logging.SimpleFormatter.format");
    System.setProperty("java.util.logging.SimpleFormatter.format", PATTERN);
    try {
      SimpleFormatter simple = new SimpleFormatter();
      LogLineFormatter ours = new LogLineFormatter();
      for (LogRecord record : records()) {
        assertEquals(simple.format(record), ours.format(record), record.getMessage());
      }
    } finally {
      if (before == null) {
        System.clearProperty("java.util.logging.SimpleFormatter.format");
      } else {
        System.setProperty("java.util.logging.SimpleFormatter.format", before);
      }
    }
  }

  private static LogRecord[] records() {
    LogRecord access = record(Level.INFO, "org.cadre.access", "{\"method\":\"GET\",\"path\":\"/api/me\",\"status\":401}");
    LogRecord warning = record(Level.WARNING, "org.cadre.realtime.EventRelay", "Could not announce 3 events; retrying");
    warning.setThrown(new IllegalStateException("connection closed"));
    LogRecord severe = record(Level.SEVERE, "org.cadre.Main", "Start-up failed");
    LogRecord parameters = record(Level.INFO, "org.cadre.Cadre", "Listening on {0}");
    parameters.setParameters(new Object[] {8080});
    return new LogRecord[] {access, warning, severe, parameters};
  }

  private static LogRecord record(Level level, String logger, String message) {
    LogRecord record = new LogRecord(level, message);
    record.setLoggerName(logger);
    record.setInstant(Instant.parse("2026-12-04T19:40:01.123Z"));
    return record;
  }
}

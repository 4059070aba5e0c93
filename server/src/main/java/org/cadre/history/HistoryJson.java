package org.cadre.history;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import org.cadre.http.ApiException;
import org.cadre.http.ErrorMessage;

/** The {@code cadre.team-history/1} JSON document (docs/team-history.md): validated reads and canonical writes. */
public final class HistoryJson {

  public static final String FORMAT = "cadre.team-history/1";

  private HistoryJson() {
  }

  /** Parses and validates a document; a malformed one fails with the path of its first bad field. */
  public static TeamHistory parse(JsonObject doc) {
    try {
      return new HistoryReader(doc).read();
    } catch (ApiException e) {
      // The reader's JsonBody names the field by its JSON path; the CLI and the tests need no HTTP to see it.
      throw new HistoryException(e.field(), e.message(), e.args());
    }
  }

  /** As {@link #parse(JsonObject)}, from text; text that is not a JSON object fails at path {@code $}. */
  public static TeamHistory parse(String text) {
    Object value;
    try {
      value = Json.decodeValue(text);
    } catch (DecodeException e) {
      throw new HistoryException("$", ErrorMessage.HISTORY_NOT_JSON, describe(e.getMessage()));
    }
    if (!(value instanceof JsonObject doc)) {
      throw new HistoryException("$", ErrorMessage.HISTORY_NOT_OBJECT);
    }
    return parse(doc);
  }

  /** The document for a history; {@code parse(write(h))} equals {@code h} for every history that parse returns. */
  public static JsonObject write(TeamHistory history) {
    return HistoryWriter.write(history);
  }

  /** Jackson's reason on one line, with the line and column it gives on the next. */
  private static String describe(String message) {
    String text = message.startsWith("Failed to decode:") ? message.substring("Failed to decode:".length()) : message;
    int newline = text.indexOf('\n');
    if (newline < 0) {
      return text;
    }
    String rest = text.substring(newline);
    int line = rest.indexOf("line: ");
    int end = rest.lastIndexOf(']');
    return text.substring(0, newline) + (line < 0 || end < line ? "" : " at " + rest.substring(line, end));
  }
}

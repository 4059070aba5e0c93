package org.cadre.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * File downloads: CSV tables (exports, the roll-up table) and any other attachment, with the headers a browser
 * needs to save them under a name.
 */
public final class Downloads {

  private static final CsvMapper CSV = new CsvMapper();
  /** Spreadsheet programs read a leading BOM as "this is UTF-8", so names with accents survive. */
  private static final String BOM = "\uFEFF";

  private Downloads() {
  }

  /**
   * A CSV document: the header row, then the rows, CRLF line ends (RFC 4180), every cell quoted where needed.
   * A cell a spreadsheet would run as a formula (starting with = + - @, tab or CR) is prefixed with an apostrophe,
   * so a name typed as "=HYPERLINK(...)" stays text when the district's data office opens the file.
   */
  public static String csv(List<String> header, List<? extends List<?>> rows) {
    CsvSchema schema = CsvSchema.emptySchema().withLineSeparator("\r\n");
    List<List<String>> cells = new ArrayList<>(rows.size() + 1);
    cells.add(header);
    for (List<?> row : rows) {
      List<String> out = new ArrayList<>(row.size());
      for (Object value : row) {
        out.add(cell(value));
      }
      cells.add(out);
    }
    try {
      return BOM + CSV.writer(schema).writeValueAsString(cells);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String cell(Object value) {
    if (value == null) {
      return "";
    }
    String text = value.toString();
    if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 && !(value instanceof Number)) {
      return "'" + text;
    }
    return text;
  }

  /** Answers a CSV document as a download named {@code fileName}. */
  public static void sendCsv(RoutingContext ctx, String fileName, String csv) {
    send(ctx, fileName, "text/csv; charset=utf-8", Buffer.buffer(csv.getBytes(StandardCharsets.UTF_8)));
  }

  /** Answers bytes as a download named {@code fileName} (plain ASCII: the names are ours, not the user's). */
  public static void send(RoutingContext ctx, String fileName, String contentType, Buffer body) {
    ctx.response()
      .putHeader("content-type", contentType)
      .putHeader("content-disposition", "attachment; filename=\"" + fileName + "\"")
      .putHeader("cache-control", "no-store")
      .end(body);
  }
}

package org.cadre.report;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.PdfWriter;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;

/**
 * The team report as a one-page PDF. Blocking work: call it from a worker thread. The text is laid out at the
 * largest of a few sizes that fits one page, so a team with long next steps still gets one sheet.
 */
final class ReportPdf {

  /** Paper sizes people print on: US Letter (the default) and A4. */
  enum Paper {
    LETTER(com.lowagie.text.PageSize.LETTER), A4(com.lowagie.text.PageSize.A4);

    private final Rectangle size;

    Paper(Rectangle size) {
      this.size = size;
    }
  }

  private static final float[] TEXT_SIZES = {9f, 8f, 7f, 6f, 5f};
  private static final float MARGIN = 36f;
  private static final Color RULE = new Color(0x99, 0x99, 0x99);
  private static final Color HEADER_FILL = new Color(0xEE, 0xEE, 0xEE);
  /** Embedded so that any name a team typed (accents, other scripts Liberation covers) prints as typed. */
  private static final String TEXT_FONT = "font-fallback/LiberationSans-Regular.ttf";

  private ReportPdf() {
  }

  static byte[] render(TeamReport report, ReportLabels labels, Paper paper) {
    byte[] pdf = null;
    for (float size : TEXT_SIZES) {
      pdf = render(report, labels, paper, size);
      if (pages(pdf) == 1) {
        return pdf;
      }
    }
    return pdf;
  }

  private static int pages(byte[] pdf) {
    try (PdfReader reader = new PdfReader(pdf)) {
      return reader.getNumberOfPages();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] render(TeamReport report, ReportLabels labels, Paper paper, float size) {
    Fonts fonts = new Fonts(size);
    Locale locale = labels.language().locale();
    ZoneId zone = report.timeZone() == null ? ZoneId.of("UTC") : ZoneId.of(report.timeZone());
    DateTimeFormatter dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Document document = new Document(paper.size, MARGIN, MARGIN, MARGIN, MARGIN);
    PdfWriter.getInstance(document, out);
    document.addTitle(labels.get("title", report.team()));
    document.addCreator("Cadre");
    document.open();

    document.add(new Paragraph(labels.get("heading"), fonts.label));
    document.add(new Paragraph(report.team(), fonts.title));
    if (!report.parents().isEmpty()) {
      document.add(new Paragraph(String.join(" · ", report.parents()), fonts.text));
    }
    document.add(new Paragraph(labels.get("window", day(report.from(), zone, dates), day(report.to(), zone, dates),
      report.windowDays()), fonts.text));

    PdfPTable summary = table(new float[] {1, 1, 1});
    summary.addCell(fact(fonts, labels.get("level"), level(labels, report.level(), report.score(), locale)));
    summary.addCell(fact(fonts, labels.get("attendance"), report.attendanceRate() == null ? labels.get("none")
      : NumberFormat.getPercentInstance(locale).format(report.attendanceRate())));
    summary.addCell(fact(fonts, labels.get("meetingsHeld"), NumberFormat.getIntegerInstance(locale).format(report.meetingsHeld())));
    for (TeamReport.Strand strand : report.strands()) {
      summary.addCell(fact(fonts, strand.name(), level(labels, strand.level(), strand.score(), locale)));
    }
    document.add(summary);

    document.add(section(fonts, labels.get("rows")));
    // Row ids alone need a narrow column; names, when the rows have them, a wider one.
    boolean named = report.rows().stream().anyMatch(r -> r.name() != null);
    PdfPTable rows = table(named ? new float[] {2.2f, 1.1f, 5f} : new float[] {0.5f, 1.1f, 6.6f});
    rows.setHeaderRows(1);
    rows.addCell(header(fonts, labels.get("row")));
    rows.addCell(header(fonts, labels.get("level")));
    rows.addCell(header(fonts, labels.get("nextStep")));
    for (TeamReport.Row row : report.rows()) {
      rows.addCell(cell(fonts, row.name() == null ? row.id() : row.id() + " " + row.name()));
      rows.addCell(cell(fonts, labels.get("level." + row.level())));
      rows.addCell(cell(fonts, row.nextStep() == null ? "" : row.nextStep()));
    }
    document.add(rows);

    document.add(section(fonts, labels.get("actions")));
    if (report.openActions().isEmpty()) {
      document.add(new Paragraph(labels.get("noActions"), fonts.text));
    } else {
      PdfPTable actions = table(new float[] {5f, 2f, 1.4f, 1.2f});
      actions.setHeaderRows(1);
      actions.addCell(header(fonts, labels.get("action")));
      actions.addCell(header(fonts, labels.get("owner")));
      actions.addCell(header(fonts, labels.get("due")));
      actions.addCell(header(fonts, labels.get("status")));
      for (TeamReport.Action action : report.openActions()) {
        actions.addCell(cell(fonts, action.title()));
        actions.addCell(cell(fonts, action.owner() == null ? labels.get("unowned") : action.owner()));
        actions.addCell(cell(fonts, action.due() == null ? "" : dates.format(action.due())));
        actions.addCell(cell(fonts, labels.get("status." + action.status())));
      }
      document.add(actions);
      int more = report.openActionCount() - report.openActions().size();
      if (more > 0) {
        document.add(new Paragraph(labels.get("moreActions", more), fonts.text));
      }
    }
    continua(document, report, labels, fonts, zone, dates, locale);
    document.close();
    return out.toByteArray();
  }

  private static void continua(Document document, TeamReport report, ReportLabels labels, Fonts fonts, ZoneId zone,
                                DateTimeFormatter dates, Locale locale) {
    if (report.continua().isEmpty()) {
      return;
    }
    document.add(section(fonts, labels.get("continua")));
    PdfPTable table = table(new float[] {3f, 1.4f, 1.1f, 1.1f, 2.2f});
    table.setHeaderRows(1);
    for (String key : new String[] {"subject", "raterRole", "current", "target", "rated"}) {
      table.addCell(header(fonts, labels.get(key)));
    }
    for (TeamReport.Continuum continuum : report.continua()) {
      PdfPCell name = cell(new Phrase(continuum.name(), fonts.label), fonts);
      name.setColspan(5);
      table.addCell(name);
      for (TeamReport.Rating rating : continuum.ratings()) {
        table.addCell(cell(fonts, rating.subject()));
        table.addCell(cell(fonts, labels.get("raterRole." + rating.raterRole())));
        table.addCell(cell(fonts, rating.current()));
        table.addCell(cell(fonts, rating.target() == null ? "" : rating.target()));
        table.addCell(cell(fonts, labels.get("ratedOn", day(rating.ratedAt(), zone, dates), rating.ratedBy())));
      }
      if (continuum.gaps() != null) {
        NumberFormat signed = NumberFormat.getIntegerInstance(locale);
        signed.setGroupingUsed(false);
        List<String> gaps = continuum.gaps().stream().filter(g -> g.gap() != null)
          .map(g -> labels.get("gapOf", g.subject(), (g.gap() > 0 ? "+" : "") + signed.format(g.gap()))).toList();
        if (!gaps.isEmpty()) {
          PdfPCell line = cell(fonts, labels.get("gaps", String.join("; ", gaps)));
          line.setColspan(5);
          table.addCell(line);
        }
      }
    }
    document.add(table);
  }

  private static String day(Instant instant, ZoneId zone, DateTimeFormatter dates) {
    return dates.format(LocalDate.ofInstant(instant, zone));
  }

  private static String level(ReportLabels labels, String level, Double score, Locale locale) {
    String name = labels.get("level." + level);
    if (score == null) {
      return name;
    }
    NumberFormat number = NumberFormat.getNumberInstance(locale);
    number.setMinimumFractionDigits(1);
    number.setMaximumFractionDigits(2);
    return labels.get("levelScore", name, number.format(score));
  }

  private static PdfPTable table(float[] widths) {
    PdfPTable table = new PdfPTable(widths);
    table.setWidthPercentage(100);
    table.setSpacingBefore(4);
    return table;
  }

  private static Paragraph section(Fonts fonts, String title) {
    Paragraph paragraph = new Paragraph(title, fonts.section);
    paragraph.setSpacingBefore(fonts.size);
    return paragraph;
  }

  private static PdfPCell fact(Fonts fonts, String label, String value) {
    Phrase phrase = new Phrase();
    phrase.add(new Chunk(label + "\n", fonts.label));
    phrase.add(new Chunk(value, fonts.text));
    PdfPCell cell = cell(phrase, fonts);
    cell.setBorder(Rectangle.NO_BORDER);
    return cell;
  }

  private static PdfPCell header(Fonts fonts, String text) {
    PdfPCell cell = cell(new Phrase(text, fonts.label), fonts);
    cell.setBackgroundColor(HEADER_FILL);
    return cell;
  }

  private static PdfPCell cell(Fonts fonts, String text) {
    return cell(new Phrase(text, fonts.text), fonts);
  }

  private static PdfPCell cell(Phrase phrase, Fonts fonts) {
    PdfPCell cell = new PdfPCell(phrase);
    cell.setBorderColor(RULE);
    cell.setBorderWidth(0.5f);
    cell.setPadding(fonts.size / 4);
    cell.setVerticalAlignment(Element.ALIGN_TOP);
    return cell;
  }

  /** The report's fonts at one text size. */
  private static final class Fonts {
    final float size;
    final Font text;
    final Font label;
    final Font section;
    final Font title;

    Fonts(float size) {
      this.size = size;
      BaseFont regular;
      BaseFont bold;
      try {
        regular = BaseFont.createFont(TEXT_FONT, BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
        // Labels are our own words, all in WinAnsi: the standard bold face serves them.
        bold = BaseFont.createFont(BaseFont.HELVETICA_BOLD, BaseFont.WINANSI, BaseFont.NOT_EMBEDDED);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      this.text = new Font(regular, size);
      this.label = new Font(bold, size);
      this.section = new Font(bold, size + 2);
      this.title = new Font(regular, size + 8);
    }
  }
}

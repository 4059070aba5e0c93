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
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A report as PDF, one page when it fits. Blocking work: call it from a worker thread. The text is laid out at the
 * largest of a few sizes that fits one page, so a team with long next steps still gets one sheet; a network with
 * more teams than the smallest size holds on a page goes on to further pages at that size.
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

  static byte[] render(Report report, ReportLabels labels, Paper paper) {
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

  private static byte[] render(Report report, ReportLabels labels, Paper paper, float size) {
    Fonts fonts = new Fonts(size);
    Locale locale = labels.language().locale();
    ZoneId zone = report.timeZone() == null ? ZoneId.of("UTC") : ZoneId.of(report.timeZone());
    DateTimeFormatter dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Document document = new Document(paper.size, MARGIN, MARGIN, MARGIN, MARGIN);
    PdfWriter.getInstance(document, out);
    document.addCreator("Cadre");
    Page page = new Page(document, labels, fonts, zone, dates, locale);
    if (report instanceof TeamReport team) {
      team(page, team);
    } else {
      space(page, (SpaceReport) report);
    }
    document.close();
    return out.toByteArray();
  }

  /** What every part of one rendering needs. */
  private record Page(Document document, ReportLabels labels, Fonts fonts, ZoneId zone, DateTimeFormatter dates,
                      Locale locale) {
  }

  private static void team(Page page, TeamReport report) {
    Document document = page.document();
    ReportLabels labels = page.labels();
    Fonts fonts = page.fonts();
    ZoneId zone = page.zone();
    DateTimeFormatter dates = page.dates();
    Locale locale = page.locale();
    document.addTitle(labels.get("title", report.team()));
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
    continua(page, report.continua());
  }

  /** A site's, district's or network's report: its teams' levels summed up, then the continua rated on it. */
  private static void space(Page page, SpaceReport report) {
    Document document = page.document();
    ReportLabels labels = page.labels();
    Fonts fonts = page.fonts();
    Locale locale = page.locale();
    NumberFormat integers = NumberFormat.getIntegerInstance(locale);
    String heading = labels.get("heading." + report.spaceKind());
    document.addTitle(labels.get("spaceTitle", heading, report.name()));
    document.open();

    document.add(new Paragraph(heading, fonts.label));
    document.add(new Paragraph(report.name(), fonts.title));
    if (!report.parents().isEmpty()) {
      document.add(new Paragraph(String.join(" · ", report.parents()), fonts.text));
    }
    document.add(new Paragraph(labels.get("scoredOn", day(report.asOf(), page.zone(), page.dates())), fonts.text));

    // One line of facts: the two counts, then the teams at each level.
    float[] facts = new float[2 + report.levels().size()];
    Arrays.fill(facts, 1f);
    PdfPTable summary = table(facts);
    summary.addCell(fact(fonts, labels.get("teams"), integers.format(report.teamCount())));
    summary.addCell(fact(fonts, labels.get("needsSupport"), integers.format(report.needsSupportCount())));
    report.levels().forEach((level, count) -> summary.addCell(fact(fonts, labels.get("level." + level), integers.format(count))));
    summary.getDefaultCell().setBorder(Rectangle.NO_BORDER);
    summary.completeRow();
    document.add(summary);
    if (report.hiddenTeams() > 0) {
      document.add(new Paragraph(labels.get("hiddenTeams", report.hiddenTeams()), fonts.text));
    }

    document.add(section(fonts, labels.get("teams")));
    if (report.teamCount() == 0) {
      document.add(new Paragraph(labels.get("noTeams"), fonts.text));
    } else if (report.teams().isEmpty()) {
      document.add(new Paragraph(labels.get("noTeamsShared"), fonts.text));
    } else {
      boolean grouped = report.grouped();
      PdfPTable teams = table(grouped ? new float[] {3f, 2f, 1.8f, 1.2f, 1.9f, 1.1f} : new float[] {4f, 1.8f, 1.2f, 1.9f, 1.1f});
      teams.setHeaderRows(1);
      teams.addCell(header(fonts, labels.get("team")));
      if (grouped) {
        teams.addCell(header(fonts, labels.get("group." + groupKind(report))));
      }
      for (String key : new String[] {"level", "culture.status", "culture.change", "needsSupport"}) {
        teams.addCell(header(fonts, labels.get(key)));
      }
      for (SpaceReport.Team team : report.teams()) {
        teams.addCell(cell(fonts, team.name()));
        if (grouped) {
          teams.addCell(cell(fonts, team.group() == null ? "" : team.group()));
        }
        teams.addCell(cell(fonts, level(labels, team.level(), team.score(), locale)));
        teams.addCell(cell(fonts, team.status() == null ? "" : labels.get("culture.status." + team.status())));
        teams.addCell(cell(fonts, team.change() == null ? "" : labels.get("culture.change." + team.change())));
        teams.addCell(cell(fonts, team.needsSupport() ? labels.get("yes") : ""));
      }
      document.add(teams);
    }

    if (report.grouped()) {
      document.add(section(fonts, labels.get("byGroup." + groupKind(report))));
      document.add(counts(page, labels.get("group." + groupKind(report)), true, report.levels().keySet(),
        report.groups().stream().map(g -> new Counted(g.name() == null ? labels.get("hiddenGroup." + g.kind()) : g.name(),
          g.teamCount(), g.levels())).toList()));
    }

    if (report.teamCount() > 0) {
      document.add(section(fonts, labels.get("rowLevels")));
      document.add(counts(page, labels.get("row"), false, report.levels().keySet(),
        report.rows().stream().map(r -> new Counted(r.id() + " " + r.name(), null, r.levels())).toList()));
    }

    if (report.continua() == null) {
      document.add(section(fonts, labels.get("continua")));
      document.add(new Paragraph(labels.get("continuaNotShared." + report.spaceKind()), fonts.text));
    } else if (report.continua().isEmpty()) {
      document.add(section(fonts, labels.get("continua")));
      document.add(new Paragraph(labels.get("noContinua." + report.spaceKind()), fonts.text));
    } else {
      continua(page, report.continua());
    }
  }

  /** The kind of the groups: sites of a district, districts of a network. */
  private static String groupKind(SpaceReport report) {
    return "network".equals(report.spaceKind()) ? "district" : "site";
  }

  /** A line of a table of counts per level: a group with its number of teams, or a row of the continuum. */
  private record Counted(String name, Integer teams, Map<String, Integer> levels) {
  }

  private static PdfPTable counts(Page page, String first, boolean withTeams, Set<String> levels, List<Counted> lines) {
    Fonts fonts = page.fonts();
    NumberFormat integers = NumberFormat.getIntegerInstance(page.locale());
    // Level columns wide enough for "Transforming" in bold on one line; the names take what is left.
    float[] widths = new float[1 + (withTeams ? 1 : 0) + levels.size()];
    Arrays.fill(widths, 1.4f);
    widths[0] = withTeams ? 3.2f : 4f;
    if (withTeams) {
      widths[1] = 1f;
    }
    PdfPTable table = table(widths);
    table.setHeaderRows(1);
    table.addCell(header(fonts, first));
    if (withTeams) {
      table.addCell(header(fonts, page.labels().get("teams")));
    }
    levels.forEach(level -> table.addCell(header(fonts, page.labels().get("level." + level))));
    for (Counted line : lines) {
      table.addCell(cell(fonts, line.name()));
      if (withTeams) {
        table.addCell(number(fonts, integers.format(line.teams())));
      }
      levels.forEach(level -> table.addCell(number(fonts, integers.format(line.levels().getOrDefault(level, 0)))));
    }
    return table;
  }

  private static PdfPCell number(Fonts fonts, String text) {
    PdfPCell cell = cell(fonts, text);
    cell.setHorizontalAlignment(Element.ALIGN_RIGHT);
    return cell;
  }

  private static void continua(Page page, List<ContinuumSection> continua) {
    Document document = page.document();
    ReportLabels labels = page.labels();
    Fonts fonts = page.fonts();
    if (continua.isEmpty()) {
      return;
    }
    document.add(section(fonts, labels.get("continua")));
    PdfPTable table = table(new float[] {3f, 1.4f, 1.1f, 1.1f, 2.2f});
    table.setHeaderRows(1);
    for (String key : new String[] {"subject", "raterRole", "current", "target", "rated"}) {
      table.addCell(header(fonts, labels.get(key)));
    }
    for (ContinuumSection continuum : continua) {
      PdfPCell name = cell(new Phrase(continuum.name(), fonts.label), fonts);
      name.setColspan(5);
      table.addCell(name);
      for (ContinuumSection.Rating rating : continuum.ratings()) {
        table.addCell(cell(fonts, rating.subject()));
        table.addCell(cell(fonts, labels.get("raterRole." + rating.raterRole())));
        table.addCell(cell(fonts, rating.current()));
        table.addCell(cell(fonts, rating.target() == null ? "" : rating.target()));
        table.addCell(cell(fonts, labels.get("ratedOn", day(rating.ratedAt(), page.zone(), page.dates()), rating.ratedBy())));
      }
      if (continuum.gaps() != null) {
        NumberFormat signed = NumberFormat.getIntegerInstance(page.locale());
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

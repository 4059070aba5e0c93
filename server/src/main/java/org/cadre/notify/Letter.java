package org.cadre.notify;

import org.cadre.http.Language;

import java.util.ArrayList;
import java.util.List;

/**
 * One email as plain values, written once and rendered twice: as plain text and as HTML, every piece of text
 * escaped in the HTML. {@code link} is the one thing to click (its label and address); {@code footer} says why the
 * mail came and how to stop it.
 */
record Letter(Language language, String title, String greeting, List<String> paragraphs, List<Section> sections,
              Link link, List<String> footer, Link unsubscribe) {

  record Link(String label, String url) {
  }

  /** A heading with its list; an empty list shows {@code empty} instead. */
  record Section(String heading, List<String> items, String empty) {
  }

  String text() {
    StringBuilder out = new StringBuilder(greeting).append("\n\n");
    paragraphs.forEach(p -> out.append(p).append("\n\n"));
    for (Section s : sections) {
      out.append(s.heading()).append('\n');
      if (s.items().isEmpty()) {
        out.append(s.empty()).append('\n');
      }
      s.items().forEach(item -> out.append("- ").append(item).append('\n'));
      out.append('\n');
    }
    if (link != null) {
      out.append(link.label()).append(":\n").append(link.url()).append("\n\n");
    }
    out.append("-- \n");
    footer.forEach(f -> out.append(f).append('\n'));
    if (unsubscribe != null) {
      out.append(unsubscribe.label()).append(": ").append(unsubscribe.url()).append('\n');
    }
    return out.toString();
  }

  String html() {
    StringBuilder out = new StringBuilder("<!DOCTYPE html>\n<html lang=\"").append(language.tag()).append("\">\n<head>\n")
      .append("<meta charset=\"utf-8\">\n<title>").append(escape(title)).append("</title>\n</head>\n")
      .append("<body style=\"font-family: sans-serif; line-height: 1.5; color: #1a1a1a; max-width: 36em;\">\n")
      .append("<p>").append(escape(greeting)).append("</p>\n");
    paragraphs.forEach(p -> out.append("<p>").append(escape(p)).append("</p>\n"));
    for (Section s : sections) {
      out.append("<h2 style=\"font-size: 1.1em;\">").append(escape(s.heading())).append("</h2>\n");
      if (s.items().isEmpty()) {
        out.append("<p>").append(escape(s.empty())).append("</p>\n");
      } else {
        out.append("<ul>\n");
        s.items().forEach(item -> out.append("<li>").append(escape(item)).append("</li>\n"));
        out.append("</ul>\n");
      }
    }
    if (link != null) {
      out.append("<p><a href=\"").append(escape(link.url())).append("\" style=\"display: inline-block; padding: 0.5em 1em; ")
        .append("background: #1f4e8c; color: #ffffff; text-decoration: none; border-radius: 4px;\">")
        .append(escape(link.label())).append("</a></p>\n");
    }
    out.append("<hr>\n");
    footer.forEach(f -> out.append("<p style=\"font-size: 0.9em; color: #555555;\">").append(escape(f)).append("</p>\n"));
    if (unsubscribe != null) {
      out.append("<p style=\"font-size: 0.9em;\"><a href=\"").append(escape(unsubscribe.url())).append("\">")
        .append(escape(unsubscribe.label())).append("</a></p>\n");
    }
    return out.append("</body>\n</html>\n").toString();
  }

  static String escape(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /** Builds a letter from the words of {@link MailText}. */
  static final class Builder {
    private final MailText words;
    private final String title;
    private final String greeting;
    private final List<String> paragraphs = new ArrayList<>();
    private final List<Section> sections = new ArrayList<>();
    private final List<String> footer = new ArrayList<>();
    private Link link;
    private Link unsubscribe;

    Builder(MailText words, String title, String name) {
      this.words = words;
      this.title = title;
      this.greeting = name == null ? words.get("greeting.anonymous") : words.get("greeting", name);
    }

    Builder paragraph(String text) {
      paragraphs.add(text);
      return this;
    }

    Builder section(String heading, List<String> items, String empty) {
      sections.add(new Section(heading, List.copyOf(items), empty));
      return this;
    }

    Builder link(String label, String url) {
      link = new Link(label, url);
      return this;
    }

    Builder footer(String text) {
      footer.add(text);
      return this;
    }

    Builder unsubscribe(String label, String url) {
      unsubscribe = new Link(label, url);
      return this;
    }

    Letter build() {
      return new Letter(words.language(), title, greeting, List.copyOf(paragraphs), List.copyOf(sections), link,
        List.copyOf(footer), unsubscribe);
    }
  }
}

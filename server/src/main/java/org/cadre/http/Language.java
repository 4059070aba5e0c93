package org.cadre.http;

import io.vertx.ext.web.RoutingContext;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The languages Cadre speaks. A request's language is its {@code lang} query parameter if it names one, else the
 * best match of its {@code Accept-Language} header, else English.
 */
public enum Language {
  EN, ES;

  private static final List<String> TAGS = Arrays.stream(values()).map(Language::tag).toList();

  /** The BCP 47 tag, {@code en} or {@code es}. */
  public String tag() {
    return name().toLowerCase(Locale.ROOT);
  }

  public Locale locale() {
    return Locale.forLanguageTag(tag());
  }

  /** The language named by a tag such as {@code es-MX}, or null when Cadre does not speak it. */
  public static Language ofTag(String tag) {
    if (tag == null || tag.isBlank()) {
      return null;
    }
    String base = Locale.forLanguageTag(tag.trim()).getLanguage();
    return TAGS.contains(base) ? valueOf(base.toUpperCase(Locale.ROOT)) : null;
  }

  /** The best of ours for an {@code Accept-Language} header, or English when it names none (or is malformed). */
  public static Language ofAcceptLanguage(String header) {
    if (header == null || header.isBlank()) {
      return EN;
    }
    try {
      String match = Locale.lookupTag(Locale.LanguageRange.parse(header), TAGS);
      return match == null ? EN : ofTag(match);
    } catch (IllegalArgumentException malformed) {
      return EN;
    }
  }

  public static Language of(RoutingContext ctx) {
    Language asked = ofTag(ctx.queryParams().get("lang"));
    return asked != null ? asked : ofAcceptLanguage(ctx.request().getHeader("Accept-Language"));
  }
}

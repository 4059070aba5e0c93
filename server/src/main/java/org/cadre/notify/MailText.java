package org.cadre.notify;

import org.cadre.http.Language;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ResourceBundle;

/**
 * The words of every email in one language, from {@code org/cadre/notify/mail*.properties}. Arguments replace
 * {@code {0}}, {@code {1}}, ... as given, so apostrophes are plain text.
 */
final class MailText {

  private final Language language;
  private final ResourceBundle bundle;

  MailText(Language language) {
    this.language = language;
    this.bundle = ResourceBundle.getBundle("org.cadre.notify.mail", language.locale(),
      ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
  }

  Language language() {
    return language;
  }

  String get(String key, Object... args) {
    String text = bundle.getString(key);
    for (int i = 0; i < args.length; i++) {
      text = text.replace("{" + i + "}", String.valueOf(args[i]));
    }
    return text;
  }

  /** A moment as a person in {@code zone} reads it: "Tuesday, March 3, 2026, 3:30 PM (America/Chicago)". */
  String moment(Instant at, ZoneId zone) {
    return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.FULL, FormatStyle.SHORT).withLocale(language.locale())
      .format(at.atZone(zone)) + " (" + zone.getId() + ")";
  }

  String number(java.math.BigDecimal n) {
    java.text.NumberFormat format = java.text.NumberFormat.getNumberInstance(language.locale());
    format.setMinimumFractionDigits(2);
    format.setMaximumFractionDigits(2);
    return format.format(n);
  }

  String date(LocalDate date) {
    return DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).withLocale(language.locale()).format(date);
  }
}

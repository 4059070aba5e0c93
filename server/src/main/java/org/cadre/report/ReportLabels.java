package org.cadre.report;

import org.cadre.http.Language;

import java.text.MessageFormat;
import java.util.ResourceBundle;

/** The report's words in one language, from {@code org/cadre/report/report*.properties}. */
final class ReportLabels {

  private final Language language;
  private final ResourceBundle bundle;

  ReportLabels(Language language) {
    this.language = language;
    // Without the fallback control, a JVM whose default locale is Spanish would answer Spanish for English.
    this.bundle = ResourceBundle.getBundle("org.cadre.report.report", language.locale(),
      ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
  }

  Language language() {
    return language;
  }

  String get(String key, Object... args) {
    String text = bundle.getString(key);
    return args.length == 0 ? text : new MessageFormat(text, language.locale()).format(args);
  }
}

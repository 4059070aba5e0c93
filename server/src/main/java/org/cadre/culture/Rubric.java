package org.cadre.culture;

import org.cadre.http.Language;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The continuum's words in one language: the names and one-line descriptions of the sixteen rows and three strands,
 * the level names, and the next-step sentences. They live in the bundles {@code org/cadre/culture/rubric.properties}
 * (English) and {@code rubric_es.properties}, which hold the same keys; the patterns are {@link MessageFormat}s.
 */
public final class Rubric {

  public static final List<String> STRANDS = List.of("A", "B", "C");
  public static final List<String> ROWS = List.of("A1", "A2", "A3", "A4", "A5", "A6", "B1", "B2", "B3", "B4",
    "C1", "C2", "C3", "C4", "C5", "C6");
  static final String BUNDLE = "org.cadre.culture.rubric";
  /** No fallback to the JVM's default locale: English is the base bundle, whatever the machine speaks. */
  private static final ResourceBundle.Control NO_FALLBACK =
    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

  private final Language language;
  private final ResourceBundle bundle;

  private Rubric(Language language) {
    this.language = language;
    // English is the base bundle, so it is looked up under the root locale.
    this.bundle = ResourceBundle.getBundle(BUNDLE, language == Language.EN ? Locale.ROOT : language.locale(), NO_FALLBACK);
  }

  /** The rubric in that language; bundles are cached by {@link ResourceBundle}, so this is cheap. */
  public static Rubric of(Language language) {
    return new Rubric(language);
  }

  public Language language() {
    return language;
  }

  /** A row's short name, such as "Student outcomes on the agenda" for A1. */
  public String rowName(String rowId) {
    return bundle.getString("row." + rowId + ".name");
  }

  /** What the row looks at, in one sentence. */
  public String rowDescription(String rowId) {
    return bundle.getString("row." + rowId + ".description");
  }

  public String strandName(String strandId) {
    return bundle.getString("strand." + strandId + ".name");
  }

  public String strandDescription(String strandId) {
    return bundle.getString("strand." + strandId + ".description");
  }

  /** A level as people read it ("Developing", "Insufficient evidence"). */
  public String levelName(Level level) {
    return bundle.getString("level." + level.name().toLowerCase(Locale.ROOT));
  }

  /** The sentence of a next step, its values written in this language's conventions. */
  public String nextStep(NextStep step) {
    return new MessageFormat(bundle.getString(step.key()), language.locale()).format(step.args().toArray());
  }
}

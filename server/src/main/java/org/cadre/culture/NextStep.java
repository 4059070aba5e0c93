package org.cadre.culture;

import java.util.List;

/**
 * What would move a row up a level, as a key of the rubric bundles and the values its sentence names. The engine
 * stays free of wording; {@link Rubric#nextStep(NextStep)} writes the sentence in a language.
 *
 * @param key  a key of {@code rubric.properties}, such as {@code next.A1.toDeveloping}
 * @param args the values the sentence names, in the order of its {@code {0}}, {@code {1}}, ...
 */
public record NextStep(String key, List<Object> args) {

  static NextStep of(String key, Object... args) {
    return new NextStep(key, List.of(args));
  }
}

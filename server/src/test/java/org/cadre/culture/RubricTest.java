package org.cadre.culture;

import org.cadre.demo.SampleHistories;
import org.cadre.history.TeamHistory;
import org.cadre.http.Language;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.cadre.history.HistoryBuilder.AS_OF;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The rubric bundles: the same keys in English and Spanish, and every row and strand named, described and advised. */
class RubricTest {

  private static Properties bundle(String name) throws IOException {
    try (InputStream in = RubricTest.class.getResourceAsStream("/org/cadre/culture/" + name)) {
      Properties p = new Properties();
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
      return p;
    }
  }

  /** The argument numbers a pattern uses, such as [0, 1]. */
  private static Set<String> arguments(String pattern) {
    Set<String> args = new TreeSet<>();
    Matcher m = Pattern.compile("\\{(\\d+)").matcher(pattern);
    while (m.find()) {
      args.add(m.group(1));
    }
    return args;
  }

  @Test
  void bothBundlesHoldTheSameKeysAndEachNextStepNamesTheSameValues() throws IOException {
    Properties en = bundle("rubric.properties");
    Properties es = bundle("rubric_es.properties");
    assertEquals(new TreeSet<>(en.stringPropertyNames()), new TreeSet<>(es.stringPropertyNames()));
    for (String key : en.stringPropertyNames()) {
      assertFalse(en.getProperty(key).isBlank(), key);
      assertFalse(es.getProperty(key).isBlank(), key);
      if (key.startsWith("next.")) {
        assertEquals(arguments(en.getProperty(key)), arguments(es.getProperty(key)), key);
      }
    }
  }

  @Test
  void everyRowAndStrandHasANameADescriptionAndANextStepTowardsEachLevel() throws IOException {
    Properties en = bundle("rubric.properties");
    for (String row : Rubric.ROWS) {
      assertTrue(en.containsKey("row." + row + ".name"), row);
      assertTrue(en.containsKey("row." + row + ".description"), row);
      for (String step : new String[] {"toDeveloping", "toTransforming", "sustain"}) {
        String prefix = "next." + row + "." + step;
        assertTrue(en.stringPropertyNames().stream().anyMatch(k -> k.equals(prefix) || k.startsWith(prefix + ".")), prefix);
      }
    }
    for (String strand : Rubric.STRANDS) {
      assertTrue(en.containsKey("strand." + strand + ".name"), strand);
      assertTrue(en.containsKey("strand." + strand + ".description"), strand);
    }
    for (Level level : Level.values()) {
      assertFalse(Rubric.of(Language.ES).levelName(level).isBlank(), level.name());
    }
  }

  @Test
  void everyNextStepTheEngineGivesIsWrittenInBothLanguages() {
    Rubric en = Rubric.of(Language.EN);
    Rubric es = Rubric.of(Language.ES);
    Set<String> keys = new HashSet<>();
    for (int i = 0; i < 120; i++) {
      TeamHistory history = SampleHistories.team(new Random(i), "t" + i, 2 + i % 50, AS_OF);
      for (Integer days : new Integer[] {null, 20, 45}) {
        for (RowResult row : Scoring.ENGINE.score(history, AS_OF, days).rows()) {
          keys.add(row.next().key());
          String english = en.nextStep(row.next());
          String spanish = es.nextStep(row.next());
          assertEquals(english, row.nextStep(), "the record's own text is the English one");
          assertFalse(english.contains("{") || spanish.contains("{"), row.next().key());
          assertFalse(english.contains("''") || spanish.contains("''"), row.next().key());
          assertNotEquals(english, spanish, row.next().key());
        }
      }
    }
    assertTrue(keys.size() > 40, "the histories reach most next steps: " + keys.size());
  }

  @Test
  void countsAreWrittenAsWordsWhereOneReadsBetter() {
    assertEquals("Review each adopted agreement in a meeting at least once in the window.",
      Rubric.of(Language.EN).nextStep(NextStep.of("next.B2.toTransforming.reviews", 1)));
    assertEquals("Revisar cada acuerdo adoptado en una reunión al menos 3 veces en el período.",
      Rubric.of(Language.ES).nextStep(NextStep.of("next.B2.toTransforming.reviews", 3)));
  }

  @Test
  void namesComeInTheAskedLanguage() {
    assertEquals("Student outcomes on the agenda", Rubric.of(Language.EN).rowName("A1"));
    assertEquals("Resultados de los estudiantes en la agenda", Rubric.of(Language.ES).rowName("A1"));
    assertEquals("Equidad y acceso", Rubric.of(Language.ES).rowName("B3"));
    assertEquals("Insufficient evidence", Rubric.of(Language.EN).levelName(Level.INSUFFICIENT));
  }
}

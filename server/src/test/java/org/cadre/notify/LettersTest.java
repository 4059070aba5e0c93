package org.cadre.notify;

import org.cadre.culture.Level;
import org.cadre.http.Language;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The digest as each language writes it: levels by name, scores with the language's decimal mark, text escaped. */
class LettersTest {

  private final Letters letters = new Letters("https://cadre.district.test");

  private static NotifyRepository.Digest digest() {
    return new NotifyRepository.Digest(List.of(), List.of(), List.of(new NotifyRepository.ScoreChange("Team <7>",
      Level.EMERGING, new BigDecimal("1.50"), Level.DEVELOPING, new BigDecimal("2.25")),
      new NotifyRepository.ScoreChange("Team 8", Level.DEVELOPING, new BigDecimal("2.00"), Level.INSUFFICIENT, null)));
  }

  @Test
  void spanishNamesTheLevelsAndWritesADecimalComma() {
    NotifyRepository.Recipient ana = new NotifyRepository.Recipient(UUID.randomUUID(), "Ana", "ana@x.test", Language.ES);
    Letter letter = letters.digest(ana, digest(), "tok.en");
    assertTrue(letter.text().contains("- Team <7>: de Emergente (1,50) a En desarrollo (2,25)"), letter.text());
    assertTrue(letter.text().contains("- Team 8: de En desarrollo (2,00) a Evidencia insuficiente"), letter.text());
    assertTrue(letter.text().contains("No tienes nada abierto."), letter.text());
    assertTrue(letter.html().contains("<li>Team &lt;7&gt;: de Emergente (1,50) a En desarrollo (2,25)</li>"), letter.html());
    assertTrue(letter.html().contains("href=\"https://cadre.district.test/unsubscribe?token=tok.en\""), letter.html());
    assertFalse(letter.html().contains("<7>"));
  }

  @Test
  void englishWritesADecimalPoint() {
    NotifyRepository.Recipient sam = new NotifyRepository.Recipient(UUID.randomUUID(), "Sam", "sam@x.test", Language.EN);
    Letter letter = letters.digest(sam, digest(), "t");
    assertTrue(letter.text().contains("- Team <7>: Emerging (1.50) to Developing (2.25)"), letter.text());
    assertTrue(letter.text().startsWith("Hello Sam,"), letter.text());
    assertTrue(letter.text().contains("Stop the weekly summary: https://cadre.district.test/unsubscribe?token=t"), letter.text());
  }
}

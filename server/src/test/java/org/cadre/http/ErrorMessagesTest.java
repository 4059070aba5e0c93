package org.cadre.http;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The server's error messages: every one in English and Spanish, with the same arguments in both. */
class ErrorMessagesTest {

  private static final Pattern ARGUMENT = Pattern.compile("\\{([0-9])}");

  private static Properties bundle(String name) throws IOException {
    Properties properties = new Properties();
    try (InputStream in = ErrorMessage.class.getResourceAsStream(name)) {
      properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return properties;
  }

  private static Set<String> arguments(String text) {
    Set<String> found = new TreeSet<>();
    Matcher m = ARGUMENT.matcher(text);
    while (m.find()) found.add(m.group(1));
    return found;
  }

  @Test
  void everyMessageIsInBothBundlesWithTheSameArgumentsAndNoBundleHoldsAnUnknownKey() throws IOException {
    Properties english = bundle("errors.properties");
    Properties spanish = bundle("errors_es.properties");
    Set<String> constants = Arrays.stream(ErrorMessage.values()).map(Enum::name).collect(Collectors.toCollection(TreeSet::new));
    List<String> problems = new ArrayList<>();
    for (String key : constants) {
      if (!english.containsKey(key)) problems.add("missing in errors.properties: " + key);
      if (!spanish.containsKey(key)) problems.add("missing in errors_es.properties: " + key);
      if (english.containsKey(key) && spanish.containsKey(key)
        && !arguments(english.getProperty(key)).equals(arguments(spanish.getProperty(key)))) {
        problems.add("arguments of " + key + ": en " + arguments(english.getProperty(key)) + ", es " + arguments(spanish.getProperty(key)));
      }
      if (english.containsKey(key) && spanish.containsKey(key) && english.getProperty(key).equals(spanish.getProperty(key))) {
        problems.add("not translated: " + key);
      }
    }
    for (Object key : english.keySet()) if (!constants.contains(key)) problems.add("not an ErrorMessage: " + key + " (errors.properties)");
    for (Object key : spanish.keySet()) if (!constants.contains(key)) problems.add("not an ErrorMessage: " + key + " (errors_es.properties)");
    assertEquals(List.of(), problems);
  }

  @Test
  void argumentsAreFilledInTheCallersLanguageAndNounsAreTranslatedToo() {
    assertEquals("'email' is required.", ErrorMessage.FIELD_REQUIRED.render(Language.EN, "email"));
    assertEquals("'email' es obligatorio.", ErrorMessage.FIELD_REQUIRED.render(Language.ES, "email"));
    assertEquals("'note' must be at most 2000 characters.", ErrorMessage.FIELD_MAX_LENGTH.render(Language.EN, "note", 2000));
    assertEquals("There is no norm with this id in this space.", ErrorMessage.ENTITY_NOT_FOUND.render(Language.EN, ErrorMessage.NOUN_NORM));
    assertEquals("No hay ningún elemento (norma) con este id en este espacio.",
      ErrorMessage.ENTITY_NOT_FOUND.render(Language.ES, ErrorMessage.NOUN_NORM));
    ApiException error = ApiException.invalid("title", ErrorMessage.FIELD_BLANK, "title");
    assertEquals("'title' must not be blank.", error.getMessage());
    assertEquals("'title' no debe estar en blanco.", error.toJson(Language.ES).getString("message"));
    assertEquals("title", error.toJson(Language.ES).getString("field"));
    assertEquals("invalid", error.toJson(Language.ES).getString("code"));
  }
}

package org.cadre.http;

import java.util.regex.Pattern;

/**
 * Links stored for others to click. Only web and mail links: a {@code javascript:} or {@code data:} link would run
 * in the viewer's session. Whitespace is refused outright, since browsers drop tabs and line breaks inside a URL
 * ({@code java\tscript:} is {@code javascript:}).
 */
public final class Links {

  private static final Pattern SAFE = Pattern.compile("(?iU)(https?://[^\\s/?#]+|mailto:)[^\\s]*");

  private Links() {
  }

  public static boolean isSafe(String link) {
    return SAFE.matcher(link).matches() && link.chars().noneMatch(Character::isISOControl);
  }
}

package org.cadre.history;

import org.cadre.http.ErrorMessage;
import org.cadre.http.Language;

/**
 * A team-history document that breaks the format. {@link #path()} names the first bad field as a JSON path
 * ({@code $.meetings[2].attendance[0].status}); the message says what is wrong with it, in English (the command
 * line's) or, through {@link #message()} and {@link #args()}, in the importer's language.
 */
public final class HistoryException extends RuntimeException {

  private final String path;
  private final ErrorMessage message;
  private final Object[] args;

  public HistoryException(String path, ErrorMessage message, Object... args) {
    super(message.render(Language.EN, args), null, false, false);
    this.path = path;
    this.message = message;
    this.args = args.clone();
  }

  public String path() {
    return path;
  }

  public ErrorMessage message() {
    return message;
  }

  public Object[] args() {
    return args.clone();
  }
}

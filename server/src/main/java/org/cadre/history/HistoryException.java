package org.cadre.history;

/**
 * A team-history document that breaks the format. {@link #path()} names the first bad field as a JSON path
 * ({@code $.meetings[2].attendance[0].status}); the message says what is wrong with it.
 */
public final class HistoryException extends RuntimeException {

  private final String path;

  public HistoryException(String path, String message) {
    super(message, null, false, false);
    this.path = path;
  }

  public String path() {
    return path;
  }
}

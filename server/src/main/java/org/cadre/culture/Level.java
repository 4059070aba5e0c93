package org.cadre.culture;

/** A continuum level, or why a row has none: too little evidence, or a row only people judge that nobody rated. */
public enum Level {
  EMERGING, DEVELOPING, TRANSFORMING, INSUFFICIENT, NOT_RATED;

  /** 1 to 3 for the levels a score counts. */
  public int number() {
    if (!scored()) {
      throw new IllegalStateException(this + " has no number");
    }
    return ordinal() + 1;
  }

  public boolean scored() {
    return this == EMERGING || this == DEVELOPING || this == TRANSFORMING;
  }

  /** The level numbered 1 to 3. */
  public static Level of(int number) {
    if (number < 1 || number > 3) {
      throw new IllegalArgumentException("a level is numbered 1 to 3, not " + number);
    }
    return values()[number - 1];
  }
}

package org.cadre.culture;

import java.util.List;

/** The dashboard colour of a status and a change, as the seed's grid gives it. */
public enum Colour {
  RED, ORANGE, YELLOW, GREEN, BLUE;

  public static Colour of(Status status, Change change) {
    // Columns in Change order: declined significantly ... increased significantly.
    List<Colour> row = switch (status) {
      case VERY_HIGH -> List.of(YELLOW, GREEN, BLUE, BLUE, BLUE);
      case HIGH -> List.of(ORANGE, YELLOW, GREEN, GREEN, BLUE);
      case MEDIUM -> List.of(ORANGE, ORANGE, YELLOW, GREEN, GREEN);
      case LOW -> List.of(RED, ORANGE, YELLOW, YELLOW, YELLOW);
      case VERY_LOW -> List.of(RED, RED, RED, ORANGE, YELLOW);
    };
    return row.get(change.ordinal());
  }
}

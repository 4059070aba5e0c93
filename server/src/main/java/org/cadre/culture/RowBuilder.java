package org.cadre.culture;

import org.cadre.http.JsonBody;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Collects one measured row: its values, thresholds, evidence and conditions. The level is the highest whose
 * conditions all hold (transforming needs the developing ones too); the next step is the advice of the first
 * condition that fails. Advice is a supplier so that rows which hold never build the sentence.
 * <p>
 * A builder that is not {@code detailed} keeps only the level: the window before the scored one needs no more, and
 * skipping the rest halves the work of a score.
 */
final class RowBuilder {

  private final String id;
  private final boolean detailed;
  private final Map<String, Object> measured;
  private final Map<String, Object> thresholds;
  private List<String> evidence = List.of();
  private boolean developing = true;
  private boolean transforming = true;
  private Supplier<NextStep> toDeveloping;
  private Supplier<NextStep> toTransforming;

  RowBuilder(String id, boolean detailed) {
    this.id = id;
    this.detailed = detailed;
    this.measured = detailed ? new LinkedHashMap<>() : Map.of();
    this.thresholds = detailed ? new LinkedHashMap<>() : Map.of();
  }

  RowBuilder measured(String name, Object value) {
    if (detailed) {
      measured.put(name, value);
    }
    return this;
  }

  /** The wire names of the enum constants whose ordinals are set in {@code bits}. */
  RowBuilder measuredNames(String name, int bits, Enum<?>[] constants) {
    if (detailed) {
      List<String> names = new ArrayList<>();
      for (Enum<?> constant : constants) {
        if ((bits & 1 << constant.ordinal()) != 0) {
          names.add(JsonBody.wireName(constant));
        }
      }
      measured.put(name, names);
    }
    return this;
  }

  /** The share {@code part / whole} to 4 decimals; null when there is nothing to share. */
  RowBuilder share(String name, int part, int whole) {
    return detailed ? measured(name, whole == 0 ? null : round4((double) part / whole)) : this;
  }

  RowBuilder threshold(String name, Object value) {
    if (detailed) {
      thresholds.put(name, value);
    }
    return this;
  }

  RowBuilder evidence(List<String> ids) {
    if (detailed) {
      evidence = Collections.unmodifiableList(ids);
    }
    return this;
  }

  RowBuilder developing(boolean holds, Supplier<NextStep> advice) {
    if (developing && !holds) {
      developing = false;
      toDeveloping = advice;
    }
    return this;
  }

  RowBuilder transforming(boolean holds, Supplier<NextStep> advice) {
    if (transforming && !holds) {
      transforming = false;
      toTransforming = advice;
    }
    return this;
  }

  /** The result; {@code sustain} is the next step of a row that is already transforming. */
  RowResult build(NextStep sustain, RowRating rating) {
    Level level = !developing ? Level.EMERGING : transforming ? Level.TRANSFORMING : Level.DEVELOPING;
    NextStep next = !detailed ? null : switch (level) {
      case EMERGING -> toDeveloping.get();
      case DEVELOPING -> toTransforming.get();
      default -> sustain;
    };
    return result(level, next, rating);
  }

  /** A row that could not be judged: the measured values say what was missing, the next step what to record. */
  RowResult insufficient(NextStep nextStep, RowRating rating) {
    return result(Level.INSUFFICIENT, nextStep, rating);
  }

  private RowResult result(Level level, NextStep nextStep, RowRating rating) {
    return new RowResult(id, level, Collections.unmodifiableMap(measured), Collections.unmodifiableMap(thresholds),
      evidence, nextStep, rating);
  }

  /** Whether part / whole reaches the share; with no whole at all it does not. */
  static boolean reaches(int part, int whole, double share) {
    return whole > 0 && (double) part / whole >= share;
  }

  static double round4(double value) {
    return Math.round(value * 10_000) / 10_000.0;
  }

  static String percent(double share) {
    return Math.round(share * 100) + "%";
  }
}

package org.cadre.bench;

import org.cadre.culture.CultureEngine;
import org.cadre.culture.CultureRules;
import org.cadre.culture.CultureScore;
import org.cadre.culture.Level;
import org.cadre.demo.SampleHistories;
import org.cadre.history.TeamHistory;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * Times the culture engine on 1,000 sample teams of 100 meetings each, held in memory, against the target of scoring
 * them all in under 100 ms. Run from the repository root:
 * {@code mvn -q -DskipTests package && java -jar bench/target/cadre-bench.jar}.
 */
public final class ScoreBenchmark {

  private static final int TEAMS = 1_000;
  private static final int MEETINGS = 100;
  private static final int WARM_UP_ROUNDS = 30;
  private static final int ROUNDS = 20;
  private static final double TARGET_MS = 100;
  private static final Instant AS_OF = Instant.parse("2026-06-30T00:00:00Z");

  private ScoreBenchmark() {
  }

  public static void main(String[] args) {
    Random random = new Random(42);
    List<TeamHistory> teams = IntStream.range(0, TEAMS)
      .mapToObj(i -> SampleHistories.team(random, "team-" + i, MEETINGS, AS_OF))
      .toList();
    CultureEngine engine = new CultureEngine(CultureRules.defaults());
    describe(teams, engine);

    for (int i = 0; i < WARM_UP_ROUNDS; i++) {
      scoreAll(engine, teams);
    }
    double[] millis = new double[ROUNDS];
    for (int i = 0; i < ROUNDS; i++) {
      long start = System.nanoTime();
      scoreAll(engine, teams);
      millis[i] = (System.nanoTime() - start) / 1e6;
    }
    Arrays.sort(millis);
    double median = millis[ROUNDS / 2];
    System.out.printf("scored %,d teams x %d meetings, %d rounds after %d warm-up rounds, on %d cores%n",
      TEAMS, MEETINGS, ROUNDS, WARM_UP_ROUNDS, Runtime.getRuntime().availableProcessors());
    System.out.printf("min %.1f ms, median %.1f ms, max %.1f ms per round; %,.0f teams/s at the median%n",
      millis[0], median, millis[ROUNDS - 1], TEAMS / (median / 1000));
    System.out.printf("target: all %,d teams in under %.0f ms: %s%n", TEAMS, TARGET_MS, median < TARGET_MS ? "met" : "MISSED");
  }

  /** Scores every team, teams spread over the common fork-join pool (the engine itself is single-threaded). */
  private static long scoreAll(CultureEngine engine, List<TeamHistory> teams) {
    // The sum keeps the JIT from discarding the work.
    return teams.parallelStream().mapToLong(h -> engine.score(h, AS_OF, null).meetingsHeld()).sum();
  }

  /** What is being scored: the size of the data and how the teams spread over the levels. */
  private static void describe(List<TeamHistory> teams, CultureEngine engine) {
    long items = 0;
    long attendance = 0;
    long decisions = 0;
    for (TeamHistory team : teams) {
      for (TeamHistory.Meeting m : team.meetings()) {
        items += m.agenda().size();
        attendance += m.attendance().size();
        decisions += m.decisions().size();
      }
    }
    Map<Level, Integer> levels = new EnumMap<>(Level.class);
    for (TeamHistory team : teams) {
      CultureScore score = engine.score(team, AS_OF, null);
      levels.merge(score.level(), 1, Integer::sum);
    }
    System.out.printf("%,d meetings with %,d agenda items, %,d attendance entries and %,d decisions; overall levels %s%n",
      (long) TEAMS * MEETINGS, items, attendance, decisions, levels);
  }
}

package org.cadre.demo;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.cadre.continuum.ContinuumRepository;
import org.cadre.http.JsonBody;
import org.cadre.realtime.Commands;
import org.cadre.realtime.Commands.Command;
import org.cadre.space.Access;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The demo's continuum ratings: the network's partnerships rated three times over the year, and the health
 * academy's support rated by its college partner and by its lead. A space that has any ratings is left as it is.
 */
final class DemoContinua {

  private record Step(String spaceKey, String personKey, int daysAgo, String continuum, String subject, String raterRole,
                      int current, int target, List<String> checked, String note) {
  }

  private static final String COLLEGE = "Coastline Community College";
  private static final String DISTRICT = "Riverside Unified School District";

  private static final List<Step> STEPS = List.of(
    new Step("network", "nadia", 200, "partnership", COLLEGE, "self", 3, 6, List.of("3.1"), "We meet each term but plan separately."),
    new Step("network", "nadia", 110, "partnership", COLLEGE, "self", 4, 6, List.of("3.1", "4.1", "4.2"),
      "Shared calendar for dual enrollment; named leads on both sides."),
    new Step("network", "nadia", 20, "partnership", COLLEGE, "self", 5, 6, List.of("3.1", "4.1", "4.2", "5.1", "5.2"),
      "Lab space shared with the health academy. The MOU draft is still open."),
    new Step("network", "nadia", 150, "partnership", DISTRICT, "self", 4, 6, List.of("4.1", "4.2"), "Monthly check-ins with district leads."),
    new Step("network", "daniel", 30, "partnership", DISTRICT, "self", 5, 6, List.of("4.1", "4.2", "5.1", "5.2"),
      "Joint budget talks for next year's pathway coaches."),
    new Step("ninth", "ana", 60, "partnership", COLLEGE, "self", 4, 5, List.of("4.1", "4.2"), "Priya joins our planning every other week."),
    new Step("health", "jamal", 45, "helpfulness", "interest", "provider", 3, 3, List.of("3.1"), ""),
    new Step("health", "ravi", 40, "helpfulness", "interest", "receiver", 2, 3, List.of("2.1"), "Goals are clear; we still lack measures."),
    new Step("health", "jamal", 45, "helpfulness", "information", "provider", 2, 3, List.of("2.1", "2.2"), ""),
    new Step("health", "ravi", 40, "helpfulness", "information", "receiver", 2, 3, List.of("2.1"), ""),
    new Step("health", "jamal", 45, "helpfulness", "ideology", "provider", 3, 3, List.of(), ""),
    new Step("health", "ravi", 40, "helpfulness", "ideology", "receiver", 1, 3, List.of(), "Updates reach us by too many channels."),
    new Step("health", "jamal", 45, "helpfulness", "context", "provider", 2, 3, List.of("2.1"), ""),
    new Step("health", "ravi", 40, "helpfulness", "context", "receiver", 2, 3, List.of("2.1"), ""));

  private final Commands commands;
  private final ContinuumRepository repository;
  private final Map<String, UUID> users;
  private final Map<String, UUID> spaces;
  private final Instant now;

  DemoContinua(Commands commands, ContinuumRepository repository, Map<String, UUID> users, Map<String, UUID> spaces, Instant now) {
    this.commands = commands;
    this.repository = repository;
    this.users = users;
    this.spaces = spaces;
    this.now = now;
  }

  Future<Void> seed() {
    Future<Void> chain = Future.succeededFuture();
    for (String spaceKey : STEPS.stream().map(Step::spaceKey).distinct().toList()) {
      UUID space = spaces.get(spaceKey);
      chain = chain.compose(v -> repository.any(space)).compose(rated -> rated ? Future.succeededFuture() : rate(spaceKey, space));
    }
    return chain;
  }

  private Future<Void> rate(String spaceKey, UUID space) {
    Future<Void> chain = Future.succeededFuture();
    for (Step step : STEPS.stream().filter(s -> s.spaceKey().equals(spaceKey))
      .sorted((a, b) -> Integer.compare(b.daysAgo(), a.daysAgo())).toList()) {
      JsonObject body = new JsonObject().put("continuum", step.continuum()).put("subject", step.subject())
        .put("raterRole", step.raterRole()).put("current", step.current()).put("target", step.target())
        .put("checked", new JsonArray(step.checked())).put("note", step.note());
      chain = chain.compose(v -> commands.run(new Command("continuum.rate", space, users.get(step.personKey()), Access.WRITE,
        new JsonBody(body), now.minus(step.daysAgo(), ChronoUnit.DAYS))).mapEmpty());
    }
    return chain;
  }
}

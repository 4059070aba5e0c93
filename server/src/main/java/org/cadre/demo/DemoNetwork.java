package org.cadre.demo;

import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import org.cadre.account.Accounts;
import org.cadre.account.Principal;
import org.cadre.continuum.ContinuumRepository;
import org.cadre.realtime.Commands;
import org.cadre.space.Kind;
import org.cadre.space.Role;
import org.cadre.space.Space;
import org.cadre.space.SpaceChanges;
import org.cadre.space.Spaces;
import org.cadre.team.Boards;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@code --demo}: a network to click through, with one district, two high schools, four teams, a partner
 * college and people in every role, and months of each team's meetings up to now ({@link DemoHistory}). Every step
 * looks for what it would create first, so seeding again (on each start with {@code --demo}) changes nothing.
 */
public final class DemoNetwork {

  public static final String PASSWORD = "cadre-demo-2026";

  /** A demo account and what it is for. */
  public record Person(String key, String email, String name, String organization, boolean admin, String part) {
  }

  private record SpacePlan(String key, String parentKey, Kind kind, String name, String description, String creatorKey) {
  }

  private record MemberPlan(String spaceKey, String personKey, Role role) {
  }

  private static final String NETWORK_ORG = "Harbor Valley Pathways Network";
  private static final String DISTRICT_ORG = "Riverside Unified School District";
  private static final String COLLEGE_ORG = "Coastline Community College";

  static final List<Person> PEOPLE = List.of(
    new Person("admin", "admin@harborvalley.demo", "Casey Admin", NETWORK_ORG, true, "administrator"),
    new Person("nadia", "nadia.okafor@harborvalley.demo", "Nadia Okafor", NETWORK_ORG, false, "network lead and facilitator"),
    new Person("daniel", "daniel.reyes@riverside.demo", "Daniel Reyes", DISTRICT_ORG, false, "district lead"),
    new Person("olivia", "olivia.chen@riverside.demo", "Olivia Chen", DISTRICT_ORG, false, "district observer"),
    new Person("marcus", "marcus.bell@riverside.demo", "Marcus Bell", DISTRICT_ORG, false, "Lincoln High site lead"),
    new Person("sofia", "sofia.alvarez@riverside.demo", "Sofia Alvarez", DISTRICT_ORG, false, "Jefferson High site lead"),
    new Person("ana", "ana.torres@riverside.demo", "Ana Torres", DISTRICT_ORG, false, "9th grade team lead"),
    new Person("ben", "ben.carter@riverside.demo", "Ben Carter", DISTRICT_ORG, false, "9th grade team member"),
    new Person("grace", "grace.kim@riverside.demo", "Grace Kim", DISTRICT_ORG, false, "9th grade team member"),
    new Person("leo", "leo.martin@riverside.demo", "Leo Martin", DISTRICT_ORG, false, "Lincoln leadership member"),
    new Person("ravi", "ravi.patel@riverside.demo", "Ravi Patel", DISTRICT_ORG, false, "health academy team lead"),
    new Person("emma", "emma.johnson@riverside.demo", "Emma Johnson", DISTRICT_ORG, false, "health academy team member"),
    new Person("luis", "luis.garcia@riverside.demo", "Luis Garcia", DISTRICT_ORG, false, "health academy team member"),
    new Person("hannah", "hannah.lee@riverside.demo", "Hannah Lee", DISTRICT_ORG, false, "Jefferson leadership member"),
    new Person("tom", "tom.baker@riverside.demo", "Tom Baker", DISTRICT_ORG, false, "instructional coach, observer on the 9th grade team"),
    new Person("priya", "priya.raman@coastline.demo", "Priya Raman", COLLEGE_ORG, false, "partner on the 9th grade team"),
    new Person("jamal", "jamal.wright@coastline.demo", "Jamal Wright", COLLEGE_ORG, false, "partner on the health academy team"));

  private static final List<SpacePlan> SPACES = List.of(
    new SpacePlan("network", null, Kind.NETWORK, NETWORK_ORG,
      "Districts, schools and partner colleges building college and career pathways together.", "nadia"),
    new SpacePlan("district", "network", Kind.DISTRICT, "Riverside Unified",
      "District leadership for pathway coherence across our high schools.", "daniel"),
    new SpacePlan("lincoln", "district", Kind.SITE, "Lincoln High School", "Home of the 9th grade pathway pilot.", "marcus"),
    new SpacePlan("jefferson", "district", Kind.SITE, "Jefferson High School", "Health sciences academy site.", "sofia"),
    new SpacePlan("ninth", "lincoln", Kind.TEAM, "Lincoln 9th Grade Pathway Team",
      "Teachers of the 9th grade cohort, with Coastline's dual-enrollment advisor.", "ana"),
    new SpacePlan("lincoln-leads", "lincoln", Kind.TEAM, "Lincoln Leadership Team", "The site's leadership team.", "marcus"),
    new SpacePlan("health", "jefferson", Kind.TEAM, "Jefferson Health Academy Team",
      "Academy teachers and Coastline's allied-health faculty liaison.", "ravi"),
    new SpacePlan("jefferson-leads", "jefferson", Kind.TEAM, "Jefferson Leadership Team", "The site's leadership team.", "sofia"));

  private static final List<MemberPlan> MEMBERS = List.of(
    new MemberPlan("district", "olivia", Role.OBSERVER),
    new MemberPlan("ninth", "ben", Role.MEMBER),
    new MemberPlan("ninth", "grace", Role.MEMBER),
    new MemberPlan("ninth", "priya", Role.PARTNER),
    new MemberPlan("ninth", "tom", Role.OBSERVER),
    new MemberPlan("lincoln-leads", "ana", Role.MEMBER),
    new MemberPlan("lincoln-leads", "leo", Role.MEMBER),
    new MemberPlan("health", "emma", Role.MEMBER),
    new MemberPlan("health", "luis", Role.MEMBER),
    new MemberPlan("health", "jamal", Role.PARTNER),
    new MemberPlan("jefferson-leads", "ravi", Role.MEMBER),
    new MemberPlan("jefferson-leads", "hannah", Role.MEMBER));

  private final Accounts accounts;
  private final Spaces spaces;
  private final Commands commands;
  private final Instant now;
  private final Map<String, Principal> people = new HashMap<>();
  private final Map<String, Space> created = new LinkedHashMap<>();

  /**
   * @param commands the commands the teams' history is made with ({@link #commands})
   * @param now      where that history ends
   */
  public DemoNetwork(Accounts accounts, Spaces spaces, Commands commands, Instant now) {
    this.accounts = accounts;
    this.spaces = spaces;
    this.commands = commands;
    this.now = now;
  }

  /** The board commands, as the HTTP verticles register them, for the demo's history. */
  public static Commands commands(Vertx vertx, Pool pool, SpaceChanges changes, MeterRegistry meters) {
    return Boards.register(new Commands(meters), vertx, pool, changes);
  }

  /** Seeds what is missing and answers the demo accounts. */
  public Future<List<Person>> seed() {
    return each(PEOPLE, this::ensurePerson)
      .compose(v -> each(SPACES, this::ensureSpace))
      .compose(v -> each(MEMBERS, m -> spaces.setMember(people.get(SPACES.get(0).creatorKey()),
        created.get(m.spaceKey()).id(), people.get(m.personKey()).userId(), m.role()).mapEmpty()))
      .compose(v -> new DemoHistory(commands, spaces.repository().pool(), userIds(), now).seed(teamIds()))
      .compose(v -> new DemoContinua(commands, new ContinuumRepository(spaces.repository().pool()), userIds(), spaceIds(), now).seed())
      .map(PEOPLE);
  }

  private Map<String, UUID> userIds() {
    return people.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().userId()));
  }

  private Map<String, UUID> spaceIds() {
    return created.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().id()));
  }

  private Map<String, UUID> teamIds() {
    return SPACES.stream().filter(plan -> plan.kind() == Kind.TEAM)
      .collect(Collectors.toMap(SpacePlan::key, plan -> created.get(plan.key()).id()));
  }

  private Future<Void> ensurePerson(Person person) {
    return accounts.repository().byEmail(person.email())
      .compose(existing -> existing != null ? Future.succeededFuture(existing)
        : accounts.register(person.email(), PASSWORD, person.name(), person.organization(), person.admin()))
      .onSuccess(principal -> people.put(person.key(), principal))
      .mapEmpty();
  }

  private Future<Void> ensureSpace(SpacePlan plan) {
    Space parent = plan.parentKey() == null ? null : created.get(plan.parentKey());
    return spaces.repository().findChild(parent == null ? null : parent.id(), plan.name())
      .compose(existing -> existing != null ? Future.succeededFuture(existing)
        : spaces.create(people.get(plan.creatorKey()), parent == null ? null : parent.id(), plan.kind(), plan.name(), plan.description()))
      .onSuccess(space -> created.put(plan.key(), space))
      .mapEmpty();
  }

  private static <T> Future<Void> each(List<T> items, Function<T, Future<Void>> step) {
    Future<Void> chain = Future.succeededFuture();
    for (T item : items) {
      chain = chain.compose(v -> step.apply(item));
    }
    return chain;
  }

  /** Prints the demo accounts: this is how a newcomer learns what to log in with. */
  public static void print(List<Person> people) {
    StringBuilder out = new StringBuilder("\nDemo network ready. Every demo account's password is: ").append(PASSWORD).append('\n');
    for (Person p : people) {
      out.append(String.format("  %-34s %s%n", p.email(), p.part()));
    }
    System.out.println(out);
  }
}

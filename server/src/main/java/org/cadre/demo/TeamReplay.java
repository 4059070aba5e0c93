package org.cadre.demo;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.cadre.demo.DemoTeams.Agreement;
import org.cadre.demo.DemoTeams.Goal;
import org.cadre.demo.DemoTeams.Plan;
import org.cadre.demo.DemoTeams.Task;
import org.cadre.demo.DemoTeams.Topic;
import org.cadre.history.ActionStatus;
import org.cadre.history.AgreementKind;
import org.cadre.history.AgreementStatus;
import org.cadre.history.AttendanceStatus;
import org.cadre.history.DecisionKind;
import org.cadre.history.FeedbackKind;
import org.cadre.history.Outcome;
import org.cadre.http.JsonBody;
import org.cadre.meeting.Recurrence;
import org.cadre.protocol.ProtocolLibrary;
import org.cadre.realtime.Commands;
import org.cadre.realtime.Commands.Command;
import org.cadre.space.Access;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.IntStream;

/**
 * One demo team's months of history, played out through the board commands people use. Every command is a step
 * at the moment it happens; steps run in time order, one at a time, and a step's reply may schedule later ones (an
 * agenda item, once it exists, is discussed in the meeting; an action item is claimed and later completed). Nothing
 * is scheduled after {@code now}, so the log ends where the demo starts. Chance comes from a {@link Random} seeded
 * per team, so the same {@code now} always gives the same history.
 */
final class TeamReplay {

  static final ZoneId ZONE = ZoneId.of("America/Los_Angeles");
  /** A meeting that started less than this before now might still be going on: it is cancelled instead of held. */
  private static final Duration OVERRUN = Duration.ofHours(3);
  /** Built-in protocols of the team's last this many meetings are run live with the runner, not recorded whole. */
  private static final int LIVE_RUNS_WITHIN = 8;
  private static final List<String> DEBRIEFS = List.of(
    "We stayed with the evidence and nobody jumped to solutions early; the timekeeper had to nudge us twice.",
    "Everyone spoke during the facts round. We agreed to keep the silent writing time next time.",
    "We kept our norm of assuming good intent; the inference step ran long because we argued over one chart.");
  /** How long before its first meeting the team settles its settings, series and charter. */
  private static final Duration SETUP = Duration.ofDays(14);

  private record Occurrence(UUID id, int index, Instant start, Instant end, String facilitator) {
  }

  /** An item on a meeting's agenda, discussed from {@code from} for its minutes. */
  private record Item(Topic topic, String presenter, Instant from) {

    Instant end() {
      return from.plus(minutes(topic.minutes()));
    }
  }

  private record Step(Instant at, long order, String who, String type, Supplier<JsonObject> body, Consumer<JsonObject> then) {
  }

  private final Commands commands;
  private final Plan plan;
  private final UUID space;
  private final Map<String, UUID> people;
  private final Instant now;
  private final Random random;
  private final List<ZonedDateTime> starts;
  private final int lastHeld;
  private final PriorityQueue<Step> steps = new PriorityQueue<>(Comparator.comparing(Step::at).thenComparingLong(Step::order));
  private final List<UUID> goals = new ArrayList<>();
  private final Map<Agreement, UUID> agreements = new HashMap<>();
  private final Map<Agreement, Integer> adoptedAt = new HashMap<>();
  private final Set<Goal> revised = new HashSet<>();
  private final Map<String, Integer> turns = new HashMap<>();
  private long scheduled;
  private int held;

  TeamReplay(Commands commands, Plan plan, UUID space, Map<String, UUID> people, Instant now) {
    this.commands = commands;
    this.plan = plan;
    this.space = space;
    this.people = people;
    this.now = now;
    this.random = new Random(plan.seed());
    this.starts = starts(plan.schedule(), now);
    this.lastHeld = IntStream.range(0, starts.size()).filter(this::isHeld).max().orElse(-1);
  }

  /** The series ends with the first meeting after now and as many more as are upcoming, at the team's local time. */
  private static List<ZonedDateTime> starts(DemoTeams.Schedule schedule, Instant now) {
    LocalDate next = now.atZone(ZONE).toLocalDate().with(TemporalAdjusters.nextOrSame(schedule.day()));
    if (!ZonedDateTime.ofLocal(next.atTime(schedule.time()), ZONE, null).toInstant().isAfter(now)) {
      next = next.plusWeeks(1);
    }
    LocalDate first = next.minusWeeks((long) schedule.everyWeeks() * schedule.past());
    return new Recurrence(Recurrence.Frequency.WEEKLY, schedule.everyWeeks())
      .occurrences(ZonedDateTime.ofLocal(first.atTime(schedule.time()), ZONE, null), schedule.past() + schedule.upcoming());
  }

  private boolean isHeld(int index) {
    Instant start = starts.get(index).toInstant();
    return !plan.schedule().cancelled().contains(index) && !start.plus(OVERRUN).isAfter(now);
  }

  /** When the team's history starts: its roster must date from then for its meetings to have one. */
  Instant begins() {
    return starts.get(0).toInstant().minus(SETUP);
  }

  Future<Void> run() {
    Instant setup = begins();
    at(setup, lead(), "team.settings", this::settings);
    at(setup.plus(Duration.ofMinutes(20)), lead(), "meeting.create", this::series,
      created -> occurrences(created.getJsonArray("meetings")));
    charter(setup.plus(Duration.ofDays(1)));
    return drain();
  }

  // --- running steps in time order --------------------------------------------------------------------------

  private void at(Instant when, String who, String type, Supplier<JsonObject> body) {
    at(when, who, type, body, payload -> {
    });
  }

  /** Schedules a command as a person; what happens after now is left out. */
  private void at(Instant when, String who, String type, Supplier<JsonObject> body, Consumer<JsonObject> then) {
    if (!when.isAfter(now)) {
      steps.add(new Step(when, scheduled++, who, type, body, then));
    }
  }

  private Future<Void> drain() {
    Step step = steps.poll();
    if (step == null) {
      return Future.succeededFuture();
    }
    UUID user = people.get(step.who());
    Access access = step.who().equals(lead()) ? Access.MANAGE : Access.WRITE;
    return commands.run(new Command(step.type(), space, user, access, new JsonBody(step.body().get()), step.at()))
      .recover(err -> Future.failedFuture(new IllegalStateException("Demo history of " + plan.key() + ": " + step.type()
        + " at " + step.at() + " failed: " + err.getMessage(), err)))
      .compose(event -> {
        step.then().accept(event.getJsonObject("payload"));
        return drain();
      });
  }

  // --- the team and its charter ---------------------------------------------------------------------------------

  private String lead() {
    return plan.roster().lead();
  }

  private JsonObject settings() {
    JsonObject body = new JsonObject().put("timeZone", ZONE.getId());
    if (plan.schedule().cadenceDays() != null) {
      body.put("cadenceDays", plan.schedule().cadenceDays());
    }
    if (plan.roster().leaderSelection() != null) {
      body.put("leaderSelection", new JsonObject().put("method", plan.roster().leaderSelection()));
    }
    return body;
  }

  private JsonObject series() {
    DemoTeams.Schedule schedule = plan.schedule();
    return new JsonObject()
      .put("title", schedule.title())
      .put("localStart", starts.get(0).toLocalDateTime().toString())
      .put("durationMinutes", schedule.minutes())
      .put("location", schedule.location())
      .put("repeat", new JsonObject().put("frequency", "weekly").put("interval", schedule.everyWeeks()).put("count", starts.size()));
  }

  /** Norms are written together; the lead records the goals and the agreements still being worked out. */
  private void charter(Instant when) {
    Instant next = when;
    for (String norm : plan.commitments().norms()) {
      next = next.plus(Duration.ofMinutes(3));
      at(next, next("norm author", plan.roster().everyone()), "norm.create", () -> new JsonObject().put("text", norm));
    }
    for (Goal goal : plan.commitments().goals()) {
      next = next.plus(Duration.ofMinutes(5));
      at(next, lead(), "goal.create", () -> new JsonObject().put("title", goal.title()).put("description", goal.description()),
        created -> goals.add(UUID.fromString(created.getString("id"))));
    }
    for (Agreement agreement : plan.commitments().agreements()) {
      next = next.plus(Duration.ofMinutes(5));
      at(next, lead(), "agreement.create", () -> new JsonObject().put("title", agreement.title())
          .put("description", agreement.description()).put("kind", JsonBody.wireName(agreement.kind()))
          .put("status", JsonBody.wireName(agreement.status())),
        created -> agreements.put(agreement, UUID.fromString(created.getString("id"))));
    }
  }

  // --- meetings -------------------------------------------------------------------------------------------------

  private void occurrences(JsonArray meetings) {
    for (int i = 0; i < meetings.size(); i++) {
      JsonObject meeting = meetings.getJsonObject(i);
      List<String> facilitators = plan.roster().facilitators();
      Occurrence occurrence = new Occurrence(UUID.fromString(meeting.getString("id")), i, Instant.parse(meeting.getString("startsAt")),
        Instant.parse(meeting.getString("endsAt")), facilitators.get(i % facilitators.size()));
      if (occurrence.start().isAfter(now)) {
        upcoming(occurrence);
      } else if (isHeld(i)) {
        hold(occurrence);
      } else {
        cancel(occurrence);
      }
    }
  }

  private void cancel(Occurrence o) {
    Instant when = o.start().minus(Duration.ofHours(2 + random.nextInt(46)));
    String reason = next("cancel reason", plan.schedule().cancelReasons());
    at(when, lead(), "meeting.update", () -> meeting(o).put("notes", "Cancelled: " + reason));
    at(when.plus(Duration.ofMinutes(1)), lead(), "meeting.cancel", () -> meeting(o));
  }

  /** The next meetings: their agendas are out (early, since the demo starts now) and reminders go when due. */
  private void upcoming(Occurrence o) {
    Instant planned = o.start().minus(Duration.ofHours(26 + random.nextInt(70)));
    prepare(o, agenda(o, plan.roster().everyone()), earliest(planned, now.minus(minutes(30))), reminder(o), null);
  }

  /** A meeting that took place: prepared, attended, discussed item by item, wrapped up and closed. */
  private void hold(Occurrence o) {
    Map<String, AttendanceStatus> roll = rollCall(o);
    List<String> there = roll.entrySet().stream()
      .filter(e -> e.getValue() == AttendanceStatus.PRESENT || e.getValue() == AttendanceStatus.LATE).map(Map.Entry::getKey).toList();
    List<Item> agenda = agenda(o, there);
    prepare(o, agenda, published(o), reminder(o), there);
    attend(o, roll);
    Instant wrapUp = agenda.isEmpty() ? o.start() : agenda.get(agenda.size() - 1).end();
    feedback(o, agenda, there, wrapUp.plus(minutes(1)));
    commitments(o, wrapUp.plus(minutes(4)));
    equity(o, wrapUp.plus(minutes(7)));
    rituals(o, wrapUp.plus(minutes(9)));
    Instant closing = latest(o.end(), wrapUp.plus(minutes(10)));
    at(closing, o.facilitator(), "meeting.close", () -> meeting(o));
    if (o.index() == lastHeld) {
      ratings(closing.plus(minutes(5)));
    }
    held++;
  }

  /** Who comes: the facilitator always does; everyone else on time, late, excused or absent by the team's habits. */
  private Map<String, AttendanceStatus> rollCall(Occurrence o) {
    DemoTeams.Attendance habits = plan.habits().attendance();
    Map<String, AttendanceStatus> roll = new LinkedHashMap<>();
    for (String person : plan.roster().everyone()) {
      double r = random.nextDouble();
      roll.put(person, person.equals(o.facilitator()) || r < habits.present() ? AttendanceStatus.PRESENT
        : r < habits.present() + habits.late() ? AttendanceStatus.LATE
        : r < habits.present() + habits.late() + habits.excused() ? AttendanceStatus.EXCUSED : AttendanceStatus.ABSENT);
    }
    return roll;
  }

  /** Each slot of the team's agenda is filled, by chance, with its next topic; presenters take turns among those there. */
  private List<Item> agenda(Occurrence o, List<String> presenters) {
    List<Item> items = new ArrayList<>();
    Instant from = o.start().plus(minutes(3));
    for (int s = 0; s < plan.slots().size(); s++) {
      DemoTeams.Slot slot = plan.slots().get(s);
      if (random.nextDouble() < slot.chance()) {
        Topic topic = next("slot " + s, slot.topics());
        items.add(new Item(topic, topic.presented() ? next("presenter", presenters) : null, from));
        from = from.plus(minutes(topic.minutes()));
      }
    }
    return items;
  }

  private Instant published(Occurrence o) {
    DemoTeams.Prep prep = plan.habits().prep();
    double r = random.nextDouble();
    return r < prep.ahead() ? o.start().minus(Duration.ofHours(26 + random.nextInt(70)))
      : r < prep.ahead() + prep.sameDay() ? o.start().minus(Duration.ofHours(2 + random.nextInt(4))) : null;
  }

  private Instant reminder(Occurrence o) {
    return random.nextDouble() < plan.habits().prep().reminder() ? o.start().minus(Duration.ofHours(14 + random.nextInt(6))) : null;
  }

  /**
   * The facilitator takes over from the lead, presenters add their items and the rest is added by the facilitator,
   * then the agenda is published (or not) and a reminder sent. Items of a meeting being held ({@code there} not
   * null) are then discussed by those there.
   */
  private void prepare(Occurrence o, List<Item> agenda, Instant published, Instant reminder, List<String> there) {
    Instant adding = (published != null ? published : o.start().minus(Duration.ofHours(2))).minus(minutes(10L * agenda.size() + 15));
    if (!o.facilitator().equals(lead())) {
      Instant handover = earliest(o.start().minus(Duration.ofDays(5)), adding.minus(minutes(5)));
      at(handover, lead(), "meeting.update", () -> meeting(o).put("facilitatorId", people.get(o.facilitator()).toString()));
    }
    for (int k = 0; k < agenda.size(); k++) {
      Item item = agenda.get(k);
      at(adding.plus(minutes(10L * k)), item.presenter() != null ? item.presenter() : o.facilitator(), "agenda.add",
        () -> itemBody(o, item), added -> {
          if (there != null) {
            discuss(o, item, added.getString("id"), there);
          }
        });
    }
    if (published != null) {
      at(published, o.facilitator(), "meeting.publish-agenda", () -> meeting(o));
    }
    if (reminder != null) {
      at(reminder, o.facilitator(), "meeting.send-reminder", () -> meeting(o));
    }
  }

  private JsonObject itemBody(Occurrence o, Item item) {
    Topic topic = item.topic();
    JsonArray artifacts = new JsonArray();
    topic.data().forEach(a -> artifacts.add(new JsonObject().put("type", JsonBody.wireName(a.type())).put("title", a.title())));
    JsonObject body = meeting(o)
      .put("title", topic.title())
      .put("minutes", topic.minutes())
      .put("focus", JsonBody.wireName(topic.focus()))
      .put("kind", JsonBody.wireName(topic.kind()))
      .put("underProtocol", topic.protocol() != null)
      .put("dataArtifacts", artifacts);
    if (topic.goal() != null) {
      body.put("goalId", goals.get(topic.goal()).toString());
    }
    if (item.presenter() != null) {
      body.put("presenterId", people.get(item.presenter()).toString());
    }
    return body;
  }

  /** People check themselves in, on time or late; the facilitator marks those who sent apologies or did not come. */
  private void attend(Occurrence o, Map<String, AttendanceStatus> roll) {
    roll.forEach((person, status) -> {
      switch (status) {
        case PRESENT -> at(o.start().plus(minutes(random.nextInt(14) - 5)), person, "attendance.check-in", () -> meeting(o));
        case LATE -> at(o.start().plus(minutes(11 + random.nextInt(15))), person, "attendance.check-in", () -> meeting(o));
        default -> at(o.start().plus(minutes(26)), o.facilitator(), "attendance.mark", () -> meeting(o)
          .put("userId", people.get(person).toString()).put("status", JsonBody.wireName(status)));
      }
    });
  }

  // --- discussing an item ---------------------------------------------------------------------------------------

  private void discuss(Occurrence o, Item item, String itemId, List<String> there) {
    Topic topic = item.topic();
    Instant end = item.end();
    if (topic.protocol() != null && topic.protocol().builtIn() != null && o.index() > lastHeld - LIVE_RUNS_WITHIN) {
      runLive(o, item, itemId, topic.protocol());
    } else if (topic.protocol() != null) {
      at(item.from().plus(minutes(1)), o.facilitator(), "protocol.record", () -> protocolBody(o, topic.protocol()));
    }
    keepMinutes(o, itemId, topic, end.minus(minutes(3)));
    if (topic.decision() != null) {
      at(end.minus(minutes(2)), o.facilitator(), "decision.record", () -> decisionBody(o, itemId, topic));
    }
    if (topic.task() != null) {
      task(o, itemId, topic.task(), there, end.minus(minutes(1)));
    }
  }

  /**
   * A built-in protocol run with the live runner, as the facilitator would: started on the item, each step
   * advanced after about its share of the item's time (the team squeezes a long protocol into its slot, so steps
   * run under or over plan), and finished with a debrief on the norms.
   */
  private void runLive(Occurrence o, Item item, String itemId, DemoTeams.Protocol protocol) {
    Instant start = item.from().plus(minutes(1));
    at(start, o.facilitator(), "protocol.start", () -> meeting(o)
      .put("protocolId", ProtocolLibrary.idOf(protocol.builtIn()).toString()).put("agendaItemId", itemId), run -> {
        JsonArray planned = run.getJsonObject("content").getJsonArray("steps");
        long planMinutes = planned.stream().mapToLong(step -> ((JsonObject) step).getInteger("maxMinutes")).sum();
        double squeeze = Math.min(1.0, (item.topic().minutes() - 2.0) / planMinutes);
        JsonObject runId = new JsonObject().put("runId", run.getString("id"));
        Instant at = start;
        for (int i = 0; i < planned.size(); i++) {
          double share = planned.getJsonObject(i).getInteger("maxMinutes") * squeeze * (0.8 + 0.5 * random.nextDouble());
          at = at.plusSeconds(Math.max(30, Math.round(share * 60)));
          at(at, o.facilitator(), "protocol.advance", runId::copy);
        }
        String debrief = next("debrief", DEBRIEFS);
        at(at.plusSeconds(90), o.facilitator(), "protocol.finish", () -> runId.copy().put("debrief", debrief));
      });
  }

  /** Most protocols run to the end; now and then the team runs out of time on the last step. */
  private JsonObject protocolBody(Occurrence o, DemoTeams.Protocol protocol) {
    int done = random.nextDouble() < 0.2 ? protocol.steps() - 1 : protocol.steps();
    return meeting(o).put("protocol", protocol.name()).put("category", JsonBody.wireName(protocol.category()))
      .put("stepsTotal", protocol.steps()).put("stepsCompleted", done);
  }

  /** What the minutes say about an item, and whether it did what it was meant to. */
  private void keepMinutes(Occurrence o, String itemId, Topic topic, Instant when) {
    boolean noted = !topic.notes().isEmpty() && random.nextDouble() < plan.habits().rituals().minutes();
    Outcome outcome = random.nextDouble() < plan.habits().outcomes().recorded() ? outcome() : null;
    if (!noted && outcome == null) {
      return;
    }
    JsonObject body = new JsonObject().put("itemId", itemId);
    if (noted) {
      body.put("notes", next("notes " + topic.title(), topic.notes()));
    }
    if (outcome != null) {
      body.put("outcome", JsonBody.wireName(outcome));
    }
    at(when, o.facilitator(), "agenda.update", () -> body);
  }

  private Outcome outcome() {
    return random.nextDouble() < plan.habits().outcomes().achieved() ? Outcome.ACHIEVED
      : random.nextDouble() < 0.6 ? Outcome.PARTIAL : Outcome.NOT_ACHIEVED;
  }

  private JsonObject decisionBody(Occurrence o, String itemId, Topic topic) {
    DemoTeams.Decision decision = topic.decision();
    return withGoal(meeting(o).put("agendaItemId", itemId).put("text", decision.text())
      .put("kind", JsonBody.wireName(decision.kind())).put("method", JsonBody.wireName(decision.method()))
      .put("discussed", decision.discussed()), topic.goal());
  }

  /**
   * The facilitator writes the action item down; someone there claims it or the lead assigns it, or (in weaker
   * teams) nobody takes it. Owners finish most items around their due date, except those from the last meeting,
   * which the next meeting carries forward.
   */
  private void task(Occurrence o, String itemId, Task task, List<String> there, Instant when) {
    DemoTeams.Tasks habits = plan.habits().tasks();
    boolean owned = random.nextDouble() < habits.owned();
    boolean claimed = random.nextDouble() < habits.claimed();
    String owner = claimed ? pick(there) : pick(plan.roster().everyone());
    LocalDate due = random.nextDouble() < habits.dated() ? dueDate(o) : null;
    JsonObject body = meeting(o).put("agendaItemId", itemId).put("title", task.title())
      .put("origin", JsonBody.wireName(task.origin())).put("scope", JsonBody.wireName(task.scope()))
      .put("tags", new JsonArray(task.tags()));
    if (due != null) {
      body.put("dueDate", due.toString());
    }
    at(when, o.facilitator(), "action.create", () -> body, created -> {
      if (!owned) {
        return;
      }
      JsonObject action = new JsonObject().put("actionId", created.getString("id"));
      if (claimed) {
        at(when.plus(minutes(1)), owner, "action.claim", () -> action);
      } else {
        at(when.plus(minutes(1)), lead(), "action.assign", () -> action.copy().put("ownerId", people.get(owner).toString()));
      }
      if (o.index() != lastHeld && random.nextDouble() < habits.done()) {
        complete(action, owner, due, when);
      }
    });
  }

  /** Due before the next meeting. */
  private LocalDate dueDate(Occurrence o) {
    return o.start().atZone(ZONE).toLocalDate().plusDays(3 + random.nextInt(7 * plan.schedule().everyWeeks() - 3));
  }

  /** Done within a few days of the due date (a week after the meeting when there is none), with an impact report or not. */
  private void complete(JsonObject action, String owner, LocalDate due, Instant created) {
    Instant target = due != null ? due.atTime(16, 0).atZone(ZONE).toInstant() : created.plus(Duration.ofDays(7));
    Instant done = target.plus(Duration.ofDays(random.nextInt(5) - 3));
    Instant when = done.isAfter(created.plus(Duration.ofHours(2))) ? done : created.plus(Duration.ofDays(1));
    JsonObject body = action.copy().put("status", JsonBody.wireName(ActionStatus.DONE));
    if (random.nextDouble() < plan.habits().tasks().impact()) {
      body.put("impactReport", next("impact", plan.impacts()));
    }
    at(when, owner, "action.update", () -> body);
  }

  // --- the end of a meeting -------------------------------------------------------------------------------------

  /** Feedback goes to the first presenter (or the facilitator), from those there in turn. */
  private void feedback(Occurrence o, List<Item> agenda, List<String> there, Instant when) {
    DemoTeams.Feedback habits = plan.habits().feedback();
    if (there.size() < 2 || random.nextDouble() >= habits.chance()) {
      return;
    }
    String receiver = agenda.stream().map(Item::presenter).filter(Objects::nonNull).findFirst().orElse(o.facilitator());
    int entries = 1 + random.nextInt(habits.most());
    for (int k = 0; k < entries; k++) {
      String giver = next("giver", there);
      String from = giver.equals(receiver) ? next("giver", there) : giver;
      FeedbackKind kind = random.nextDouble() >= habits.probing() ? FeedbackKind.WARM
        : random.nextBoolean() ? FeedbackKind.CRITICAL : FeedbackKind.PROBING_QUESTION;
      String note = next("feedback " + kind, DemoTeams.FEEDBACK.get(kind));
      at(when.plus(minutes(k)), from, "feedback.record", () -> meeting(o).put("receiverId", people.get(receiver).toString())
        .put("kind", JsonBody.wireName(kind)).put("note", note));
    }
  }

  /** Agreements are adopted when their time comes and then reviewed every few meetings; goals are revised once. */
  private void commitments(Occurrence o, Instant when) {
    Instant next = when;
    for (Agreement agreement : plan.commitments().agreements()) {
      Integer adopted = adoptedAt.get(agreement);
      if (adopted == null && agreement.adoptAt() >= 0 && o.index() >= agreement.adoptAt()) {
        adopt(o, agreement, next);
        adoptedAt.put(agreement, o.index());
      } else if (adopted != null && agreement.reviewEvery() > 0 && (o.index() - adopted) % agreement.reviewEvery() == 0) {
        review(o, agreement, next);
      }
      next = next.plus(minutes(1));
    }
    for (int g = 0; g < plan.commitments().goals().size(); g++) {
      Goal goal = plan.commitments().goals().get(g);
      if (goal.revision() != null && o.index() >= goal.revision().at() && revised.add(goal)) {
        revise(o, g, goal.revision(), next);
      }
    }
  }

  private void adopt(Occurrence o, Agreement agreement, Instant when) {
    String cadence = agreement.reviewEveryDays() == null ? "." : ", to be reviewed every " + agreement.reviewEveryDays() + " days.";
    at(when, lead(), "agreement.update", () -> new JsonObject().put("agreementId", agreements.get(agreement).toString())
      .put("status", JsonBody.wireName(AgreementStatus.ADOPTED)).put("reviewEveryDays", agreement.reviewEveryDays()));
    at(when.plusSeconds(30), lead(), "decision.record", () -> meeting(o)
      .put("text", "Adopted \"" + agreement.title() + "\"" + cadence)
      .put("kind", JsonBody.wireName(agreement.kind() == AgreementKind.POLICY ? DecisionKind.POLICY : DecisionKind.AGREEMENT))
      .put("method", JsonBody.wireName(agreement.method())).put("discussed", true));
  }

  private void review(Occurrence o, Agreement agreement, Instant when) {
    boolean checked = random.nextDouble() < agreement.disparity();
    String note = next(checked ? "checked review" : "plain review", checked ? DemoTeams.CHECKED_REVIEWS : DemoTeams.PLAIN_REVIEWS);
    at(when, o.facilitator(), "agreement.review", () -> meeting(o).put("agreementId", agreements.get(agreement).toString())
      .put("disparityCheck", checked).put("note", note));
  }

  private void revise(Occurrence o, int goal, DemoTeams.Revision revision, Instant when) {
    at(when, lead(), "goal.update", () -> new JsonObject().put("goalId", goals.get(goal).toString())
      .put("description", revision.description()));
    at(when.plusSeconds(30), lead(), "decision.record", () -> withGoal(meeting(o).put("text", revision.why())
      .put("kind", JsonBody.wireName(DecisionKind.GOAL_ADJUSTMENT)).put("method", JsonBody.wireName(revision.method()))
      .put("discussed", true), goal));
  }

  private void equity(Occurrence o, Instant when) {
    DemoTeams.Equity equity = plan.equity();
    if (equity.every() > 0 && held % equity.every() == equity.every() - 1) {
      at(when, o.facilitator(), "equity.record", () -> meeting(o)
        .put("level", JsonBody.wireName(next("equity level", equity.levels()))).put("note", next("equity note", equity.notes())));
    }
  }

  private void rituals(Occurrence o, Instant when) {
    boolean norms = random.nextDouble() < plan.habits().rituals().norms();
    boolean debrief = random.nextDouble() < plan.habits().rituals().debrief();
    if (norms || debrief) {
      at(when, o.facilitator(), "meeting.update", () -> meeting(o).put("normsReviewed", norms).put("debriefHeld", debrief));
    }
  }

  /** After the last meeting before now, members rate some continuum rows for themselves. */
  private void ratings(Instant when) {
    Instant next = when;
    for (DemoTeams.Rating rating : plan.ratings()) {
      next = next.plus(minutes(2));
      at(next, rating.who(), "rating.record", () -> new JsonObject().put("row", rating.row()).put("level", rating.level())
        .put("note", rating.note()));
    }
  }

  // --- small helpers --------------------------------------------------------------------------------------------

  private static JsonObject meeting(Occurrence o) {
    return new JsonObject().put("meetingId", o.id().toString());
  }

  private JsonObject withGoal(JsonObject body, Integer goal) {
    return goal == null ? body : body.put("goalId", goals.get(goal).toString());
  }

  private static Instant earliest(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }

  private static Instant latest(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  private static Duration minutes(long minutes) {
    return Duration.ofMinutes(minutes);
  }

  /** The next of the options in turn, counted per purpose, so that text and people rotate rather than repeat. */
  private <T> T next(String purpose, List<T> options) {
    int turn = turns.merge(purpose, 1, Integer::sum) - 1;
    return options.get(turn % options.size());
  }

  private String pick(List<String> options) {
    return options.get(random.nextInt(options.size()));
  }
}

package org.cadre.history;

import org.cadre.history.TeamHistory.ActionItem;
import org.cadre.history.TeamHistory.AgendaItem;
import org.cadre.history.TeamHistory.Agreement;
import org.cadre.history.TeamHistory.Attendance;
import org.cadre.history.TeamHistory.DataArtifact;
import org.cadre.history.TeamHistory.Decision;
import org.cadre.history.TeamHistory.EquityAnalysis;
import org.cadre.history.TeamHistory.Feedback;
import org.cadre.history.TeamHistory.Goal;
import org.cadre.history.TeamHistory.LeaderSelection;
import org.cadre.history.TeamHistory.Meeting;
import org.cadre.history.TeamHistory.Member;
import org.cadre.history.TeamHistory.ProtocolRun;
import org.cadre.history.TeamHistory.Rating;
import org.cadre.history.TeamHistory.Review;
import org.cadre.space.Kind;
import org.cadre.space.Role;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Test histories that read like the situation they set up. By default a team has nobody on it and nothing recorded;
 * {@link #meetings(int, BiConsumer)} adds weekly held meetings from {@link #FIRST_MEETING}, all inside the 90-day
 * window that ends at {@link #AS_OF}. People are named by a short name; their email is {@code name@district.example}.
 */
public final class HistoryBuilder {

  public static final Instant AS_OF = Instant.parse("2026-06-30T00:00:00Z");
  /** One day after the 90-day window opens, at 16:00; weekly meetings from here stay in the window for 13 weeks. */
  public static final Instant FIRST_MEETING = Instant.parse("2026-04-02T16:00:00Z");
  public static final Instant LONG_AGO = Instant.parse("2025-01-01T00:00:00Z");

  private Integer cadenceDays;
  private final List<Member> members = new ArrayList<>();
  private LeaderSelection leaderSelection;
  private final List<Goal> goals = new ArrayList<>();
  private final List<Agreement> agreements = new ArrayList<>();
  private final List<EquityAnalysis> analyses = new ArrayList<>();
  private final List<MeetingBuilder> meetings = new ArrayList<>();
  private final List<ActionBuilder> actions = new ArrayList<>();
  private final List<Rating> ratings = new ArrayList<>();

  public static HistoryBuilder team() {
    return new HistoryBuilder();
  }

  public static String email(String name) {
    return name + "@district.example";
  }

  public static Instant daysBefore(int days) {
    return AS_OF.minus(Duration.ofDays(days));
  }

  public HistoryBuilder cadence(Integer days) {
    cadenceDays = days;
    return this;
  }

  /** A member since long ago. */
  public HistoryBuilder member(String name, Role role) {
    return member(name, role, LONG_AGO, null);
  }

  public HistoryBuilder member(String name, Role role, Instant joinedAt, Instant leftAt) {
    members.add(new Member(email(name), name, role, joinedAt, leftAt));
    return this;
  }

  /** {@code count} members named m1, m2, ... */
  public HistoryBuilder members(int count) {
    for (int i = 1; i <= count; i++) {
      member("m" + i, Role.MEMBER);
    }
    return this;
  }

  public HistoryBuilder leaderSelection(String method, Instant at) {
    leaderSelection = new LeaderSelection(method, at);
    return this;
  }

  public HistoryBuilder goal(String id) {
    goals.add(new Goal(id, "Goal " + id, null));
    return this;
  }

  public HistoryBuilder agreement(String id, AgreementKind kind, AgreementStatus status, Instant adoptedAt,
                                  Integer reviewEveryDays, Review... reviews) {
    agreements.add(new Agreement(id, "Agreement " + id, kind, status, adoptedAt, reviewEveryDays, List.of(reviews)));
    return this;
  }

  public HistoryBuilder equityAnalysis(Instant at, EquityLevel level) {
    analyses.add(new EquityAnalysis(at, level, null));
    return this;
  }

  /** {@code count} weekly held meetings from {@link #FIRST_MEETING}, each shaped by {@code each(index from 0, meeting)}. */
  public HistoryBuilder meetings(int count, BiConsumer<Integer, MeetingBuilder> each) {
    int first = meetings.size();
    for (int i = 0; i < count; i++) {
      MeetingBuilder m = new MeetingBuilder("m" + (first + i + 1), FIRST_MEETING.plus(Duration.ofDays(7L * i)));
      each.accept(i, m);
      meetings.add(m);
    }
    return this;
  }

  /** {@code count} plain weekly held meetings. */
  public HistoryBuilder meetings(int count) {
    return meetings(count, (i, m) -> { });
  }

  public HistoryBuilder meeting(Instant startsAt, Consumer<MeetingBuilder> shape) {
    MeetingBuilder m = new MeetingBuilder("m" + (meetings.size() + 1), startsAt);
    shape.accept(m);
    meetings.add(m);
    return this;
  }

  /** An action item created ten days before {@link #AS_OF}, shaped by {@code shape}. */
  public HistoryBuilder action(Consumer<ActionBuilder> shape) {
    ActionBuilder a = new ActionBuilder("t" + (actions.size() + 1));
    shape.accept(a);
    actions.add(a);
    return this;
  }

  /** {@code count} action items, each shaped by {@code each(index from 0, item)}. */
  public HistoryBuilder actions(int count, BiConsumer<Integer, ActionBuilder> each) {
    for (int i = 0; i < count; i++) {
      int index = i;
      action(a -> each.accept(index, a));
    }
    return this;
  }

  public HistoryBuilder rating(String row, int level, String by, Instant at) {
    ratings.add(new Rating(row, level, email(by), null, at));
    return this;
  }

  public TeamHistory build() {
    return new TeamHistory("team-1", "Test team", Kind.TEAM, cadenceDays, members, leaderSelection, goals, agreements,
      analyses, meetings.stream().map(MeetingBuilder::build).toList(), actions.stream().map(ActionBuilder::build).toList(),
      ratings);
  }

  /** A held meeting with nothing recorded until told. */
  public static final class MeetingBuilder {

    private final String id;
    private Instant startsAt;
    private MeetingStatus status = MeetingStatus.HELD;
    private Instant agendaPublishedAt;
    private Instant reminderSentAt;
    private boolean normsReviewed;
    private boolean debriefHeld;
    private final List<ProtocolRun> runs = new ArrayList<>();
    private final List<ItemBuilder> agenda = new ArrayList<>();
    private final List<Attendance> attendance = new ArrayList<>();
    private final List<Decision> decisions = new ArrayList<>();
    private final List<Feedback> feedback = new ArrayList<>();

    MeetingBuilder(String id, Instant startsAt) {
      this.id = id;
      this.startsAt = startsAt;
    }

    public String id() {
      return id;
    }

    public Instant startsAt() {
      return startsAt;
    }

    public MeetingBuilder startsAt(Instant at) {
      startsAt = at;
      return this;
    }

    public MeetingBuilder status(MeetingStatus s) {
      status = s;
      return this;
    }

    public MeetingBuilder publishedBefore(Duration ahead) {
      agendaPublishedAt = startsAt.minus(ahead);
      return this;
    }

    public MeetingBuilder reminderBefore(Duration ahead) {
      reminderSentAt = startsAt.minus(ahead);
      return this;
    }

    public MeetingBuilder norms() {
      normsReviewed = true;
      return this;
    }

    public MeetingBuilder debrief() {
      debriefHeld = true;
      return this;
    }

    public MeetingBuilder protocol(ProtocolCategory category, int stepsCompleted) {
      runs.add(new ProtocolRun("a-protocol", category, stepsCompleted, Math.max(stepsCompleted, 4)));
      return this;
    }

    /** An agenda item (10 minutes on "other" until shaped). */
    public MeetingBuilder item(Consumer<ItemBuilder> shape) {
      ItemBuilder item = new ItemBuilder(id + "-i" + (agenda.size() + 1));
      shape.accept(item);
      agenda.add(item);
      return this;
    }

    public MeetingBuilder item(Focus focus, Integer minutes) {
      return item(i -> i.focus(focus).minutes(minutes));
    }

    public MeetingBuilder item(ItemKind kind) {
      return item(i -> i.kind(kind));
    }

    public MeetingBuilder attend(String name, AttendanceStatus s) {
      attendance.add(new Attendance(email(name), s));
      return this;
    }

    public MeetingBuilder decision(DecisionKind kind) {
      return decision(kind, DecisionMethod.UNRECORDED, false, null);
    }

    public MeetingBuilder decision(DecisionKind kind, DecisionMethod method, boolean discussed, String goalId) {
      decisions.add(new Decision("Decision", kind, method, discussed, goalId));
      return this;
    }

    public MeetingBuilder feedback(String giver, FeedbackKind kind) {
      feedback.add(new Feedback(email(giver), null, kind));
      return this;
    }

    Meeting build() {
      return new Meeting(id, "Team time", status, startsAt, startsAt.plus(Duration.ofHours(1)), agendaPublishedAt,
        reminderSentAt, normsReviewed, debriefHeld, runs, agenda.stream().map(ItemBuilder::build).toList(), attendance,
        decisions, feedback);
    }
  }

  public static final class ItemBuilder {

    private final String id;
    private Integer minutes = 10;
    private Focus focus = Focus.OTHER;
    private ItemKind kind = ItemKind.OTHER;
    private String goalId;
    private String presenter;
    private boolean underProtocol;
    private final List<DataArtifact> artifacts = new ArrayList<>();
    private Outcome outcome;

    ItemBuilder(String id) {
      this.id = id;
    }

    public ItemBuilder minutes(Integer m) {
      minutes = m;
      return this;
    }

    public ItemBuilder focus(Focus f) {
      focus = f;
      return this;
    }

    public ItemBuilder kind(ItemKind k) {
      kind = k;
      return this;
    }

    public ItemBuilder goal(String id) {
      goalId = id;
      return this;
    }

    public ItemBuilder presenter(String name) {
      presenter = email(name);
      return this;
    }

    public ItemBuilder underProtocol() {
      underProtocol = true;
      return this;
    }

    public ItemBuilder data(ArtifactType... types) {
      for (ArtifactType type : types) {
        artifacts.add(new DataArtifact(type, "Data", null));
      }
      return this;
    }

    public ItemBuilder outcome(Outcome o) {
      outcome = o;
      return this;
    }

    AgendaItem build() {
      return new AgendaItem(id, "Item " + id, null, minutes, focus, kind, goalId, presenter, underProtocol, artifacts, outcome);
    }
  }

  public static final class ActionBuilder {

    private final String id;
    private Instant createdAt = daysBefore(10);
    private String owner;
    private boolean claimed;
    private LocalDate dueDate;
    private Instant completedAt;
    private String impactReport;
    private Origin origin;
    private List<String> tags = List.of();
    private Scope scope;

    ActionBuilder(String id) {
      this.id = id;
    }

    public ActionBuilder createdAt(Instant at) {
      createdAt = at;
      return this;
    }

    public ActionBuilder owner(String name) {
      owner = email(name);
      return this;
    }

    public ActionBuilder claimed() {
      claimed = true;
      return this;
    }

    public ActionBuilder due() {
      dueDate = LocalDate.parse("2026-07-15");
      return this;
    }

    /** Completed before {@link #AS_OF}. */
    public ActionBuilder completed(String impact) {
      return completed(daysBefore(2), impact);
    }

    public ActionBuilder completed(Instant at, String impact) {
      completedAt = at;
      impactReport = impact;
      return this;
    }

    public ActionBuilder origin(Origin o) {
      origin = o;
      return this;
    }

    public ActionBuilder tags(String... t) {
      tags = List.of(t);
      return this;
    }

    public ActionBuilder scope(Scope s) {
      scope = s;
      return this;
    }

    ActionItem build() {
      return new ActionItem(id, "Action " + id, null, null, null, createdAt, owner, claimed, dueDate, completedAt,
        impactReport, origin, tags, scope, completedAt != null ? ActionStatus.DONE : ActionStatus.OPEN);
    }
  }
}

package org.cadre.demo;

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
import org.cadre.history.ActionStatus;
import org.cadre.history.AgreementKind;
import org.cadre.history.AgreementStatus;
import org.cadre.history.ArtifactType;
import org.cadre.history.AttendanceStatus;
import org.cadre.history.DecisionKind;
import org.cadre.history.DecisionMethod;
import org.cadre.history.EquityLevel;
import org.cadre.history.FeedbackKind;
import org.cadre.history.Focus;
import org.cadre.history.ItemKind;
import org.cadre.history.MeetingStatus;
import org.cadre.history.Origin;
import org.cadre.history.Outcome;
import org.cadre.history.ProtocolCategory;
import org.cadre.history.Scope;
import org.cadre.history.TeamHistory;
import org.cadre.history.TeamHistory.Review;
import org.cadre.http.JsonBody;
import org.cadre.space.Kind;
import org.cadre.space.Role;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Realistic, varied team histories drawn from a seeded {@link Random}, for tests, the benchmark and demos. Each team
 * gets a maturity that sets how often it follows each practice, so a batch of teams spreads over all three levels.
 */
public final class SampleHistories {

  private static final List<String> FIRST = List.of("ana", "ben", "carmen", "david", "elena", "farid", "grace", "hugo",
    "imani", "jonah", "keiko", "luis", "maya", "nadia", "omar", "priya", "quinn", "rosa", "sam", "tariq");
  private static final List<String> LAST = List.of("alvarez", "brooks", "chen", "diaz", "evans", "fischer", "garcia",
    "haddad", "ito", "johnson", "kim", "lopez", "mensah", "nguyen", "okafor", "patel");
  private static final List<String> TEAMS = List.of("Grade 9 Pathway Team", "Algebra Readiness Team", "Early Literacy Team",
    "English Learner Support Team", "Attendance Outreach Team", "Science Inquiry Team", "Transition to College Team");
  private static final List<String> GOALS = List.of("Every 9th grader on track in math", "All students reading at grade level by May",
    "Cut chronic absence in half", "Every English learner gains one proficiency level", "Close the gap in lab report scores");
  private static final List<String> ITEMS = List.of("Unit assessment results", "Reading benchmark review",
    "Attendance patterns by subgroup", "Reteach strategy share", "Successes and challenges this week",
    "Peer review of a support plan", "Planning the next unit", "Field trip logistics", "Family conference schedule");
  private static final List<String> PROTOCOLS = List.of("examining-data", "atlas-looking-at-data", "tuning-protocol",
    "consultancy", "success-analysis");

  private SampleHistories() {
  }

  /**
   * A team that held about {@code meetings} meetings ending just before {@code end}.
   *
   * @param id the team's id ({@code team.id} in the document)
   */
  public static TeamHistory team(Random random, String id, int meetings, Instant end) {
    return new Generator(random, id).team(meetings, end);
  }

  /** One team's draw: the random and the maturity that tilts every choice. */
  private static final class Generator {

    private final Random random;
    private final String id;
    private final double maturity;

    Generator(Random random, String id) {
      this.random = random;
      this.id = id;
      // Skewed towards practised teams, so that every level is well represented.
      this.maturity = Math.sqrt(random.nextDouble());
    }

    TeamHistory team(int meetingCount, Instant end) {
      int cadence = pick(List.of(7, 7, 7, 14, 14, 28));
      Integer declared = chance(0.9) ? cadence : null;
      Instant start = end.minus(Duration.ofDays((long) cadence * meetingCount + 7));
      List<Member> members = members(start, end);
      List<Goal> goals = goals();
      List<Meeting> meetings = new ArrayList<>(meetingCount);
      List<ActionItem> actions = new ArrayList<>();
      for (int n = 1; n <= meetingCount; n++) {
        Instant startsAt = start.plus(Duration.ofDays((long) cadence * n)).plus(Duration.ofMinutes(15 * 60 + 30));
        Meeting meeting = meeting("m" + n, startsAt, members, goals);
        meetings.add(meeting);
        if (meeting.status() == MeetingStatus.HELD) {
          actions.addAll(actionItems(meeting, members, end));
        }
      }
      LeaderSelection selection = chance(maturity) ? new LeaderSelection(pick(List.of("nomination-and-consent",
        "rotation", "appointed-by-principal")), start) : null;
      return new TeamHistory(id, pick(TEAMS), Kind.TEAM, declared, members, selection, goals,
        agreements(meetings, start, cadence), equityAnalyses(meetings), meetings, actions, ratings(members, end));
    }

    private List<Member> members(Instant start, Instant end) {
      int size = between(5, 10);
      Set<String> emails = new HashSet<>();
      List<Member> members = new ArrayList<>(size);
      for (int i = 0; i < size; i++) {
        String first = pick(FIRST);
        String last = pick(LAST);
        String email = first + "." + last + "@district.example";
        if (!emails.add(email)) {
          email = first + "." + last + i + "@district.example";
          emails.add(email);
        }
        Role role = i == 0 ? Role.LEAD : i == size - 1 && chance(0.4) ? Role.OBSERVER
          : i == size - 2 && chance(0.3) ? Role.PARTNER : Role.MEMBER;
        // Most were there from the start; a few joined later or have left.
        Instant joined = chance(0.8) ? start : between(start, end);
        Instant left = i > 0 && chance(0.1) ? between(joined, end) : null;
        members.add(new Member(email, capitalize(first) + " " + capitalize(last), role, joined, left));
      }
      return members;
    }

    private List<Goal> goals() {
      List<Goal> goals = new ArrayList<>();
      int count = between(1, 3);
      for (int g = 1; g <= count; g++) {
        goals.add(new Goal("g" + g, pick(GOALS), chance(0.5) ? "Measured by the district's benchmark data." : null));
      }
      return goals;
    }

    private Meeting meeting(String meetingId, Instant startsAt, List<Member> members, List<Goal> goals) {
      MeetingStatus status = chance(0.08) ? MeetingStatus.CANCELLED : MeetingStatus.HELD;
      List<AgendaItem> agenda = new ArrayList<>();
      int items = between(2, 6);
      for (int i = 1; i <= items; i++) {
        agenda.add(agendaItem(meetingId + "-i" + i, members, goals));
      }
      List<Attendance> attendance = new ArrayList<>();
      List<Decision> decisions = new ArrayList<>();
      List<Feedback> feedback = new ArrayList<>();
      List<ProtocolRun> runs = new ArrayList<>();
      if (status == MeetingStatus.HELD) {
        for (Member m : members) {
          if (!m.joinedAt().isAfter(startsAt) && (m.leftAt() == null || m.leftAt().isAfter(startsAt))) {
            attendance.add(new Attendance(m.email(), attendanceStatus()));
          }
        }
        if (chance(0.1)) {
          // A visiting coach signs in too; not being on the roster, they do not count.
          attendance.add(new Attendance("coach@district.example", AttendanceStatus.PRESENT));
        }
        for (int d = between(0, 3); d > 0; d--) {
          decisions.add(decision(goals));
        }
        for (int f = (int) (maturity * between(0, 6)); f > 0; f--) {
          feedback.add(new Feedback(pick(members).email(), chance(0.8) ? pick(members).email() : null,
            chance(maturity * 0.6) ? pick(List.of(FeedbackKind.CRITICAL, FeedbackKind.PROBING_QUESTION)) : FeedbackKind.WARM));
        }
        if (chance(maturity)) {
          int total = between(3, 7);
          runs.add(new ProtocolRun(pick(PROTOCOLS), pick(List.of(ProtocolCategory.values())), between(0, total), total));
        }
      }
      return new Meeting(meetingId, "Team time", status, startsAt, startsAt.plus(Duration.ofMinutes(between(45, 90))),
        chance(maturity) ? startsAt.minus(Duration.ofHours(between(6, 72))) : null,
        chance(maturity) ? startsAt.minus(Duration.ofHours(between(1, 12))) : null,
        chance(maturity), chance(maturity * 0.9), runs, agenda, attendance, decisions, feedback);
    }

    private AgendaItem agendaItem(String itemId, List<Member> members, List<Goal> goals) {
      ItemKind kind = chance(maturity) ? pick(List.of(ItemKind.DATA_REVIEW, ItemKind.STRATEGY_SHARE,
        ItemKind.SHARE_SUCCESSES_CHALLENGES, ItemKind.PEER_REVIEW)) : pick(List.of(ItemKind.values()));
      Focus focus = chance(0.2 + 0.7 * maturity) ? Focus.STUDENT_OUTCOMES : pick(List.of(Focus.values()));
      List<DataArtifact> artifacts = new ArrayList<>();
      if (kind == ItemKind.DATA_REVIEW || chance(0.1)) {
        for (int a = between(1, 2); a > 0; a--) {
          ArtifactType type = pick(List.of(ArtifactType.values()));
          artifacts.add(new DataArtifact(type, "Latest " + JsonBody.wireName(type) + " data",
            chance(0.5) ? "https://drive.district.example/" + itemId : null));
        }
      }
      return new AgendaItem(itemId, pick(ITEMS), chance(0.3) ? "Bring examples from your own class." : null,
        chance(0.85) ? 5 * between(1, 9) : null, focus, kind,
        chance(maturity) ? pick(goals).id() : null,
        chance(0.7) ? pick(members).email() : null,
        chance(maturity * 0.8), artifacts,
        chance(maturity) ? pick(List.of(Outcome.ACHIEVED, Outcome.ACHIEVED, Outcome.PARTIAL, Outcome.NOT_ACHIEVED)) : null);
    }

    private AttendanceStatus attendanceStatus() {
      double r = random.nextDouble();
      double present = 0.45 + 0.5 * maturity;
      return r < present ? AttendanceStatus.PRESENT : r < present + 0.05 ? AttendanceStatus.LATE
        : r < present + 0.15 ? AttendanceStatus.EXCUSED : AttendanceStatus.ABSENT;
    }

    private Decision decision(List<Goal> goals) {
      DecisionMethod method = chance(maturity) ? pick(List.of(DecisionMethod.CONSENSUS, DecisionMethod.CONSENT,
        DecisionMethod.VOTE, DecisionMethod.FIST_TO_FIVE)) : pick(List.of(DecisionMethod.LEADER, DecisionMethod.UNRECORDED));
      return new Decision(pick(List.of("Regroup students for reteaching", "Move the benchmark a week later",
        "Add a small-group session on Fridays", "Call families of students absent three days")),
        chance(maturity) ? pick(List.of(DecisionKind.IMPLICATION, DecisionKind.GOAL_ADJUSTMENT, DecisionKind.STRATEGY_ADJUSTMENT))
          : pick(List.of(DecisionKind.values())), method, chance(0.3 + 0.7 * maturity), chance(maturity) ? pick(goals).id() : null);
    }

    private List<ActionItem> actionItems(Meeting meeting, List<Member> members, Instant end) {
      List<ActionItem> items = new ArrayList<>();
      int count = between(0, 3);
      for (int t = 1; t <= count; t++) {
        Instant created = meeting.endsAt();
        boolean owned = chance(0.4 + 0.6 * maturity);
        Instant completed = chance(0.6) ? created.plus(Duration.ofDays(between(1, 20))) : null;
        if (completed != null && completed.isAfter(end)) {
          completed = null;
        }
        List<String> tags = chance(0.2) ? List.of("equity") : chance(0.3) ? List.of("reteach", "math") : List.of();
        String itemId = meeting.id() + "-t" + t;
        items.add(new ActionItem(itemId, pick(List.of("Build reteach groups", "Call families", "Share the exit ticket",
          "Draft the support plan")), chance(0.3) ? "Follow up at the next meeting." : null, meeting.id(),
          chance(0.5) ? meeting.agenda().get(0).id() : null, created, owned ? pick(members).email() : null,
          owned && chance(maturity), chance(0.3 + 0.6 * maturity)
            ? LocalDate.ofInstant(created, ZoneOffset.UTC).plusDays(between(3, 14)) : null,
          completed, completed != null && chance(maturity) ? "Most of the group passed the retake." : null,
          chance(maturity) ? Origin.ROOT_CAUSE : pick(List.of(Origin.INCIDENT, Origin.OTHER)), tags,
          chance(0.8) ? Scope.TEAM : pick(List.of(Scope.ORGANIZATION, Scope.CROSS_ORGANIZATION)),
          completed != null ? ActionStatus.DONE : pick(List.of(ActionStatus.OPEN, ActionStatus.IN_PROGRESS, ActionStatus.DROPPED))));
      }
      return items;
    }

    /** Agreements, each reviewed in held meetings about as often as its cadence asks, the more so the more mature the team. */
    private List<Agreement> agreements(List<Meeting> meetings, Instant start, int cadence) {
      List<Agreement> agreements = new ArrayList<>();
      for (int a = 1; a <= (int) (maturity * 5); a++) {
        AgreementKind kind = chance(0.4) ? AgreementKind.POLICY : AgreementKind.AGREEMENT;
        AgreementStatus status = chance(maturity) ? AgreementStatus.ADOPTED : pick(List.of(AgreementStatus.values()));
        Integer reviewEvery = chance(maturity) ? pick(List.of(30, 45, 60)) : null;
        double reviewChance = maturity * cadence / (reviewEvery != null ? reviewEvery : 60);
        List<Review> reviews = new ArrayList<>();
        for (Meeting m : meetings) {
          if (m.status() == MeetingStatus.HELD && chance(reviewChance)) {
            reviews.add(new Review(m.startsAt(), m.id(), chance(maturity)));
          }
        }
        agreements.add(new Agreement("ag" + a, kind == AgreementKind.POLICY ? "Reteach policy " + a : "Support agreement " + a,
          kind, status, status == AgreementStatus.ADOPTED && chance(0.8) ? start.plus(Duration.ofDays(between(0, 60))) : null,
          reviewEvery, reviews));
      }
      return agreements;
    }

    private List<EquityAnalysis> equityAnalyses(List<Meeting> meetings) {
      List<EquityAnalysis> analyses = new ArrayList<>();
      for (Meeting m : meetings) {
        if (m.status() == MeetingStatus.HELD && chance(maturity * 0.3)) {
          analyses.add(new EquityAnalysis(m.startsAt(), pick(List.of(EquityLevel.values())), chance(0.7) ? m.id() : null));
        }
      }
      return analyses;
    }

    private List<Rating> ratings(List<Member> members, Instant end) {
      List<Rating> ratings = new ArrayList<>();
      if (chance(0.6)) {
        for (Member m : members) {
          if (chance(0.7)) {
            ratings.add(new Rating("B1", Math.max(1, Math.min(3, (int) Math.round(1 + 2 * maturity + random.nextGaussian() * 0.5))),
              m.email(), chance(0.3) ? "We say it; we do not always act on it." : null,
              chance(0.8) ? end.minus(Duration.ofDays(between(1, 30))) : null));
          }
        }
        ratings.add(new Rating(pick(Rating.ROWS), between(1, 3), members.get(0).email(), null, null));
      }
      return ratings;
    }

    private boolean chance(double p) {
      return random.nextDouble() < p;
    }

    private int between(int min, int max) {
      return min + random.nextInt(max - min + 1);
    }

    private Instant between(Instant from, Instant to) {
      return from.plusSeconds((long) (random.nextDouble() * Duration.between(from, to).getSeconds()));
    }

    private <T> T pick(List<T> values) {
      return values.get(random.nextInt(values.size()));
    }

    private static String capitalize(String name) {
      return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }
  }
}

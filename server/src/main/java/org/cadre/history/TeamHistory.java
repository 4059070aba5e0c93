package org.cadre.history;

import org.cadre.space.Kind;
import org.cadre.space.Role;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A team's whole past as plain values: the {@code cadre.team-history/1} document (see {@link HistoryJson}).
 * People are named by lower-case email; lists are never null.
 *
 * @param id          the space's id on export ({@code team.id}); null in a document that has none
 * @param cadenceDays the declared meeting cadence, or null when the team has not declared one
 */
public record TeamHistory(String id, String name, Kind kind, Integer cadenceDays,
                          List<Member> members, LeaderSelection leaderSelection, List<Goal> goals, List<Agreement> agreements,
                          List<EquityAnalysis> equityAnalyses, List<Meeting> meetings, List<ActionItem> actionItems,
                          List<Rating> ratings) {

  public TeamHistory {
    members = listOf(members);
    goals = listOf(goals);
    agreements = listOf(agreements);
    equityAnalyses = listOf(equityAnalyses);
    meetings = listOf(meetings);
    actionItems = listOf(actionItems);
    ratings = listOf(ratings);
  }

  /** A membership over time; {@code leftAt} is null while it lasts. */
  public record Member(String email, String name, Role role, Instant joinedAt, Instant leftAt) {
  }

  public record LeaderSelection(String method, Instant at) {
  }

  public record Goal(String id, String title, String description) {
  }

  /** @param adoptedAt null when unknown; an adopted agreement then counts as adopted at any time */
  public record Agreement(String id, String title, AgreementKind kind, AgreementStatus status, Instant adoptedAt,
                          Integer reviewEveryDays, List<Review> reviews) {
    public Agreement {
      reviews = listOf(reviews);
    }
  }

  public record Review(Instant at, String meetingId, boolean disparityCheck) {
  }

  public record EquityAnalysis(Instant at, EquityLevel level, String meetingId) {
  }

  public record Meeting(String id, String title, MeetingStatus status, Instant startsAt, Instant endsAt,
                        Instant agendaPublishedAt, Instant reminderSentAt, boolean normsReviewed, boolean debriefHeld,
                        List<ProtocolRun> protocolRuns, List<AgendaItem> agenda, List<Attendance> attendance,
                        List<Decision> decisions, List<Feedback> feedback) {
    public Meeting {
      protocolRuns = listOf(protocolRuns);
      agenda = listOf(agenda);
      attendance = listOf(attendance);
      decisions = listOf(decisions);
      feedback = listOf(feedback);
    }
  }

  public record ProtocolRun(String protocol, ProtocolCategory category, int stepsCompleted, int stepsTotal) {
  }

  /** @param minutes the timebox, or null when none was set */
  public record AgendaItem(String id, String title, String notes, Integer minutes, Focus focus, ItemKind kind,
                           String goalId, String presenter, boolean underProtocol, List<DataArtifact> dataArtifacts,
                           Outcome outcome) {
    public AgendaItem {
      dataArtifacts = listOf(dataArtifacts);
    }
  }

  public record DataArtifact(ArtifactType type, String title, String link) {
  }

  public record Attendance(String email, AttendanceStatus status) {
  }

  public record Decision(String text, DecisionKind kind, DecisionMethod method, boolean discussed, String goalId) {
  }

  /** @param receiver null when the feedback went to the whole team */
  public record Feedback(String giver, String receiver, FeedbackKind kind) {
  }

  public record ActionItem(String id, String title, String description, String meetingId, String agendaItemId,
                           Instant createdAt, String owner, boolean claimedByOwner, LocalDate dueDate,
                           Instant completedAt, String impactReport, Origin origin, List<String> tags, Scope scope,
                           ActionStatus status) {
    public ActionItem {
      tags = listOf(tags);
    }
  }

  /** A person's judgement of one continuum row, 1 to 3; {@code at} is null when the document did not date it. */
  public record Rating(String row, int level, String by, String note, Instant at) {

    /** The rows of the continuum, in order. */
    public static final List<String> ROWS = List.of("A1", "A2", "A3", "A4", "A5", "A6", "B1", "B2", "B3", "B4",
      "C1", "C2", "C3", "C4", "C5", "C6");
  }

  private static <T> List<T> listOf(List<T> list) {
    return list == null ? List.of() : List.copyOf(list);
  }
}

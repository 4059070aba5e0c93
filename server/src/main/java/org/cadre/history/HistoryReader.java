package org.cadre.history;

import io.vertx.core.json.JsonObject;
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
import org.cadre.http.Links;
import org.cadre.space.Kind;
import org.cadre.space.Role;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads and validates one document, field by field in the order the format lists them, so the first bad field found
 * is the first in the document. References may point forward (a review names a later meeting), so they are checked
 * after the whole document has been read, again in document order: a reference is reported as dangling only when
 * everything it could name is well-formed.
 */
final class HistoryReader {

  private static final int ID = 200;
  private static final int TITLE = 200;
  /** A person's name, as long as an account's. */
  private static final int NAME = 100;
  private static final int TEXT = 10_000;
  private static final int NOTE = 2_000;
  /** Agenda notes are co-edited during meetings and may run longer than other text. */
  private static final int AGENDA_NOTES = 20_000;
  private static final int MAX_MEETINGS = 5_000;
  private static final int MAX_ENTRIES = 10_000;
  private static final int MAX_TAGS = 50;

  private final JsonObject doc;
  private final Set<String> goalIds = new HashSet<>();
  private final Set<String> meetingIds = new HashSet<>();
  /** Agenda item id to the id of the meeting it belongs to. */
  private final Map<String, String> itemMeetings = new HashMap<>();
  /** Every id read so far, to where it was first used. */
  private final Map<String, String> idPaths = new HashMap<>();
  private final Set<String> memberEmails = new HashSet<>();
  /** Reference checks, run in document order once every id is known. */
  private final List<Runnable> referenceChecks = new ArrayList<>();

  HistoryReader(JsonObject doc) {
    this.doc = doc;
  }

  TeamHistory read() {
    Fields root = new Fields(doc, "$");
    String format = root.text("format", TITLE);
    if (!format.equals(HistoryJson.FORMAT)) {
      throw root.error("format", "'format' must be '" + HistoryJson.FORMAT + "', not '" + format + "'.");
    }
    Fields team = root.object("team");
    TeamHistory history = new TeamHistory(
      team.optionalText("id", ID),
      team.text("name", TITLE),
      team.enumValue("kind", Kind.class),
      team.optionalWholeNumber("cadenceDays", 1, 365),
      root.list("members", MAX_ENTRIES, this::member),
      leaderSelection(root.optionalObject("leaderSelection")),
      root.list("goals", MAX_ENTRIES, this::goal),
      root.list("agreements", MAX_ENTRIES, this::agreement),
      root.list("equityAnalyses", MAX_ENTRIES, this::equityAnalysis),
      root.list("meetings", MAX_MEETINGS, this::meeting),
      root.list("actionItems", MAX_ENTRIES, this::actionItem),
      root.list("ratings", MAX_ENTRIES, this::rating));
    referenceChecks.forEach(Runnable::run);
    return history;
  }

  private Member member(Fields f) {
    String email = f.email("email");
    if (!memberEmails.add(email)) {
      throw f.error("email", "'email' " + email + " is already a member earlier in the list.");
    }
    return new Member(email, f.optionalText("name", NAME), f.enumValue("role", Role.class), f.instant("joinedAt"),
      f.optionalInstant("leftAt"));
  }

  private LeaderSelection leaderSelection(Fields f) {
    return f == null ? null : new LeaderSelection(f.text("method", TITLE), f.optionalInstant("at"));
  }

  private Goal goal(Fields f) {
    Goal goal = new Goal(uniqueId(f), f.text("title", TITLE), f.optionalText("description", TEXT));
    goalIds.add(goal.id());
    return goal;
  }

  private Agreement agreement(Fields f) {
    return new Agreement(uniqueId(f), f.text("title", TITLE), f.enumValue("kind", AgreementKind.class),
      f.enumValue("status", AgreementStatus.class), f.optionalInstant("adoptedAt"),
      f.optionalWholeNumber("reviewEveryDays", 1, 3660), f.list("reviews", MAX_ENTRIES, this::review));
  }

  private Review review(Fields f) {
    return new Review(f.instant("at"), reference(f, "meetingId", meetingIds, "meeting"), f.flag("disparityCheck"));
  }

  private EquityAnalysis equityAnalysis(Fields f) {
    return new EquityAnalysis(f.instant("at"), f.enumValue("level", EquityLevel.class),
      reference(f, "meetingId", meetingIds, "meeting"));
  }

  private Meeting meeting(Fields f) {
    String id = uniqueId(f);
    String title = f.text("title", TITLE);
    MeetingStatus status = f.enumValue("status", MeetingStatus.class);
    Instant startsAt = f.instant("startsAt");
    Instant endsAt = f.optionalInstant("endsAt");
    if (endsAt != null && endsAt.isBefore(startsAt)) {
      throw f.error("endsAt", "'endsAt' must not be before 'startsAt'.");
    }
    Set<String> attendees = new HashSet<>();
    Meeting meeting = new Meeting(id, title, status, startsAt, endsAt, f.optionalInstant("agendaPublishedAt"),
      f.optionalInstant("reminderSentAt"), f.flag("normsReviewed"), f.flag("debriefHeld"),
      f.list("protocolRuns", MAX_ENTRIES, this::protocolRun),
      f.list("agenda", MAX_ENTRIES, this::agendaItem),
      f.list("attendance", MAX_ENTRIES, a -> attendance(a, attendees)),
      f.list("decisions", MAX_ENTRIES, this::decision),
      f.list("feedback", MAX_ENTRIES, this::feedback));
    meetingIds.add(id);
    meeting.agenda().forEach(item -> itemMeetings.put(item.id(), id));
    return meeting;
  }

  private ProtocolRun protocolRun(Fields f) {
    String protocol = f.text("protocol", TITLE);
    ProtocolCategory category = f.enumValue("category", ProtocolCategory.class);
    int completed = f.wholeNumber("stepsCompleted", 0, 1000);
    int total = f.wholeNumber("stepsTotal", 0, 1000);
    if (completed > total) {
      throw f.error("stepsCompleted", "'stepsCompleted' must not exceed 'stepsTotal' (" + total + ").");
    }
    return new ProtocolRun(protocol, category, completed, total);
  }

  private AgendaItem agendaItem(Fields f) {
    return new AgendaItem(uniqueId(f), f.text("title", TITLE), f.optionalText("notes", AGENDA_NOTES),
      f.optionalWholeNumber("minutes", 0, 1440), f.enumValue("focus", Focus.class), f.enumValue("kind", ItemKind.class),
      reference(f, "goalId", goalIds, "goal"), f.optionalEmail("presenter"), f.flag("underProtocol"),
      f.list("dataArtifacts", MAX_ENTRIES, this::dataArtifact), f.optionalEnum("outcome", Outcome.class));
  }

  private DataArtifact dataArtifact(Fields f) {
    String link = f.optionalText("link", NOTE);
    if (link != null && !Links.isSafe(link)) {
      throw f.error("link", Links.rule("link"));
    }
    return new DataArtifact(f.enumValue("type", ArtifactType.class), f.text("title", TITLE), link);
  }

  private Attendance attendance(Fields f, Set<String> attendees) {
    String email = f.email("email");
    if (!attendees.add(email)) {
      throw f.error("email", "'email' " + email + " is already listed in this meeting's attendance.");
    }
    return new Attendance(email, f.enumValue("status", AttendanceStatus.class));
  }

  private Decision decision(Fields f) {
    String text = f.text("text", TEXT);
    DecisionKind kind = f.enumValue("kind", DecisionKind.class);
    DecisionMethod method = f.optionalEnum("method", DecisionMethod.class);
    return new Decision(text, kind, method == null ? DecisionMethod.UNRECORDED : method, f.flag("discussed"),
      reference(f, "goalId", goalIds, "goal"));
  }

  private Feedback feedback(Fields f) {
    return new Feedback(f.email("giver"), f.optionalEmail("receiver"), f.enumValue("kind", FeedbackKind.class));
  }

  private ActionItem actionItem(Fields f) {
    String id = uniqueId(f);
    String title = f.text("title", TITLE);
    String description = f.optionalText("description", TEXT);
    String meetingId = reference(f, "meetingId", meetingIds, "meeting");
    String itemId = reference(f, "agendaItemId", itemMeetings.keySet(), "agenda item");
    if (itemId != null && meetingId != null) {
      referenceChecks.add(() -> {
        String itemMeeting = itemMeetings.get(itemId);
        if (itemMeeting != null && !itemMeeting.equals(meetingId)) {
          throw f.error("agendaItemId", "'agendaItemId' " + itemId + " is an item of another meeting than " + meetingId + ".");
        }
      });
    }
    Instant createdAt = f.instant("createdAt");
    String owner = f.optionalEmail("owner");
    boolean claimed = f.flag("claimedByOwner");
    LocalDate dueDate = f.optionalDate("dueDate");
    Instant completedAt = f.optionalInstant("completedAt");
    String impactReport = f.optionalText("impactReport", TEXT);
    Origin origin = f.optionalEnum("origin", Origin.class);
    List<String> tags = f.strings("tags", MAX_TAGS, 50);
    Scope scope = f.optionalEnum("scope", Scope.class);
    ActionStatus status = f.optionalEnum("status", ActionStatus.class);
    if (status == null) {
      status = completedAt != null ? ActionStatus.DONE : ActionStatus.OPEN;
    }
    return new ActionItem(id, title, description, meetingId, itemId, createdAt, owner, claimed, dueDate, completedAt,
      impactReport, origin, tags, scope, status);
  }

  private Rating rating(Fields f) {
    String row = f.text("row", TITLE);
    if (!Rating.ROWS.contains(row)) {
      throw f.error("row", "'row' must be one of " + String.join(", ", Rating.ROWS) + ", not '" + row + "'.");
    }
    return new Rating(row, f.wholeNumber("level", 1, 3), f.email("by"), f.optionalText("note", NOTE),
      f.optionalInstant("at"));
  }

  private String uniqueId(Fields f) {
    String id = f.text("id", ID);
    String first = idPaths.putIfAbsent(id, f.path("id"));
    if (first != null) {
      throw f.error("id", "'id' " + id + " is already used at " + first + ".");
    }
    return id;
  }

  /** An optional id of something in the document, checked once the whole document is read. */
  private String reference(Fields f, String field, Set<String> ids, String what) {
    String id = f.optionalText(field, ID);
    if (id != null) {
      referenceChecks.add(() -> {
        if (!ids.contains(id)) {
          throw f.error(field, "'" + field + "' " + id + " names no " + what + " of this document.");
        }
      });
    }
    return id;
  }
}

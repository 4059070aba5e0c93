package org.cadre.history;

import io.vertx.core.json.JsonObject;
import org.cadre.http.JsonBody;
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
import org.cadre.http.ErrorMessage;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
    JsonBody root = JsonBody.at(doc, "$");
    String format = root.text("format", TITLE);
    if (!format.equals(HistoryJson.FORMAT)) {
      throw root.invalid("format", ErrorMessage.FIELD_MUST_BE, "format", HistoryJson.FORMAT, format);
    }
    JsonBody team = root.nested("team");
    TeamHistory history = new TeamHistory(
      team.optionalText("id", ID),
      team.text("name", TITLE),
      team.enumValue("kind", Kind.class),
      team.optionalInt("cadenceDays", 1, 365),
      root.objects("members", MAX_ENTRIES, this::member),
      leaderSelection(root.optionalNested("leaderSelection")),
      root.objects("goals", MAX_ENTRIES, this::goal),
      root.objects("agreements", MAX_ENTRIES, this::agreement),
      root.objects("equityAnalyses", MAX_ENTRIES, this::equityAnalysis),
      root.objects("meetings", MAX_MEETINGS, this::meeting),
      root.objects("actionItems", MAX_ENTRIES, this::actionItem),
      root.objects("ratings", MAX_ENTRIES, this::rating));
    referenceChecks.forEach(Runnable::run);
    return history;
  }

  private Member member(JsonBody f) {
    String email = f.email("email");
    if (!memberEmails.add(email)) {
      throw f.invalid("email", ErrorMessage.DUPLICATE_MEMBER, "email", email);
    }
    return new Member(email, f.optionalText("name", NAME), f.enumValue("role", Role.class), f.instant("joinedAt"),
      f.optionalInstant("leftAt"));
  }

  private LeaderSelection leaderSelection(JsonBody f) {
    return f == null ? null : new LeaderSelection(f.text("method", TITLE), f.optionalInstant("at"));
  }

  private Goal goal(JsonBody f) {
    Goal goal = new Goal(uniqueId(f), f.text("title", TITLE), f.optionalText("description", TEXT));
    goalIds.add(goal.id());
    return goal;
  }

  private Agreement agreement(JsonBody f) {
    return new Agreement(uniqueId(f), f.text("title", TITLE), f.enumValue("kind", AgreementKind.class),
      f.enumValue("status", AgreementStatus.class), f.optionalInstant("adoptedAt"),
      f.optionalInt("reviewEveryDays", 1, 3660), f.objects("reviews", MAX_ENTRIES, this::review));
  }

  private Review review(JsonBody f) {
    return new Review(f.instant("at"), reference(f, "meetingId", meetingIds, ErrorMessage.NOUN_MEETING), flag(f, "disparityCheck"));
  }

  private EquityAnalysis equityAnalysis(JsonBody f) {
    return new EquityAnalysis(f.instant("at"), f.enumValue("level", EquityLevel.class),
      reference(f, "meetingId", meetingIds, ErrorMessage.NOUN_MEETING));
  }

  private Meeting meeting(JsonBody f) {
    String id = uniqueId(f);
    String title = f.text("title", TITLE);
    MeetingStatus status = f.enumValue("status", MeetingStatus.class);
    Instant startsAt = f.instant("startsAt");
    Instant endsAt = f.optionalInstant("endsAt");
    if (endsAt != null && endsAt.isBefore(startsAt)) {
      throw f.invalid("endsAt", ErrorMessage.ENDS_BEFORE_STARTS);
    }
    Set<String> attendees = new HashSet<>();
    Meeting meeting = new Meeting(id, title, status, startsAt, endsAt, f.optionalInstant("agendaPublishedAt"),
      f.optionalInstant("reminderSentAt"), flag(f, "normsReviewed"), flag(f, "debriefHeld"),
      f.objects("protocolRuns", MAX_ENTRIES, this::protocolRun),
      f.objects("agenda", MAX_ENTRIES, this::agendaItem),
      f.objects("attendance", MAX_ENTRIES, a -> attendance(a, attendees)),
      f.objects("decisions", MAX_ENTRIES, this::decision),
      f.objects("feedback", MAX_ENTRIES, this::feedback));
    meetingIds.add(id);
    meeting.agenda().forEach(item -> itemMeetings.put(item.id(), id));
    return meeting;
  }

  private ProtocolRun protocolRun(JsonBody f) {
    String protocol = f.text("protocol", TITLE);
    ProtocolCategory category = f.enumValue("category", ProtocolCategory.class);
    int completed = f.intValue("stepsCompleted", 0, 1000);
    int total = f.intValue("stepsTotal", 0, 1000);
    if (completed > total) {
      throw f.invalid("stepsCompleted", ErrorMessage.STEPS_EXCEED, total);
    }
    return new ProtocolRun(protocol, category, completed, total);
  }

  private AgendaItem agendaItem(JsonBody f) {
    return new AgendaItem(uniqueId(f), f.text("title", TITLE), f.optionalText("notes", AGENDA_NOTES),
      f.optionalInt("minutes", 0, 1440), f.enumValue("focus", Focus.class), f.enumValue("kind", ItemKind.class),
      reference(f, "goalId", goalIds, ErrorMessage.NOUN_GOAL), f.optionalEmail("presenter"), flag(f, "underProtocol"),
      f.objects("dataArtifacts", MAX_ENTRIES, this::dataArtifact), f.optionalEnum("outcome", Outcome.class));
  }

  private DataArtifact dataArtifact(JsonBody f) {
    String link = f.optionalText("link", NOTE);
    if (link != null && !Links.isSafe(link)) {
      throw f.invalid("link", ErrorMessage.FIELD_LINK, "link");
    }
    return new DataArtifact(f.enumValue("type", ArtifactType.class), f.text("title", TITLE), link);
  }

  private Attendance attendance(JsonBody f, Set<String> attendees) {
    String email = f.email("email");
    if (!attendees.add(email)) {
      throw f.invalid("email", ErrorMessage.DUPLICATE_ATTENDANCE, "email", email);
    }
    return new Attendance(email, f.enumValue("status", AttendanceStatus.class));
  }

  private Decision decision(JsonBody f) {
    String text = f.text("text", TEXT);
    DecisionKind kind = f.enumValue("kind", DecisionKind.class);
    DecisionMethod method = f.optionalEnum("method", DecisionMethod.class);
    return new Decision(text, kind, method == null ? DecisionMethod.UNRECORDED : method, flag(f, "discussed"),
      reference(f, "goalId", goalIds, ErrorMessage.NOUN_GOAL));
  }

  private Feedback feedback(JsonBody f) {
    return new Feedback(f.email("giver"), f.optionalEmail("receiver"), f.enumValue("kind", FeedbackKind.class));
  }

  private ActionItem actionItem(JsonBody f) {
    String id = uniqueId(f);
    String title = f.text("title", TITLE);
    String description = f.optionalText("description", TEXT);
    String meetingId = reference(f, "meetingId", meetingIds, ErrorMessage.NOUN_MEETING);
    String itemId = reference(f, "agendaItemId", itemMeetings.keySet(), ErrorMessage.NOUN_AGENDA_ITEM);
    if (itemId != null && meetingId != null) {
      referenceChecks.add(() -> {
        String itemMeeting = itemMeetings.get(itemId);
        if (itemMeeting != null && !itemMeeting.equals(meetingId)) {
          throw f.invalid("agendaItemId", ErrorMessage.ITEM_OF_OTHER_MEETING, itemId, meetingId);
        }
      });
    }
    Instant createdAt = f.instant("createdAt");
    String owner = f.optionalEmail("owner");
    boolean claimed = flag(f, "claimedByOwner");
    LocalDate dueDate = f.optionalDate("dueDate");
    Instant completedAt = f.optionalInstant("completedAt");
    String impactReport = f.optionalText("impactReport", TEXT);
    Origin origin = f.optionalEnum("origin", Origin.class);
    List<String> tags = Objects.requireNonNullElse(f.optionalStrings("tags", MAX_TAGS, 50), List.of());
    Scope scope = f.optionalEnum("scope", Scope.class);
    ActionStatus status = f.optionalEnum("status", ActionStatus.class);
    if (status == null) {
      status = completedAt != null ? ActionStatus.DONE : ActionStatus.OPEN;
    }
    return new ActionItem(id, title, description, meetingId, itemId, createdAt, owner, claimed, dueDate, completedAt,
      impactReport, origin, tags, scope, status);
  }

  private Rating rating(JsonBody f) {
    String row = f.text("row", TITLE);
    if (!Rating.ROWS.contains(row)) {
      throw f.invalid("row", ErrorMessage.FIELD_ONE_OF_NOT, "row", String.join(", ", Rating.ROWS), row);
    }
    return new Rating(row, f.intValue("level", 1, 3), f.email("by"), f.optionalText("note", NOTE),
      f.optionalInstant("at"));
  }

  /** A missing flag is false. */
  private static boolean flag(JsonBody f, String field) {
    return Boolean.TRUE.equals(f.optionalBoolean(field));
  }

  private String uniqueId(JsonBody f) {
    String id = f.text("id", ID);
    String first = idPaths.putIfAbsent(id, f.name("id"));
    if (first != null) {
      throw f.invalid("id", ErrorMessage.DUPLICATE_ID, id, first);
    }
    return id;
  }

  /** An optional id of something in the document, checked once the whole document is read. */
  private String reference(JsonBody f, String field, Set<String> ids, ErrorMessage what) {
    String id = f.optionalText(field, ID);
    if (id != null) {
      referenceChecks.add(() -> {
        if (!ids.contains(id)) {
          throw f.invalid(field, ErrorMessage.REFERENCE_NOT_IN_DOCUMENT, field, id, what);
        }
      });
    }
    return id;
  }
}

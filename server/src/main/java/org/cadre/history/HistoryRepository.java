package org.cadre.history;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import org.cadre.account.AccountRepository;
import org.cadre.board.Rank;
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
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import static org.cadre.http.JsonBody.fromWire;
import static org.cadre.http.JsonBody.wireName;

/**
 * A team's whole past as a {@link TeamHistory}: read out of the boards' tables (the export, and what the culture
 * score is computed from), and written into a new space (the import). Exported ids are the database ids, so a
 * score computed offline from an export names the same evidence as the server's.
 */
public final class HistoryRepository {

  private final Pool pool;
  private final AccountRepository accounts;

  public HistoryRepository(Pool pool, AccountRepository accounts) {
    this.pool = pool;
    this.accounts = accounts;
  }

  public Pool pool() {
    return pool;
  }

  // --- export -----------------------------------------------------------------------------------------------

  /** The history of a space, read in one repeatable-read transaction so that its parts agree; null if no space. */
  public Future<TeamHistory> export(UUID spaceId) {
    return read(spaceId).map(read -> read == null ? null : read.history());
  }

  /**
   * A space's history with the seq and path it had when it was read: its seq counts every change, so a history
   * kept with it is known current for as long as the seq stays the same.
   */
  public record Read(long seq, List<UUID> path, TeamHistory history) {
  }

  /**
   * The history with its seq and path, all from one read-only repeatable-read transaction; null if no space. The
   * transaction's begin, every part and its commit go out together: one round trip. A transaction that fails
   * part-way is ended by that same commit (PostgreSQL rolls it back), so the connection goes back clean.
   */
  public Future<Read> read(UUID spaceId) {
    return pool.withConnection(conn -> {
      Future<?> begun = conn.query("begin isolation level repeatable read read only").execute();
      Future<Read> read = readParts(conn, spaceId);
      Future<?> ended = conn.query("commit").execute();
      return Future.all(begun, read, ended).map(v -> read.result());
    });
  }

  private Future<Read> readParts(SqlConnection tx, UUID spaceId) {
    Tuple id = Tuple.of(spaceId);
    Map<String, RowSet<Row>> parts = new LinkedHashMap<>();
    Map<String, String> queries = new LinkedHashMap<>();
    queries.put("space", "select name, kind, cadence_days, leader_selection_method, leader_selected_at, seq, path "
      + "from spaces where id = $1");
    // The format holds one entry per person: someone who left and came back spans both periods.
    queries.put("members", "select distinct on (lower(u.email)) lower(u.email) as email, u.name, m.role, "
      + "min(m.joined_at) over (partition by m.user_id) as joined_at, "
      + "case when bool_or(m.left_at is null) over (partition by m.user_id) then null "
      + "else max(m.left_at) over (partition by m.user_id) end as left_at "
      + "from memberships m join users u on u.id = m.user_id where m.space_id = $1 "
      + "order by lower(u.email), m.left_at is null desc, m.joined_at desc");
    queries.put("goals", "select id, title, description from goals where space_id = $1 order by created_at, id");
    queries.put("agreements", "select id, title, kind, status, adopted_at, review_every_days from agreements "
      + "where space_id = $1 order by created_at, id");
    queries.put("reviews", "select agreement_id, at, meeting_id, disparity_check from agreement_reviews where space_id = $1 order by at, id");
    queries.put("equity", "select at, level, meeting_id from equity_analyses where space_id = $1 order by at, id");
    queries.put("meetings", "select id, title, status, starts_at, ends_at, agenda_published_at, reminder_sent_at, norms_reviewed, "
      + "debrief_held from meetings where space_id = $1 order by starts_at, id");
    // A live run counts once it is finished (recorded and imported runs always are).
    queries.put("runs", "select meeting_id, protocol, category, steps_completed, steps_total from protocol_runs "
      + "where space_id = $1 and state = 'finished' order by created_at, id");
    queries.put("agenda", "select a.id, a.meeting_id, a.title, a.notes, a.minutes, a.focus, a.kind, a.goal_id, lower(u.email) as presenter, "
      + "a.under_protocol, a.data_artifacts, a.outcome from agenda_items a left join users u on u.id = a.presenter_id "
      + "where a.space_id = $1 and a.deleted_at is null order by a.meeting_id, a.rank, a.id");
    queries.put("attendance", "select a.meeting_id, lower(u.email) as email, a.status from attendance a join meetings m on m.id = a.meeting_id "
      + "join users u on u.id = a.user_id where m.space_id = $1 order by a.meeting_id, lower(u.email)");
    queries.put("decisions", "select meeting_id, text, kind, method, discussed, goal_id from decisions where space_id = $1 "
      + "order by created_at, id");
    queries.put("feedback", "select f.meeting_id, lower(g.email) as giver, lower(r.email) as receiver, f.kind from feedback f "
      + "join users g on g.id = f.giver_id left join users r on r.id = f.receiver_id where f.space_id = $1 order by f.created_at, f.id");
    queries.put("actions", "select a.id, a.title, a.description, a.meeting_id, i.id as agenda_item_id, a.created_at, lower(u.email) as owner, "
      + "a.claimed_by_owner, a.due_date, a.completed_at, a.impact_report, a.origin, a.tags, a.scope, a.status from action_items a "
      + "left join users u on u.id = a.owner_id left join agenda_items i on i.id = a.agenda_item_id and i.deleted_at is null "
      + "where a.space_id = $1 and a.deleted_at is null order by a.rank, a.id");
    queries.put("ratings", "select r.row_id, r.level, lower(u.email) as email, r.note, r.at from ratings r join users u on u.id = r.user_id "
      + "where r.space_id = $1 order by r.at, r.id");
    // Sent together, so the connection pipelines them: one round trip for the whole history, not one per part.
    List<Future<Void>> reads = new ArrayList<>();
    for (Map.Entry<String, String> query : queries.entrySet()) {
      reads.add(tx.preparedQuery(query.getValue()).execute(id).map(rows -> {
        parts.put(query.getKey(), rows);
        return null;
      }));
    }
    return Future.all(reads).map(v -> {
      if (parts.get("space").size() == 0) {
        return null;
      }
      Row space = parts.get("space").iterator().next();
      return new Read(space.getLong("seq"), List.of(space.getArrayOfUUIDs("path")), assemble(spaceId, parts));
    });
  }

  private static TeamHistory assemble(UUID spaceId, Map<String, RowSet<Row>> parts) {
    Row space = parts.get("space").iterator().next();
    List<Member> members = map(parts.get("members"), r -> new Member(r.getString("email"), r.getString("name"),
      fromWire(Role.class, r.getString("role")), instant(r, "joined_at"), instant(r, "left_at")));
    List<Goal> goals = map(parts.get("goals"), r -> new Goal(id(r, "id"), r.getString("title"), r.getString("description")));
    Map<String, List<Review>> reviews = group(parts.get("reviews"), "agreement_id",
      r -> new Review(instant(r, "at"), id(r, "meeting_id"), r.getBoolean("disparity_check")));
    List<Agreement> agreements = map(parts.get("agreements"), r -> new Agreement(id(r, "id"), r.getString("title"),
      fromWire(AgreementKind.class, r.getString("kind")), fromWire(AgreementStatus.class, r.getString("status")),
      instant(r, "adopted_at"), r.getInteger("review_every_days"), reviews.getOrDefault(id(r, "id"), List.of())));
    List<EquityAnalysis> equity = map(parts.get("equity"), r -> new EquityAnalysis(instant(r, "at"),
      fromWire(EquityLevel.class, r.getString("level")), id(r, "meeting_id")));
    Map<String, List<ProtocolRun>> runs = group(parts.get("runs"), "meeting_id", r -> new ProtocolRun(r.getString("protocol"),
      fromWire(ProtocolCategory.class, r.getString("category")), r.getInteger("steps_completed"), r.getInteger("steps_total")));
    Map<String, List<AgendaItem>> agenda = group(parts.get("agenda"), "meeting_id", HistoryRepository::agendaItem);
    Map<String, List<Attendance>> attendance = group(parts.get("attendance"), "meeting_id",
      r -> new Attendance(r.getString("email"), fromWire(AttendanceStatus.class, r.getString("status"))));
    Map<String, List<Decision>> decisions = group(parts.get("decisions"), "meeting_id", r -> new Decision(r.getString("text"),
      fromWire(DecisionKind.class, r.getString("kind")), fromWire(DecisionMethod.class, r.getString("method")),
      r.getBoolean("discussed"), id(r, "goal_id")));
    Map<String, List<Feedback>> feedback = group(parts.get("feedback"), "meeting_id", r -> new Feedback(r.getString("giver"),
      r.getString("receiver"), fromWire(FeedbackKind.class, r.getString("kind"))));
    List<Meeting> meetings = map(parts.get("meetings"), r -> {
      String m = id(r, "id");
      return new Meeting(m, r.getString("title"), fromWire(MeetingStatus.class, r.getString("status")), instant(r, "starts_at"),
        instant(r, "ends_at"), instant(r, "agenda_published_at"), instant(r, "reminder_sent_at"), r.getBoolean("norms_reviewed"),
        r.getBoolean("debrief_held"), runs.getOrDefault(m, List.of()), agenda.getOrDefault(m, List.of()),
        attendance.getOrDefault(m, List.of()), decisions.getOrDefault(m, List.of()), feedback.getOrDefault(m, List.of()));
    });
    List<ActionItem> actions = map(parts.get("actions"), r -> new ActionItem(id(r, "id"), r.getString("title"),
      r.getString("description"), id(r, "meeting_id"), id(r, "agenda_item_id"), instant(r, "created_at"), r.getString("owner"),
      r.getBoolean("claimed_by_owner"), r.getLocalDate("due_date"), instant(r, "completed_at"), r.getString("impact_report"),
      fromWire(Origin.class, r.getString("origin")), List.of(r.getArrayOfStrings("tags")), fromWire(Scope.class, r.getString("scope")),
      fromWire(ActionStatus.class, r.getString("status"))));
    List<Rating> ratings = map(parts.get("ratings"), r -> new Rating(r.getString("row_id"), r.getInteger("level"),
      r.getString("email"), r.getString("note"), instant(r, "at")));
    String method = space.getString("leader_selection_method");
    return new TeamHistory(spaceId.toString(), space.getString("name"), fromWire(Kind.class, space.getString("kind")),
      space.getInteger("cadence_days"), members, method == null ? null : new LeaderSelection(method, instant(space, "leader_selected_at")),
      goals, agreements, equity, meetings, actions, ratings);
  }

  private static AgendaItem agendaItem(Row r) {
    List<DataArtifact> artifacts = new ArrayList<>();
    for (Object o : r.getJsonArray("data_artifacts")) {
      JsonObject a = (JsonObject) o;
      artifacts.add(new DataArtifact(fromWire(ArtifactType.class, a.getString("type")), a.getString("title"), a.getString("link")));
    }
    return new AgendaItem(id(r, "id"), r.getString("title"), r.getString("notes"), r.getInteger("minutes"),
      fromWire(Focus.class, r.getString("focus")), fromWire(ItemKind.class, r.getString("kind")), id(r, "goal_id"),
      r.getString("presenter"), r.getBoolean("under_protocol"), artifacts, fromWire(Outcome.class, r.getString("outcome")));
  }

  private static <T> List<T> map(RowSet<Row> rows, Function<Row, T> f) {
    List<T> out = new ArrayList<>(rows.size());
    rows.forEach(r -> out.add(f.apply(r)));
    return out;
  }

  private static <T> Map<String, List<T>> group(RowSet<Row> rows, String key, Function<Row, T> f) {
    Map<String, List<T>> out = new HashMap<>();
    rows.forEach(r -> out.computeIfAbsent(id(r, key), k -> new ArrayList<>()).add(f.apply(r)));
    return out;
  }

  private static String id(Row row, String column) {
    UUID id = row.getUUID(column);
    return id == null ? null : id.toString();
  }

  private static Instant instant(Row row, String column) {
    OffsetDateTime time = row.getOffsetDateTime(column);
    return time == null ? null : time.toInstant();
  }

  // --- import -----------------------------------------------------------------------------------------------

  /**
   * Writes the history into the (just created, locked) space within the caller's transaction. People are matched
   * to accounts by email; those without one get an account without a password that registering later claims. A
   * membership is confirmed only for an account whose email is verified, or the importer's own; the others wait
   * for a lead's confirmation.
   * Batched inserts keep a history of hundreds of meetings to a few dozen round trips.
   */
  public Future<Map<String, UUID>> write(SqlConnection tx, UUID spaceId, TeamHistory h, UUID importer) {
    Ids ids = new Ids();
    return people(tx, h).compose(people -> {
      Batches b = new Batches();
      for (Member m : h.members()) {
        b.add("insert into memberships (space_id, user_id, role, joined_at, left_at, confirmed) "
            // Only an owner who proved the email (or the importer, acting for themselves) holds the role at once;
            // anyone could have registered an email a document later names.
            + "select $1, $2, $3, $4, $5, email_verified_at is not null or id = $6 from users where id = $2",
          Tuple.of(spaceId, people.get(m.email()), wireName(m.role()), time(m.joinedAt()), time(m.leftAt()), importer));
      }
      for (Goal g : h.goals()) {
        UUID id = ids.of(g.id());
        b.add("insert into goals (id, space_id, title, description, created_by) values ($1, $2, $3, $4, $5)",
          Tuple.of(id, spaceId, g.title(), text(g.description()), importer));
        b.add("insert into goal_revisions (goal_id, revision, title, description, edited_by) values ($1, 1, $2, $3, $4)",
          Tuple.of(id, g.title(), text(g.description()), importer));
      }
      for (Meeting m : h.meetings()) {
        meeting(b, ids, people, spaceId, m, importer);
      }
      for (Agreement a : h.agreements()) {
        UUID id = ids.of(a.id());
        b.add("insert into agreements (id, space_id, title, kind, status, adopted_at, review_every_days, created_by) "
            + "values ($1, $2, $3, $4, $5, $6, $7, $8)",
          Tuple.of(id, spaceId, a.title(), wireName(a.kind()), wireName(a.status()), time(a.adoptedAt()), a.reviewEveryDays(), importer));
        for (Review r : a.reviews()) {
          b.add("insert into agreement_reviews (space_id, agreement_id, meeting_id, at, disparity_check, recorded_by) "
            + "values ($1, $2, $3, $4, $5, $6)", Tuple.of(spaceId, id, ids.ref(r.meetingId()), time(r.at()), r.disparityCheck(), importer));
        }
      }
      for (EquityAnalysis e : h.equityAnalyses()) {
        b.add("insert into equity_analyses (space_id, meeting_id, level, at, recorded_by) values ($1, $2, $3, $4, $5)",
          Tuple.of(spaceId, ids.ref(e.meetingId()), wireName(e.level()), time(e.at()), importer));
      }
      List<String> ranks = Rank.initial(h.actionItems().size());
      for (int i = 0; i < h.actionItems().size(); i++) {
        ActionItem a = h.actionItems().get(i);
        b.add("insert into action_items (id, space_id, rank, title, description, owner_id, claimed_by_owner, due_date, status, origin, "
            + "tags, scope, meeting_id, agenda_item_id, impact_report, completed_at, created_by, created_at) "
            + "values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)",
          Tuple.from(Arrays.asList(ids.of(a.id()), spaceId, ranks.get(i), a.title(), text(a.description()),
            a.owner() == null ? null : people.get(a.owner()), a.claimedByOwner(), a.dueDate(), wireName(a.status()), wireName(a.origin() == null ? Origin.OTHER : a.origin()),
            a.tags().toArray(String[]::new), wireName(a.scope() == null ? Scope.TEAM : a.scope()), ids.ref(a.meetingId()), ids.ref(a.agendaItemId()),
            text(a.impactReport()), time(a.completedAt()), importer, time(a.createdAt()))));
      }
      // A rating without a time keeps its place in the document's order (later ones replace earlier ones).
      for (int i = 0; i < h.ratings().size(); i++) {
        Rating r = h.ratings().get(i);
        Instant at = r.at() == null ? Instant.EPOCH.plusMillis(i) : r.at();
        b.add("insert into ratings (space_id, row_id, level, user_id, note, at) values ($1, $2, $3, $4, $5, $6)",
          Tuple.of(spaceId, r.row(), r.level(), people.get(r.by()), text(r.note()), time(at)));
      }
      return b.run(tx).map(people);
    });
  }

  private static void meeting(Batches b, Ids ids, Map<String, UUID> people, UUID spaceId, Meeting m, UUID importer) {
    UUID id = ids.of(m.id());
    b.add("insert into meetings (id, space_id, title, status, starts_at, ends_at, agenda_published_at, reminder_sent_at, "
        + "norms_reviewed, debrief_held, created_by, created_at) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)",
      Tuple.from(Arrays.asList(id, spaceId, m.title(), wireName(m.status()), time(m.startsAt()), time(endsAt(m)),
        time(m.agendaPublishedAt()), time(m.reminderSentAt()), m.normsReviewed(), m.debriefHeld(), importer, time(m.startsAt()))));
    List<String> ranks = Rank.initial(m.agenda().size());
    for (int i = 0; i < m.agenda().size(); i++) {
      AgendaItem a = m.agenda().get(i);
      JsonArray artifacts = new JsonArray();
      a.dataArtifacts().forEach(d -> artifacts.add(new JsonObject().put("type", wireName(d.type())).put("title", d.title()).put("link", d.link())));
      b.add("insert into agenda_items (id, space_id, meeting_id, rank, title, notes, minutes, focus, kind, goal_id, presenter_id, "
          + "under_protocol, data_artifacts, outcome, created_by, created_at) "
          + "values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)",
        Tuple.from(Arrays.asList(ids.of(a.id()), spaceId, id, ranks.get(i), a.title(), text(a.notes()), a.minutes(),
          wireName(a.focus()), wireName(a.kind()), ids.ref(a.goalId()), a.presenter() == null ? null : people.get(a.presenter()),
          a.underProtocol(), artifacts, a.outcome() == null ? null : wireName(a.outcome()), importer, time(m.startsAt()))));
    }
    // One row per person and meeting: a later line for the same person corrects an earlier one.
    Map<String, Attendance> attendance = new LinkedHashMap<>();
    m.attendance().forEach(a -> attendance.put(a.email(), a));
    for (Attendance a : attendance.values()) {
      b.add("insert into attendance (meeting_id, user_id, status, marked_by, marked_at) values ($1, $2, $3, $4, $5)",
        Tuple.of(id, people.get(a.email()), wireName(a.status()), importer, time(m.startsAt())));
    }
    for (Decision d : m.decisions()) {
      b.add("insert into decisions (space_id, meeting_id, text, kind, method, discussed, goal_id, created_by, created_at) "
          + "values ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
        Tuple.from(Arrays.asList(spaceId, id, d.text(), wireName(d.kind()), wireName(d.method()), d.discussed(),
          ids.ref(d.goalId()), importer, time(m.startsAt()))));
    }
    for (Feedback f : m.feedback()) {
      b.add("insert into feedback (space_id, meeting_id, giver_id, receiver_id, kind, created_at) values ($1, $2, $3, $4, $5, $6)",
        Tuple.of(spaceId, id, people.get(f.giver()), f.receiver() == null ? null : people.get(f.receiver()), wireName(f.kind()),
          time(m.startsAt())));
    }
    for (ProtocolRun r : m.protocolRuns()) {
      b.add("insert into protocol_runs (space_id, meeting_id, protocol, category, steps_completed, steps_total, created_at) "
          + "values ($1, $2, $3, $4, $5, $6, $7)",
        Tuple.of(spaceId, id, r.protocol(), wireName(r.category()), r.stepsCompleted(), r.stepsTotal(), time(m.startsAt())));
    }
  }

  /** A meeting without an end is taken to last an hour. */
  private static Instant endsAt(Meeting m) {
    return m.endsAt() != null && m.endsAt().isAfter(m.startsAt()) ? m.endsAt() : m.startsAt().plus(Duration.ofHours(1));
  }

  /** Every person the history names, as a user id: existing accounts by email, the rest created without a password. */
  private Future<Map<String, UUID>> people(SqlConnection tx, TeamHistory h) {
    Map<String, String> names = new LinkedHashMap<>();
    h.members().forEach(m -> names.put(m.email(), m.name() == null || m.name().isBlank() ? null : m.name()));
    Set<String> emails = new LinkedHashSet<>(names.keySet());
    for (Meeting m : h.meetings()) {
      m.agenda().forEach(a -> add(emails, a.presenter()));
      m.attendance().forEach(a -> add(emails, a.email()));
      m.feedback().forEach(f -> {
        add(emails, f.giver());
        add(emails, f.receiver());
      });
    }
    h.actionItems().forEach(a -> add(emails, a.owner()));
    h.ratings().forEach(r -> add(emails, r.by()));
    Map<String, UUID> out = new HashMap<>();
    Future<Void> all = Future.succeededFuture();
    // Each upsert locks its organization's and its person's rows until commit. In one order for every import (by
    // domain, then email), two imports that share people or domains wait for each other instead of deadlocking.
    List<String> ordered = emails.stream()
      .sorted(Comparator.comparing((String e) -> e.substring(e.indexOf('@') + 1)).thenComparing(Comparator.naturalOrder()))
      .toList();
    for (String email : ordered) {
      String name = names.get(email) != null ? names.get(email) : email.substring(0, Math.min(email.indexOf('@'), 100));
      all = all.compose(v -> accounts.pendingUser(tx, email, name).map(id -> {
        out.put(email, id);
        return null;
      }));
    }
    return all.map(out);
  }

  private static void add(Set<String> emails, String email) {
    if (email != null) {
      emails.add(email.toLowerCase(Locale.ROOT));
    }
  }

  private static OffsetDateTime time(Instant at) {
    return at == null ? null : OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
  }

  private static String text(String value) {
    return value == null ? "" : value;
  }

  /** Fresh database ids for the document's own ids. */
  private static final class Ids {
    private final Map<String, UUID> ids = new HashMap<>();

    UUID of(String documentId) {
      return ids.computeIfAbsent(documentId, k -> UUID.randomUUID());
    }

    UUID ref(String documentId) {
      return documentId == null ? null : of(documentId);
    }
  }

  /** Inserts grouped by statement, in the order first added (parents before children), one batch each. */
  private static final class Batches {
    private final Map<String, List<Tuple>> batches = new LinkedHashMap<>();

    void add(String sql, Tuple args) {
      batches.computeIfAbsent(sql, k -> new ArrayList<>()).add(args);
    }

    Future<Void> run(SqlClient tx) {
      Future<Void> all = Future.succeededFuture();
      for (Map.Entry<String, List<Tuple>> batch : batches.entrySet()) {
        all = all.compose(v -> tx.preparedQuery(batch.getKey()).executeBatch(batch.getValue()).mapEmpty());
      }
      return all;
    }
  }
}

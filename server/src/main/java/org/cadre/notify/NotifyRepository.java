package org.cadre.notify;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import io.vertx.sqlclient.data.Numeric;
import org.cadre.culture.Level;
import org.cadre.http.JsonBody;
import org.cadre.http.Language;

import java.math.BigDecimal;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The SQL of email: the outbox, each user's settings, the signing key, and what the scans look for. */
final class NotifyRepository {

  /** Who on a team gets its meeting mail: current, confirmed, and taking part (observers only watch). */
  private static final String TAKING_PART = "m.left_at is null and m.confirmed and m.role in ('lead', 'member', 'partner')";
  private static final String USER_COLUMNS = "u.id as user_id, u.name as user_name, u.email, u.language";

  private final Pool pool;

  NotifyRepository(Pool pool) {
    this.pool = pool;
  }

  /** A message to insert: what it is about ({@code kind}, {@code subjectId}, {@code occasion}) and for whom. */
  record Outgoing(String kind, UUID subjectId, String recipient, String occasion, String to, Letter letter) {
  }

  /** A claimed message, ready to send. */
  record Claimed(UUID id, String kind, String to, String title, String text, String html, String unsubscribe, int attempts) {
  }

  /** A person mail goes to. */
  record Recipient(UUID userId, String name, String email, Language language) {
  }

  /**
   * Inserts each message unless one with the same key exists: a scan that runs twice, or two scans that overlap,
   * insert it once. Answers how many were new.
   */
  Future<Integer> enqueue(SqlClient client, List<Outgoing> messages) {
    if (messages.isEmpty()) {
      return Future.succeededFuture(0);
    }
    List<Tuple> batch = new ArrayList<>();
    for (Outgoing m : messages) {
      Letter.Link unsubscribe = m.letter().unsubscribe();
      batch.add(Tuple.of(m.kind(), m.subjectId(), m.recipient(), m.occasion(), m.to(), m.letter().title())
        .addString(m.letter().text()).addString(m.letter().html()).addString(unsubscribe == null ? null : unsubscribe.url()));
    }
    return client.preparedQuery("insert into mail_outbox (kind, subject_id, recipient, occasion, to_address, title, "
        + "text_body, html_body, unsubscribe) values ($1, $2, $3, $4, $5, $6, $7, $8, $9) "
        + "on conflict (kind, subject_id, recipient, occasion) do nothing")
      .executeBatch(batch)
      .map(rows -> {
        int inserted = 0;
        for (var r = rows; r != null; r = r.next()) {
          inserted += r.rowCount();
        }
        return inserted;
      });
  }

  Future<Integer> enqueue(List<Outgoing> messages) {
    return enqueue(pool, messages);
  }

  /**
   * Claims up to {@code limit} unsent messages for this server: rows another server is claiming are skipped, and a
   * claim older than ten minutes (its server died mid-send) is taken over.
   */
  Future<List<Claimed>> claim(int limit) {
    return pool.preparedQuery("update mail_outbox set claimed_at = now(), attempts = attempts + 1 where id in ("
        + "select id from mail_outbox where sent_at is null and failed_at is null "
        + "and (claimed_at is null or claimed_at < now() - interval '10 minutes') "
        + "order by created_at limit $1 for update skip locked) "
        + "returning id, kind, to_address, title, text_body, html_body, unsubscribe, attempts")
      .execute(Tuple.of(limit))
      .map(rows -> {
        List<Claimed> out = new ArrayList<>();
        for (Row r : rows) {
          out.add(new Claimed(r.getUUID("id"), r.getString("kind"), r.getString("to_address"), r.getString("title"),
            r.getString("text_body"), r.getString("html_body"), r.getString("unsubscribe"), r.getInteger("attempts")));
        }
        return out;
      });
  }

  Future<Void> sent(UUID id) {
    return pool.preparedQuery("update mail_outbox set sent_at = now(), last_error = null where id = $1")
      .execute(Tuple.of(id)).mapEmpty();
  }

  /** A failed send is tried again after the claim lapses, until {@code giveUp}. */
  Future<Void> failed(UUID id, String error, boolean giveUp) {
    return pool.preparedQuery("update mail_outbox set last_error = $2, failed_at = case when $3 then now() end where id = $1")
      .execute(Tuple.of(id, error, giveUp)).mapEmpty();
  }

  /** The key unsubscribe links are signed with: the first server to ask makes it. */
  Future<Buffer> key() {
    byte[] fresh = new byte[32];
    new SecureRandom().nextBytes(fresh);
    return pool.preparedQuery("with i as (insert into mail_keys (id, secret) values (1, $1) on conflict (id) do nothing returning secret) "
        + "select secret from i union all select secret from mail_keys where id = 1")
      .execute(Tuple.of(Buffer.buffer(fresh)))
      .map(rows -> rows.iterator().next().getBuffer("secret"));
  }

  // Settings

  Future<Settings> settings(UUID userId) {
    return pool.preparedQuery("select meetings, actions, digest from notification_settings where user_id = $1")
      .execute(Tuple.of(userId))
      .map(rows -> rows.size() == 0 ? Settings.ALL
        : new Settings(rows.iterator().next().getBoolean("meetings"), rows.iterator().next().getBoolean("actions"),
          rows.iterator().next().getBoolean("digest")));
  }

  Future<Void> saveSettings(UUID userId, Settings s) {
    return pool.preparedQuery("insert into notification_settings (user_id, meetings, actions, digest) values ($1, $2, $3, $4) "
        + "on conflict (user_id) do update set meetings = $2, actions = $3, digest = $4, updated_at = now()")
      .execute(Tuple.of(userId, s.meetings(), s.actions(), s.digest())).mapEmpty();
  }

  /** Turns one kind of mail off; false when the user no longer exists. */
  Future<Boolean> unsubscribe(UUID userId, Settings.Category category) {
    String column = category.column();
    return pool.preparedQuery("insert into notification_settings (user_id, " + column + ") select id, false from users where id = $1 "
        + "on conflict (user_id) do update set " + column + " = false, updated_at = now()")
      .execute(Tuple.of(userId))
      .map(rows -> rows.rowCount() == 1);
  }

  /** Whether the user takes this kind of mail; a user without settings takes all. */
  private static String wants(String column) {
    return "coalesce((select n." + column + " from notification_settings n where n.user_id = u.id), true)";
  }

  private static String notQueued(String kind, String subject, String occasion) {
    return "not exists (select 1 from mail_outbox o where o.kind = '" + kind + "' and o.subject_id = " + subject
      + " and o.recipient = u.id::text and o.occasion = " + occasion + ")";
  }

  private static Recipient recipient(Row r) {
    Language language = Language.ofTag(r.getString("language"));
    return new Recipient(r.getUUID("user_id"), r.getString("user_name"), r.getString("email"),
      language == null ? Language.EN : language);
  }

  // Meetings

  /** A meeting and a member to tell about it. */
  record MeetingMail(UUID meetingId, UUID spaceId, String title, String team, ZoneId zone, Instant startsAt,
                     String location, String occasion, boolean reminded, Recipient to) {
  }

  /** A meeting moved to another time is a new occasion, so its members hear of it again. */
  private static final String MEETING_OCCASION = "to_char(mt.starts_at at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')";

  /** Scheduled meetings whose agenda came out in the last day, for each member not yet told. */
  Future<List<MeetingMail>> agendasToSend() {
    return meetings("agenda", "mt.agenda_published_at is not null and mt.agenda_published_at > now() - interval '1 day'");
  }

  /**
   * Scheduled meetings within their team's lead time, or whose facilitator sent the reminder by hand, for each
   * member not yet reminded of that start.
   */
  Future<List<MeetingMail>> remindersToSend() {
    return meetings("reminder", "(mt.reminder_sent_at is not null or (s.reminder_lead_minutes is not null "
      + "and mt.starts_at - make_interval(mins => s.reminder_lead_minutes) <= now()))");
  }

  private Future<List<MeetingMail>> meetings(String kind, String condition) {
    return pool.query("select mt.id, mt.space_id, mt.title, s.name as team, s.time_zone, mt.starts_at, mt.location, "
        + MEETING_OCCASION + " as occasion, mt.reminder_sent_at is not null as reminded, " + USER_COLUMNS + " from meetings mt join spaces s on s.id = mt.space_id "
        + "join memberships m on m.space_id = s.id join users u on u.id = m.user_id "
        + "where mt.status = 'scheduled' and mt.starts_at > now() and s.archived_at is null and " + condition
        + " and " + TAKING_PART + " and " + wants("meetings")
        + " and " + notQueued(kind, "mt.id", MEETING_OCCASION)
        + " order by mt.starts_at, u.id limit 2000")
      .execute()
      .map(rows -> {
        List<MeetingMail> out = new ArrayList<>();
        for (Row r : rows) {
          out.add(new MeetingMail(r.getUUID("id"), r.getUUID("space_id"), r.getString("title"), r.getString("team"),
            ZoneId.of(r.getString("time_zone")), r.getOffsetDateTime("starts_at").toInstant(), r.getString("location"),
            r.getString("occasion"), r.getBoolean("reminded"), recipient(r)));
        }
        return out;
      });
  }

  /** The titles of a meeting's agenda, in order. */
  Future<List<String>> agenda(UUID meetingId) {
    return pool.preparedQuery("select title from agenda_items where meeting_id = $1 and deleted_at is null order by rank, id")
      .execute(Tuple.of(meetingId))
      .map(rows -> {
        List<String> out = new ArrayList<>();
        rows.forEach(r -> out.add(r.getString("title")));
        return out;
      });
  }

  // Action items

  /** An open action item and its owner. {@code overdue}: its date has passed in the team's zone. */
  record ActionMail(UUID itemId, UUID spaceId, String title, String team, LocalDate due, boolean overdue, Recipient to) {
  }

  /**
   * Open items due today or tomorrow in their team's zone, and those that became overdue in the last week (older
   * ones were overdue before email was turned on: no flood on the first day), for owners not yet told.
   */
  Future<List<ActionMail>> actionsToSend() {
    return pool.query("with a as (select ai.id, ai.space_id, ai.title, s.name as team, ai.due_date, ai.owner_id, "
        + "(now() at time zone s.time_zone)::date as today from action_items ai join spaces s on s.id = ai.space_id "
        + "where ai.deleted_at is null and ai.status in ('open', 'in-progress') and ai.due_date is not null "
        + "and ai.owner_id is not null and s.archived_at is null) "
        + "select a.*, a.due_date < a.today as overdue, " + USER_COLUMNS + " from a join users u on u.id = a.owner_id "
        + "where a.due_date between a.today - 7 and a.today + 1 and " + wants("actions") + " and not exists ("
        + "select 1 from mail_outbox o where o.kind = case when a.due_date < a.today then 'action-overdue' else 'action-due' end "
        + "and o.subject_id = a.id and o.recipient = u.id::text and o.occasion = a.due_date::text) "
        + "order by a.due_date, a.id limit 2000")
      .execute()
      .map(rows -> {
        List<ActionMail> out = new ArrayList<>();
        for (Row r : rows) {
          out.add(new ActionMail(r.getUUID("id"), r.getUUID("space_id"), r.getString("title"), r.getString("team"),
            r.getLocalDate("due_date"), r.getBoolean("overdue"), recipient(r)));
        }
        return out;
      });
  }

  // The weekly digest

  /** Users who take the digest, belong to a team, and have not had this week's. */
  Future<List<Recipient>> digestRecipients(String week) {
    return pool.preparedQuery("select " + USER_COLUMNS + " from users u where " + wants("digest")
        + " and exists (select 1 from memberships m join spaces s on s.id = m.space_id where m.user_id = u.id and "
        + "m.left_at is null and m.confirmed and s.kind = 'team' and s.archived_at is null) and not exists ("
        + "select 1 from mail_outbox o where o.kind = 'digest' and o.subject_id = u.id and o.recipient = u.id::text "
        + "and o.occasion = $1) order by u.id limit 2000")
      .execute(Tuple.of(week))
      .map(rows -> {
        List<Recipient> out = new ArrayList<>();
        rows.forEach(r -> out.add(recipient(r)));
        return out;
      });
  }

  record OpenItem(String title, String team, LocalDate due) {
  }

  record NextMeeting(String title, String team, ZoneId zone, Instant startsAt) {
  }

  /** A team's level and score (null when it has none) this week beside the week before. */
  record ScoreChange(String team, Level beforeLevel, BigDecimal beforeScore, Level level, BigDecimal score) {
  }

  record Digest(List<OpenItem> items, List<NextMeeting> meetings, List<ScoreChange> scores) {
  }

  Future<Digest> digest(UUID userId) {
    Future<List<OpenItem>> items = pool.preparedQuery("select ai.title, s.name, ai.due_date from action_items ai "
        + "join spaces s on s.id = ai.space_id where ai.owner_id = $1 and ai.deleted_at is null "
        + "and ai.status in ('open', 'in-progress') and s.archived_at is null order by ai.due_date nulls last, ai.title limit 50")
      .execute(Tuple.of(userId))
      .map(rows -> {
        List<OpenItem> out = new ArrayList<>();
        rows.forEach(r -> out.add(new OpenItem(r.getString(0), r.getString(1), r.getLocalDate(2))));
        return out;
      });
    Future<List<NextMeeting>> meetings = pool.preparedQuery("select mt.title, s.name, s.time_zone, mt.starts_at from meetings mt "
        + "join spaces s on s.id = mt.space_id join memberships m on m.space_id = s.id and m.user_id = $1 "
        + "where m.left_at is null and m.confirmed and mt.status = 'scheduled' and s.archived_at is null "
        + "and mt.starts_at between now() and now() + interval '7 days' order by mt.starts_at limit 50")
      .execute(Tuple.of(userId))
      .map(rows -> {
        List<NextMeeting> out = new ArrayList<>();
        rows.forEach(r -> out.add(new NextMeeting(r.getString(0), r.getString(1), ZoneId.of(r.getString(2)),
          r.getOffsetDateTime(3).toInstant())));
        return out;
      });
    // The two latest weekly snapshots of each of the user's teams, when the level or score moved between them.
    Future<List<ScoreChange>> scores = pool.preparedQuery("select s.name, p.level as before_level, p.score as before_score, "
        + "c.level, c.score from memberships m join spaces s on s.id = m.space_id "
        + "join lateral (select level, score, week from culture_snapshots where space_id = s.id order by week desc limit 1) c on true "
        + "join lateral (select level, score from culture_snapshots where space_id = s.id and week < c.week order by week desc limit 1) p on true "
        + "where m.user_id = $1 and m.left_at is null and m.confirmed and s.kind = 'team' and s.archived_at is null "
        + "and c.week > current_date - 14 and (p.level, p.score) is distinct from (c.level, c.score) order by s.name")
      .execute(Tuple.of(userId))
      .map(rows -> {
        List<ScoreChange> out = new ArrayList<>();
        rows.forEach(r -> out.add(new ScoreChange(r.getString(0), JsonBody.fromWire(Level.class, r.getString(1)),
          decimal(r.getNumeric(2)), JsonBody.fromWire(Level.class, r.getString(3)), decimal(r.getNumeric(4)))));
        return out;
      });
    return Future.all(items, meetings, scores).map(v -> new Digest(items.result(), meetings.result(), scores.result()));
  }

  private static BigDecimal decimal(Numeric n) {
    return n == null ? null : n.bigDecimalValue();
  }

  /** The account mail about a user goes to, or null. */
  Future<Recipient> user(UUID userId) {
    return pool.preparedQuery("select " + USER_COLUMNS + " from users u where u.id = $1").execute(Tuple.of(userId))
      .map(rows -> rows.size() == 0 ? null : recipient(rows.iterator().next()));
  }

  /** The language of the account with this email, or null when there is none or it chose none. */
  Future<Language> languageOf(String email) {
    return pool.preparedQuery("select language from users where lower(email) = lower($1)").execute(Tuple.of(email))
      .map(rows -> rows.size() == 0 ? null : Language.ofTag(rows.iterator().next().getString(0)));
  }

  /**
   * Deletes mail sent (or given up) more than {@code age} ago, except that about a meeting still ahead: its row is
   * what keeps a reminder sent by hand weeks before from going out again. No scan looks further back than a week.
   */
  Future<Integer> purgeDone(Duration age) {
    return pool.preparedQuery("delete from mail_outbox o where coalesce(o.sent_at, o.failed_at) < $1 "
        + "and not exists (select 1 from meetings m where m.id = o.subject_id and m.starts_at > now())")
      .execute(Tuple.of(OffsetDateTime.now(ZoneOffset.UTC).minus(age)))
      .map(rows -> rows.rowCount());
  }
}

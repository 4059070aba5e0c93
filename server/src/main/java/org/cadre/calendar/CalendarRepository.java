package org.cadre.calendar;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The SQL of calendar feeds: their secrets, and the meetings and series rules they show. */
public final class CalendarRepository {

  /** A feed's secret as stored (the digest only); {@code spaceId} null for the owner's personal feed. */
  public record Feed(UUID id, UUID userId, UUID spaceId, boolean admin, Instant createdAt, Instant lastUsedAt) {
  }

  /** One meeting as a calendar shows it; {@code seriesStart} is the start its series' rule gave it, or null. */
  public record MeetingRow(UUID id, UUID spaceId, UUID seriesId, String title, String status, Instant startsAt, Instant endsAt,
                           String location, Instant seriesStart, Instant updatedAt) {
  }

  /** A recurring series' rule (see V8__calendar.sql). */
  public record SeriesRow(UUID id, UUID spaceId, String frequency, int every, int count, Instant firstStart, String timeZone,
                          Duration length, String title, String location, Instant createdAt) {
  }

  /** A team whose meetings a feed shows. */
  public record TeamRow(UUID id, String name, String timeZone) {
  }

  private static final String FEED_COLUMNS = "f.id, f.user_id, f.space_id, u.is_admin, f.created_at, f.last_used_at";

  private final Pool pool;

  public CalendarRepository(Pool pool) {
    this.pool = pool;
  }

  /** Stores a new secret for the owner's feed, replacing the one before (whose URL then stops working). */
  public Future<Feed> replace(UUID userId, UUID spaceId, Buffer tokenHash) {
    return pool.withTransaction(tx -> tx.preparedQuery("delete from calendar_feeds where user_id = $1 and space_id is not distinct from $2")
      .execute(Tuple.of(userId, spaceId))
      .compose(v -> tx.preparedQuery("with f as (insert into calendar_feeds (user_id, space_id, token_hash) values ($1, $2, $3) "
          + "returning *) select " + FEED_COLUMNS + " from f join users u on u.id = f.user_id")
        .execute(Tuple.of(userId, spaceId, tokenHash)))
      .map(rows -> feed(rows.iterator().next())));
  }

  /** The owner's feed, or null when they have none. */
  public Future<Feed> find(UUID userId, UUID spaceId) {
    return pool.preparedQuery("select " + FEED_COLUMNS + " from calendar_feeds f join users u on u.id = f.user_id "
        + "where f.user_id = $1 and f.space_id is not distinct from $2")
      .execute(Tuple.of(userId, spaceId))
      .map(rows -> rows.size() == 0 ? null : feed(rows.iterator().next()));
  }

  public Future<Boolean> delete(UUID userId, UUID spaceId) {
    return pool.preparedQuery("delete from calendar_feeds where user_id = $1 and space_id is not distinct from $2")
      .execute(Tuple.of(userId, spaceId))
      .map(rows -> rows.rowCount() > 0);
  }

  /** The feed a secret opens, noting that it was used; null for an unknown (or replaced) secret. */
  public Future<Feed> open(Buffer tokenHash) {
    return pool.preparedQuery("with f as (update calendar_feeds set last_used_at = now() where token_hash = $1 returning *) "
        + "select " + FEED_COLUMNS + " from f join users u on u.id = f.user_id")
      .execute(Tuple.of(tokenHash))
      .map(rows -> rows.size() == 0 ? null : feed(rows.iterator().next()));
  }

  public Future<List<TeamRow>> teams(List<UUID> spaceIds) {
    return pool.preparedQuery("select id, name, time_zone from spaces where id = any($1) order by name, id")
      .execute(Tuple.tuple().addArrayOfUUID(spaceIds.toArray(UUID[]::new)))
      .map(rows -> {
        List<TeamRow> teams = new ArrayList<>();
        for (Row r : rows) {
          teams.add(new TeamRow(r.getUUID("id"), r.getString("name"), r.getString("time_zone")));
        }
        return teams;
      });
  }

  public Future<List<MeetingRow>> meetings(List<UUID> spaceIds) {
    return pool.preparedQuery("select id, space_id, series_id, title, status, starts_at, ends_at, location, series_start, updated_at "
        + "from meetings where space_id = any($1) order by starts_at, id")
      .execute(Tuple.tuple().addArrayOfUUID(spaceIds.toArray(UUID[]::new)))
      .map(rows -> {
        List<MeetingRow> meetings = new ArrayList<>();
        for (Row r : rows) {
          meetings.add(new MeetingRow(r.getUUID("id"), r.getUUID("space_id"), r.getUUID("series_id"), r.getString("title"),
            r.getString("status"), instant(r, "starts_at"), instant(r, "ends_at"), r.getString("location"),
            instant(r, "series_start"), instant(r, "updated_at")));
        }
        return meetings;
      });
  }

  public Future<List<SeriesRow>> series(List<UUID> spaceIds) {
    return pool.preparedQuery("select id, space_id, frequency, every, count, first_start, time_zone, duration_seconds, title, location, "
        + "created_at from meeting_series where space_id = any($1)")
      .execute(Tuple.tuple().addArrayOfUUID(spaceIds.toArray(UUID[]::new)))
      .map(rows -> {
        List<SeriesRow> series = new ArrayList<>();
        for (Row r : rows) {
          series.add(new SeriesRow(r.getUUID("id"), r.getUUID("space_id"), r.getString("frequency"), r.getInteger("every"),
            r.getInteger("count"), instant(r, "first_start"), r.getString("time_zone"),
            Duration.ofSeconds(r.getInteger("duration_seconds")), r.getString("title"), r.getString("location"),
            instant(r, "created_at")));
        }
        return series;
      });
  }

  private static Feed feed(Row r) {
    return new Feed(r.getUUID("id"), r.getUUID("user_id"), r.getUUID("space_id"), r.getBoolean("is_admin"),
      instant(r, "created_at"), instant(r, "last_used_at"));
  }

  private static Instant instant(Row r, String column) {
    OffsetDateTime value = r.getOffsetDateTime(column);
    return value == null ? null : value.toInstant();
  }
}

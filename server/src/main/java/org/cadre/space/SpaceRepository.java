package org.cadre.space;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import org.cadre.http.ApiException;
import org.cadre.http.ErrorMessage;
import org.cadre.http.JsonBody;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** The SQL of spaces, memberships and invitations. */
public final class SpaceRepository {

  /** An invitation row, without its token. */
  public record Invitation(UUID id, UUID spaceId, Role role, Instant expiresAt, int maxUses, int uses, Instant revokedAt) {
    JsonObject toJson() {
      return new JsonObject()
        .put("id", id.toString())
        .put("role", JsonBody.wireName(role))
        .put("expiresAt", expiresAt.toString())
        .put("maxUses", maxUses)
        .put("uses", uses)
        .put("revokedAt", revokedAt == null ? null : revokedAt.toString());
    }
  }

  private static final String INVITATION_COLUMNS = "id, space_id, role, expires_at, max_uses, uses, revoked_at";

  /** A current membership with the member's public profile. */
  public record Member(UUID userId, String name, String email, String organization, Role role, Instant joinedAt) {
    JsonObject toJson() {
      return new JsonObject()
        .put("userId", userId.toString())
        .put("name", name)
        .put("email", email)
        .put("organization", organization)
        .put("role", JsonBody.wireName(role))
        .put("joinedAt", joinedAt.toString());
    }
  }

  /** A command's stored first result: its type and what it answered. */
  public record CommandResult(String type, JsonObject reply) {
  }

  /** How long a command's result answers its retries. */
  private static final String COMMAND_RESULT_KEPT = "interval '7 days'";

  private final Pool pool;

  public SpaceRepository(Pool pool) {
    this.pool = pool;
  }

  public Pool pool() {
    return pool;
  }

  /** The result stored for the user's command key within the last 7 days, or null. */
  public Future<CommandResult> commandResult(UUID userId, String commandId) {
    return pool.preparedQuery("select command_type, reply from command_results where user_id = $1 and command_id = $2 "
        + "and created_at > now() - " + COMMAND_RESULT_KEPT)
      .execute(Tuple.of(userId, commandId))
      .map(rows -> rows.size() == 0 ? null
        : new CommandResult(rows.iterator().next().getString(0), (JsonObject) rows.iterator().next().getValue(1)));
  }

  /**
   * Stores a command's result in the change's transaction, first purging the user's expired ones. False when the
   * key is already taken: a duplicate committed first (a concurrent one waits here for it to commit or roll back).
   */
  public Future<Boolean> saveCommandResult(SqlClient tx, UUID userId, String commandId, String type, JsonObject reply) {
    return tx.preparedQuery("delete from command_results where user_id = $1 and created_at <= now() - " + COMMAND_RESULT_KEPT)
      .execute(Tuple.of(userId))
      .compose(purged -> tx.preparedQuery("insert into command_results (user_id, command_id, command_type, reply) "
          + "values ($1, $2, $3, $4) on conflict do nothing")
        .execute(Tuple.of(userId, commandId, type, reply)))
      .map(rows -> rows.rowCount() == 1);
  }

  public Future<List<Grant>> grants(UUID userId) {
    return pool.preparedQuery("select m.space_id, m.role, s.path from memberships m join spaces s on s.id = m.space_id and m.confirmed "
        + "where m.user_id = $1 and m.left_at is null")
      .execute(Tuple.of(userId))
      .map(rows -> {
        List<Grant> grants = new ArrayList<>(rows.size());
        for (Row row : rows) {
          grants.add(new Grant(row.getUUID("space_id"), role(row.getString("role")),
            List.copyOf(Arrays.asList(row.getArrayOfUUIDs("path")))));
        }
        return grants;
      });
  }

  /** The space's path, or an empty list when there is no such space. */
  public Future<List<UUID>> path(UUID spaceId) {
    return pool.preparedQuery("select path from spaces where id = $1")
      .execute(Tuple.of(spaceId))
      .map(rows -> rows.size() == 0 ? List.of() : List.copyOf(Arrays.asList(rows.iterator().next().getArrayOfUUIDs("path"))));
  }

  public Future<Space> find(SqlClient client, UUID id) {
    return client.preparedQuery("select " + Space.COLUMNS + " from spaces where id = $1")
      .execute(Tuple.of(id))
      .map(rows -> rows.size() == 0 ? null : Space.from(rows.iterator().next()));
  }

  /**
   * The space, locked for the rest of the transaction, for a change: a missing one fails as 404, an archived one
   * as 409. Every change to a space takes this lock first, so checks such as "another lead remains" or "not
   * archived" still hold when the change commits.
   */
  public Future<Space> lockActive(SqlClient tx, UUID id) {
    return active(lock(tx, id));
  }

  /** The space, locked, archived or not (memberships can still end in an archived space). */
  public Future<Space> lock(SqlClient tx, UUID id) {
    return locked(tx, id, "for update");
  }

  /**
   * The space, to create a space below it: held for the rest of the transaction with a shared lock, so it can be
   * neither archived nor changed before the new space commits, while creations below the same parent (imports that
   * write months of history among them) go ahead side by side. A missing one fails as 404, an archived one as 409.
   */
  public Future<Space> holdActive(SqlClient tx, UUID id) {
    return active(locked(tx, id, "for share"));
  }

  private static Future<Space> locked(SqlClient tx, UUID id, String mode) {
    return tx.preparedQuery("select " + Space.COLUMNS + " from spaces where id = $1 " + mode)
      .execute(Tuple.of(id))
      .compose(rows -> rows.size() == 0 ? Future.failedFuture(ApiException.notFound(ErrorMessage.NOT_FOUND_SPACE))
        : Future.succeededFuture(Space.from(rows.iterator().next())));
  }

  private static Future<Space> active(Future<Space> space) {
    return space.compose(found -> found.archived()
      ? Future.failedFuture(ApiException.conflict("archived", null, ErrorMessage.ARCHIVED))
      : Future.succeededFuture(found));
  }

  public Future<Space> find(UUID id) {
    return find(pool, id);
  }

  /** The live space of that name directly below the parent (null parent: a root), or null. */
  public Future<Space> findChild(UUID parentId, String name) {
    return pool.preparedQuery("select " + Space.COLUMNS + " from spaces "
        + "where parent_id is not distinct from $1 and name = $2 and archived_at is null limit 1")
      .execute(Tuple.of(parentId, name))
      .map(rows -> rows.size() == 0 ? null : Space.from(rows.iterator().next()));
  }

  /** The spaces a user's memberships reach (their spaces, everything below and everything above them). */
  public Future<List<Space>> reachable(List<Grant> grants, boolean all) {
    if (all) {
      return list(pool.preparedQuery("select " + Space.COLUMNS + " from spaces order by created_at").execute());
    }
    UUID[] granted = grants.stream().map(Grant::spaceId).toArray(UUID[]::new);
    UUID[] above = grants.stream().flatMap(g -> g.path().stream()).distinct().toArray(UUID[]::new);
    return list(pool.preparedQuery("select " + Space.COLUMNS + " from spaces where path && $1 or id = any($2) order by created_at")
      .execute(Tuple.tuple().addArrayOfUUID(granted).addArrayOfUUID(above)));
  }

  private static Future<List<Space>> list(Future<io.vertx.sqlclient.RowSet<Row>> query) {
    return query.map(rows -> {
      List<Space> spaces = new ArrayList<>(rows.size());
      for (Row row : rows) {
        spaces.add(Space.from(row));
      }
      return spaces;
    });
  }

  /**
   * Inserts a space below {@code parentId} (null for a root) and answers it. It takes its parent's time zone (a root
   * starts in UTC): a new team, or an imported one, whose history names no zone, meets where its site does.
   */
  public Future<Space> create(SqlClient tx, UUID parentId, Kind kind, String name, String description, UUID creator) {
    UUID id = UUID.randomUUID();
    return tx.preparedQuery("insert into spaces (id, parent_id, kind, name, description, path, created_by, time_zone) "
        + "values ($1, $2, $3, $4, $5, coalesce((select path from spaces where id = $2), '{}') || $1::uuid, $6, "
        + "coalesce((select time_zone from spaces where id = $2), 'UTC')) "
        + "returning " + Space.COLUMNS)
      .execute(Tuple.of(id, parentId, JsonBody.wireName(kind), name, description == null ? "" : description, creator))
      .map(rows -> Space.from(rows.iterator().next()));
  }

  public Future<Space> update(SqlClient tx, UUID id, String name, String description) {
    return tx.preparedQuery("update spaces set name = coalesce($2, name), description = coalesce($3, description) "
        + "where id = $1 returning " + Space.COLUMNS)
      .execute(Tuple.of(id, name, description))
      .map(rows -> Space.from(rows.iterator().next()));
  }

  /** Archives the space; the caller holds its lock from {@link #lockActive}, so it is not archived yet. */
  /** The team settings the boards and the culture score read; null leaves a setting as it is. */
  public Future<Space> updateSettings(SqlClient tx, UUID id, String timeZone, Integer cadenceDays, boolean clearCadence,
                                      String leaderMethod, OffsetDateTime leaderSelectedAt, Integer reminderLead,
                                      boolean clearReminderLead) {
    return tx.preparedQuery("update spaces set time_zone = coalesce($2, time_zone), "
        + "cadence_days = case when $4 then null else coalesce($3, cadence_days) end, "
        + "leader_selection_method = coalesce($5, leader_selection_method), "
        + "leader_selected_at = coalesce($6, leader_selected_at), "
        + "reminder_lead_minutes = case when $8 then null else coalesce($7, reminder_lead_minutes) end "
        + "where id = $1 returning " + Space.COLUMNS)
      .execute(Tuple.of(id, timeZone, cadenceDays, clearCadence, leaderMethod, leaderSelectedAt).addInteger(reminderLead)
        .addBoolean(clearReminderLead))
      .map(rows -> Space.from(rows.iterator().next()));
  }

  public Future<Space> archive(SqlClient tx, UUID id) {
    return tx.preparedQuery("update spaces set archived_at = now() where id = $1 returning " + Space.COLUMNS)
      .execute(Tuple.of(id))
      .map(rows -> Space.from(rows.iterator().next()));
  }

  public Future<List<Member>> members(UUID spaceId) {
    return pool.preparedQuery("select u.id, u.name, u.email, o.name as organization, m.role, m.joined_at "
        + "from memberships m join users u on u.id = m.user_id join organizations o on o.id = u.organization_id "
        + "where m.space_id = $1 and m.left_at is null order by m.joined_at, u.name")
      .execute(Tuple.of(spaceId))
      .map(rows -> {
        List<Member> members = new ArrayList<>(rows.size());
        for (Row row : rows) {
          members.add(new Member(row.getUUID("id"), row.getString("name"), row.getString("email"),
            row.getString("organization"), role(row.getString("role")), row.getOffsetDateTime("joined_at").toInstant()));
        }
        return members;
      });
  }

  /** The user's current role in the space, or null. Locks the membership row for the rest of the transaction. */
  public Future<Role> currentRole(SqlClient tx, UUID spaceId, UUID userId) {
    return tx.preparedQuery("select role from memberships where space_id = $1 and user_id = $2 and left_at is null for update")
      .execute(Tuple.of(spaceId, userId))
      .map(rows -> rows.size() == 0 ? null : role(rows.iterator().next().getString("role")));
  }

  /** How many current leads the space has other than {@code except}. */
  public Future<Integer> otherLeads(SqlClient tx, UUID spaceId, UUID except) {
    return tx.preparedQuery("select count(*) from memberships where space_id = $1 and user_id <> $2 and role = 'lead' and left_at is null and confirmed")
      .execute(Tuple.of(spaceId, except))
      .map(rows -> rows.iterator().next().getLong(0).intValue());
  }

  /** The spaces where an import gave the user a membership that still waits for confirmation. */
  public Future<java.util.List<UUID>> unconfirmedSpaces(UUID userId) {
    return pool.preparedQuery("select space_id from memberships where user_id = $1 and left_at is null and not confirmed order by space_id")
      .execute(Tuple.of(userId))
      .map(rows -> {
        java.util.List<UUID> out = new java.util.ArrayList<>();
        rows.forEach(row -> out.add(row.getUUID(0)));
        return out;
      });
  }

  /** Confirms an imported person's membership; answers whether there was one to confirm. */
  public Future<Boolean> confirmMember(SqlClient tx, UUID spaceId, UUID userId) {
    return tx.preparedQuery("update memberships set confirmed = true where space_id = $1 and user_id = $2 and left_at is null "
        + "and not confirmed")
      .execute(Tuple.of(spaceId, userId))
      .map(rows -> rows.rowCount() > 0);
  }

  public Future<Void> addMember(SqlClient tx, UUID spaceId, UUID userId, Role role) {
    return tx.preparedQuery("insert into memberships (space_id, user_id, role) values ($1, $2, $3)")
      .execute(Tuple.of(spaceId, userId, JsonBody.wireName(role)))
      .mapEmpty();
  }

  public Future<Void> changeRole(SqlClient tx, UUID spaceId, UUID userId, Role role) {
    return tx.preparedQuery("update memberships set role = $3 where space_id = $1 and user_id = $2 and left_at is null")
      .execute(Tuple.of(spaceId, userId, JsonBody.wireName(role)))
      .mapEmpty();
  }

  /** Ends the membership, keeping its row for the roster history. */
  public Future<Boolean> endMembership(SqlClient tx, UUID spaceId, UUID userId) {
    return tx.preparedQuery("update memberships set left_at = now() where space_id = $1 and user_id = $2 and left_at is null")
      .execute(Tuple.of(spaceId, userId))
      .map(rows -> rows.rowCount() > 0);
  }

  public Future<UUID> createInvitation(SqlClient tx, UUID spaceId, Buffer tokenHash, Role role, Instant expiresAt,
                                       int maxUses, UUID creator) {
    return tx.preparedQuery("insert into invitations (space_id, token_hash, role, expires_at, max_uses, created_by) "
        + "values ($1, $2, $3, $4, $5, $6) returning id")
      .execute(Tuple.of(spaceId, tokenHash, JsonBody.wireName(role), OffsetDateTime.ofInstant(expiresAt, ZoneOffset.UTC),
        maxUses, creator))
      .map(rows -> rows.iterator().next().getUUID(0));
  }

  /**
   * The invitation with this token digest; {@code lock} holds it for the transaction so that concurrent accepts
   * count its uses one at a time.
   */
  public Future<Invitation> invitation(SqlClient tx, Buffer tokenHash, boolean lock) {
    return tx.preparedQuery("select " + INVITATION_COLUMNS + " from invitations where token_hash = $1" + (lock ? " for update" : ""))
      .execute(Tuple.of(tokenHash))
      .map(rows -> rows.size() == 0 ? null : invitation(rows.iterator().next()));
  }

  /** The space's invitations that can still admit someone, newest first. */
  public Future<List<Invitation>> openInvitations(UUID spaceId) {
    return pool.preparedQuery("select " + INVITATION_COLUMNS + " from invitations where space_id = $1 "
        + "and revoked_at is null and expires_at > now() and uses < max_uses order by created_at desc")
      .execute(Tuple.of(spaceId))
      .map(rows -> {
        List<Invitation> out = new ArrayList<>(rows.size());
        rows.forEach(row -> out.add(invitation(row)));
        return out;
      });
  }

  /** Revokes an invitation of the space; null when there is no such invitation or it was revoked already. */
  public Future<Invitation> revokeInvitation(SqlClient tx, UUID spaceId, UUID invitationId) {
    return tx.preparedQuery("update invitations set revoked_at = now() where id = $1 and space_id = $2 and revoked_at is null "
        + "returning " + INVITATION_COLUMNS)
      .execute(Tuple.of(invitationId, spaceId))
      .map(rows -> rows.size() == 0 ? null : invitation(rows.iterator().next()));
  }

  /** Revokes the invitations this user made in the space that could still admit someone; answers them. */
  public Future<List<Invitation>> revokeInvitationsBy(SqlClient tx, UUID spaceId, UUID creator) {
    return tx.preparedQuery("update invitations set revoked_at = now() where space_id = $1 and created_by = $2 "
        + "and revoked_at is null and expires_at > now() and uses < max_uses returning " + INVITATION_COLUMNS)
      .execute(Tuple.of(spaceId, creator))
      .map(rows -> {
        List<Invitation> out = new ArrayList<>(rows.size());
        rows.forEach(row -> out.add(invitation(row)));
        return out;
      });
  }

  private static Invitation invitation(Row row) {
    OffsetDateTime revoked = row.getOffsetDateTime("revoked_at");
    return new Invitation(row.getUUID("id"), row.getUUID("space_id"), role(row.getString("role")),
      row.getOffsetDateTime("expires_at").toInstant(), row.getInteger("max_uses"), row.getInteger("uses"),
      revoked == null ? null : revoked.toInstant());
  }

  public Future<Void> useInvitation(SqlClient tx, UUID invitationId) {
    return tx.preparedQuery("update invitations set uses = uses + 1, last_used_at = now() where id = $1")
      .execute(Tuple.of(invitationId)).mapEmpty();
  }

  /**
   * Deletes the invitations that can admit nobody any more (expired, revoked or used up) and have been so for longer
   * than {@code grace}; answers how many. Those who joined through them stay members: nothing refers to the row.
   */
  public Future<Integer> purgeDeadInvitations(Duration grace) {
    return pool.preparedQuery("delete from invitations where expires_at <= $1 or revoked_at <= $1 "
        + "or (uses >= max_uses and coalesce(last_used_at, created_at) <= $1)")
      .execute(Tuple.of(OffsetDateTime.now(ZoneOffset.UTC).minus(grace)))
      .map(rows -> rows.rowCount());
  }

  public Future<UUID> userIdByEmail(SqlClient client, String email) {
    return client.preparedQuery("select id from users where lower(email) = lower($1)")
      .execute(Tuple.of(email))
      .map(rows -> rows.size() == 0 ? null : rows.iterator().next().getUUID(0));
  }

  public Future<JsonObject> publicProfile(SqlClient client, UUID userId) {
    return client.preparedQuery("select id, name from users where id = $1")
      .execute(Tuple.of(userId))
      .map(rows -> rows.size() == 0 ? null
        : new JsonObject().put("userId", userId.toString()).put("name", rows.iterator().next().getString("name")));
  }

  static Role role(String wire) {
    return Role.valueOf(wire.toUpperCase(Locale.ROOT));
  }

  static JsonArray toJson(List<Member> members) {
    JsonArray out = new JsonArray();
    members.forEach(m -> out.add(m.toJson()));
    return out;
  }
}

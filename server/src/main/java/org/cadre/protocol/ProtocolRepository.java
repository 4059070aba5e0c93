package org.cadre.protocol;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The SQL of protocols and their immutable versions. */
public final class ProtocolRepository {

  /** A protocol and one of its versions (the latest unless asked otherwise). */
  public record Protocol(UUID id, UUID ownerSpaceId, UUID copiedFrom, String name, boolean archived, int version,
                         int latestVersion, JsonObject content, UUID createdBy, Instant createdAt) {

    public boolean builtIn() {
      return ownerSpaceId == null;
    }

    /** The same version with other words (a built-in's translation). */
    public Protocol withContent(JsonObject other) {
      return new Protocol(id, ownerSpaceId, copiedFrom, other.getString("name"), archived, version, latestVersion, other,
        createdBy, createdAt);
    }

    public JsonObject toJson() {
      return new JsonObject().put("id", id.toString())
        .put("ownerSpaceId", ownerSpaceId == null ? null : ownerSpaceId.toString())
        .put("builtIn", builtIn())
        .put("copiedFrom", copiedFrom == null ? null : copiedFrom.toString())
        .put("name", name).put("archived", archived).put("version", version).put("latestVersion", latestVersion)
        .put("createdBy", createdBy == null ? null : createdBy.toString())
        .put("createdAt", createdAt.toString())
        .put("content", content);
    }
  }

  private static final String SELECT = "select p.id, p.owner_space_id, p.copied_from, p.name, p.archived, v.version, "
    + "(select max(version) from protocol_versions l where l.protocol_id = p.id) as latest, v.content, v.created_by, "
    + "v.created_at from protocols p join protocol_versions v on v.protocol_id = p.id ";

  private final Pool pool;

  public ProtocolRepository(Pool pool) {
    this.pool = pool;
  }

  public Pool pool() {
    return pool;
  }

  /** Stores a built-in's first version unless it is there already (every start-up calls this). */
  Future<Void> seed(SqlClient tx, UUID id, JsonObject content) {
    return tx.preparedQuery("insert into protocols (id, name) values ($1, $2) on conflict (id) do nothing")
      .execute(Tuple.of(id, content.getString("name")))
      .compose(r -> tx.preparedQuery("insert into protocol_versions (protocol_id, version, content) values ($1, 1, $2) "
        + "on conflict (protocol_id, version) do nothing").execute(Tuple.of(id, content)))
      .mapEmpty();
  }

  /** The latest version of the built-ins and of the protocols owned by any of the spaces, archived ones left out. */
  public Future<List<Protocol>> listed(List<UUID> owners) {
    return pool.preparedQuery(SELECT + "where v.version = (select max(version) from protocol_versions l where l.protocol_id = p.id) "
        + "and not p.archived and (p.owner_space_id is null or p.owner_space_id = any($1)) "
        + "order by p.owner_space_id nulls first, p.name, p.id")
      .execute(Tuple.of(owners.toArray(UUID[]::new)))
      .map(ProtocolRepository::all);
  }

  /** A protocol at a version (null: its latest); null when there is no such protocol or version. */
  public Future<Protocol> find(SqlClient client, UUID id, Integer version) {
    return client.preparedQuery(SELECT + "where p.id = $1 and v.version = coalesce($2, "
        + "(select max(version) from protocol_versions l where l.protocol_id = p.id))")
      .execute(Tuple.of(id, version))
      .map(rows -> rows.size() == 0 ? null : from(rows.iterator().next()));
  }

  public Future<Protocol> find(UUID id, Integer version) {
    return find(pool, id, version);
  }

  /** A new protocol owned by a space, with its first version. */
  public Future<Protocol> create(SqlClient tx, UUID owner, UUID copiedFrom, JsonObject content, UUID author) {
    UUID id = UUID.randomUUID();
    return tx.preparedQuery("insert into protocols (id, owner_space_id, copied_from, name) values ($1, $2, $3, $4)")
      .execute(Tuple.of(id, owner, copiedFrom, content.getString("name")))
      .compose(r -> addVersion(tx, id, content, author));
  }

  /** The next version; the caller holds the owner space's lock, so version numbers do not race. */
  public Future<Protocol> addVersion(SqlClient tx, UUID id, JsonObject content, UUID author) {
    return tx.preparedQuery("insert into protocol_versions (protocol_id, version, content, created_by) "
        + "select $1, coalesce(max(version), 0) + 1, $2, $3 from protocol_versions where protocol_id = $1 returning version")
      .execute(Tuple.of(id, content, author))
      .compose(rows -> tx.preparedQuery("update protocols set name = $2 where id = $1")
        .execute(Tuple.of(id, content.getString("name"))).map(rows.iterator().next().getInteger(0)))
      .compose(version -> find(tx, id, version));
  }

  public Future<Protocol> setArchived(SqlClient tx, UUID id, boolean archived) {
    return tx.preparedQuery("update protocols set archived = $2 where id = $1").execute(Tuple.of(id, archived))
      .compose(r -> find(tx, id, null));
  }

  private static List<Protocol> all(RowSet<Row> rows) {
    List<Protocol> out = new ArrayList<>(rows.size());
    rows.forEach(row -> out.add(from(row)));
    return out;
  }

  private static Protocol from(Row row) {
    return new Protocol(row.getUUID("id"), row.getUUID("owner_space_id"), row.getUUID("copied_from"),
      row.getString("name"), row.getBoolean("archived"), row.getInteger("version"), row.getInteger("latest"),
      (JsonObject) row.getJson("content"), row.getUUID("created_by"), row.getOffsetDateTime("created_at").toInstant());
  }
}

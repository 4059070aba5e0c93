package org.cadre.charter;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import org.cadre.board.BoardStore;
import org.cadre.http.ErrorMessage;
import org.cadre.board.Entity;
import org.cadre.board.Field;
import org.cadre.history.AgreementKind;
import org.cadre.history.AgreementStatus;

import java.util.List;
import java.util.UUID;

/** The team's charter in SQL: norms, goals with their revisions, agreements with their reviews. */
public final class CharterRepository {

  static final Entity NORM = new Entity(ErrorMessage.NOUN_NORM, "norms", List.of(
    Field.readOnly("id", "id"),
    Field.text("text", "text", 2000).required().editable(),
    Field.readOnly("rank", "rank"),
    Field.readOnly("retiredAt", "retired_at"),
    Field.readOnly("createdBy", "created_by"),
    Field.readOnly("createdAt", "created_at"),
    Field.readOnly("updatedAt", "updated_at")), false);

  static final Entity GOAL = new Entity(ErrorMessage.NOUN_GOAL, "goals", List.of(
    Field.readOnly("id", "id"),
    Field.text("title", "title", 200).required().editable(),
    Field.longText("description", "description", 10000).nullable().editable(),
    Field.readOnly("revision", "revision"),
    Field.readOnly("createdBy", "created_by"),
    Field.readOnly("createdAt", "created_at"),
    Field.readOnly("updatedAt", "updated_at")), false);

  static final Entity AGREEMENT = new Entity(ErrorMessage.NOUN_AGREEMENT, "agreements", List.of(
    Field.readOnly("id", "id"),
    Field.text("title", "title", 200).required().editable(),
    Field.longText("description", "description", 10000).nullable().editable(),
    Field.enumOf("kind", "kind", AgreementKind.class).required().creatable(),
    Field.enumOf("status", "status", AgreementStatus.class).editable(),
    Field.readOnly("adoptedAt", "adopted_at"),
    Field.integer("reviewEveryDays", "review_every_days", 1, 3660).nullable().editable(),
    Field.readOnly("createdBy", "created_by"),
    Field.readOnly("createdAt", "created_at"),
    Field.readOnly("updatedAt", "updated_at")), false);

  static final Entity REVIEW = new Entity(ErrorMessage.NOUN_AGREEMENT_REVIEW, "agreement_reviews", List.of(
    Field.readOnly("id", "id"),
    Field.readOnly("agreementId", "agreement_id"),
    Field.ref("meetingId", "meeting_id", "meetings").required().creatable(),
    Field.readOnly("at", "at"),
    Field.of("disparityCheck", "disparity_check", Field.Type.BOOL).creatable(),
    Field.longText("note", "note", 2000).nullable().creatable(),
    Field.readOnly("recordedBy", "recorded_by")), false);

  private final BoardStore store;

  public CharterRepository(BoardStore store) {
    this.store = store;
  }

  public BoardStore store() {
    return store;
  }

  Future<Void> keepRevision(SqlClient tx, JsonObject goal, UUID editor) {
    return tx.preparedQuery("insert into goal_revisions (goal_id, revision, title, description, edited_by) values ($1, $2, $3, $4, $5)")
      .execute(Tuple.of(UUID.fromString(goal.getString("id")), goal.getInteger("revision"), goal.getString("title"),
        goal.getString("description"), editor))
      .mapEmpty();
  }

  Future<JsonArray> revisions(UUID spaceId, UUID goalId) {
    return store.pool().preparedQuery("select r.revision, r.title, r.description, r.edited_by, u.name, r.edited_at "
        + "from goal_revisions r join goals g on g.id = r.goal_id left join users u on u.id = r.edited_by "
        + "where g.id = $1 and g.space_id = $2 order by r.revision")
      .execute(Tuple.of(goalId, spaceId))
      .map(rows -> {
        JsonArray out = new JsonArray();
        rows.forEach(row -> out.add(new JsonObject()
          .put("revision", row.getInteger("revision"))
          .put("title", row.getString("title"))
          .put("description", row.getString("description"))
          .put("editedBy", row.getUUID("edited_by") == null ? null : row.getUUID("edited_by").toString())
          .put("editorName", row.getString("name"))
          .put("editedAt", row.getOffsetDateTime("edited_at").toInstant().toString())));
        return out;
      });
  }

  /** Norms in order (retired ones too, for the record), goals, and agreements with their reviews. */
  public Future<JsonObject> snapshot(SqlClient client, UUID spaceId) {
    Tuple space = Tuple.of(spaceId);
    return store.list(client, NORM, "space_id = $1", space, "rank, id").compose(norms ->
      store.list(client, GOAL, "space_id = $1", space, "created_at, id").compose(goals ->
        store.list(client, AGREEMENT, "space_id = $1", space, "created_at, id").compose(agreements ->
          store.list(client, REVIEW, "space_id = $1", space, "at, id").map(reviews -> {
            for (JsonObject agreement : agreements) {
              agreement.put("reviews", new JsonArray(reviews.stream()
                .filter(r -> r.getString("agreementId").equals(agreement.getString("id"))).toList()));
            }
            return new JsonObject()
              .put("norms", new JsonArray(norms))
              .put("goals", new JsonArray(goals))
              .put("agreements", new JsonArray(agreements));
          }))));
  }
}

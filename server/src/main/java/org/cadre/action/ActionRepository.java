package org.cadre.action;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import org.cadre.board.BoardStore;
import org.cadre.http.ErrorMessage;
import org.cadre.board.Entity;
import org.cadre.board.Field;
import org.cadre.history.ActionStatus;
import org.cadre.history.Origin;
import org.cadre.history.Scope;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/** Action items in SQL. */
public final class ActionRepository {

  static final Entity ACTION = new Entity(ErrorMessage.NOUN_ACTION_ITEM, "action_items", List.of(
    Field.readOnly("id", "id"),
    Field.text("title", "title", 200).required().editable(),
    Field.longText("description", "description", 10000).nullable().editable(),
    Field.readOnly("ownerId", "owner_id"),
    Field.readOnly("claimedByOwner", "claimed_by_owner"),
    Field.of("dueDate", "due_date", Field.Type.DATE).nullable().editable(),
    Field.enumOf("status", "status", ActionStatus.class).editable(),
    Field.enumOf("origin", "origin", Origin.class).editable(),
    Field.of("tags", "tags", Field.Type.TAGS).editable(),
    Field.enumOf("scope", "scope", Scope.class).editable(),
    Field.ref("meetingId", "meeting_id", "meetings").nullable().creatable(),
    Field.ref("agendaItemId", "agenda_item_id", "agenda_items").nullable().creatable(),
    Field.longText("impactReport", "impact_report", 10000).nullable().editable(),
    Field.readOnly("completedAt", "completed_at"),
    Field.readOnly("rank", "rank"),
    Field.readOnly("createdBy", "created_by"),
    Field.readOnly("createdAt", "created_at"),
    Field.readOnly("updatedAt", "updated_at")), true);

  private final BoardStore store;

  public ActionRepository(BoardStore store) {
    this.store = store;
  }

  BoardStore store() {
    return store;
  }

  /** The agenda item must belong to the meeting the action item comes from. */
  Future<Boolean> itemInMeeting(SqlClient client, UUID agendaItemId, UUID meetingId) {
    return client.preparedQuery("select 1 from agenda_items where id = $1 and meeting_id = $2").execute(Tuple.of(agendaItemId, meetingId))
      .map(rows -> rows.size() > 0);
  }

  public Future<List<JsonObject>> all(SqlClient client, UUID spaceId) {
    return store.list(client, ACTION, "space_id = $1", Tuple.of(spaceId), "rank, id");
  }

  /**
   * Open items of the space due before a meeting's day (in the team's zone) that existed when it started: what
   * the meeting carries forward.
   */
  public Future<List<JsonObject>> carriedForward(SqlClient client, UUID spaceId, Instant startsAt, String timeZone) {
    return store.list(client, ACTION, "space_id = $1 and status in ('open', 'in-progress') and due_date is not null "
        + "and due_date < ($2::timestamptz at time zone $3)::date and created_at < $2",
      Tuple.of(spaceId, OffsetDateTime.ofInstant(startsAt, ZoneOffset.UTC), timeZone), "due_date, rank, id");
  }
}

package org.cadre.team;

import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Tuple;
import org.cadre.action.ActionRepository;
import org.cadre.http.BodyShape;
import org.cadre.charter.CharterRepository;
import org.cadre.meeting.MeetingRepository;
import org.cadre.realtime.Commands;
import org.cadre.realtime.Commands.Command;
import org.cadre.space.Access;

/**
 * The whole board of a space as a client opens it: charter, action items, meetings and equity analyses, with the
 * space's seq so the client knows which events it already holds (it then subscribes and catches up from there).
 */
public final class TeamBoard {

  private final CharterRepository charter;
  private final ActionRepository actions;
  private final MeetingRepository meetings;

  public TeamBoard(CharterRepository charter, ActionRepository actions, MeetingRepository meetings) {
    this.charter = charter;
    this.actions = actions;
    this.meetings = meetings;
  }

  public void register(Commands commands) {
    commands.register("board.get", Access.READ, HttpMethod.GET, "/board", BodyShape.of(), this::get);
  }

  /** One repeatable-read transaction, so the parts and the seq agree. */
  private Future<JsonObject> get(Command c) {
    return charter.store().pool().withTransaction(tx -> tx.query("set transaction isolation level repeatable read").execute()
      .compose(v -> tx.preparedQuery("select seq from spaces where id = $1").execute(Tuple.of(c.spaceId())))
      .compose(seqRows -> charter.snapshot(tx, c.spaceId())
        .compose(board -> actions.all(tx, c.spaceId())
          .compose(items -> meetings.all(tx, c.spaceId())
            .compose(list -> meetings.equityAnalyses(tx, c.spaceId())
              .map(analyses -> board
                .put("spaceId", c.spaceId().toString())
                .put("seq", seqRows.iterator().next().getLong(0))
                .put("actionItems", new JsonArray(items))
                .put("meetings", new JsonArray(list))
                .put("equityAnalyses", new JsonArray(analyses))))))));
  }
}

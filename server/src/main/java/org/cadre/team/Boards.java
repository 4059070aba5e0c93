package org.cadre.team;

import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import org.cadre.action.ActionItems;
import org.cadre.action.ActionRepository;
import org.cadre.board.BoardStore;
import org.cadre.charter.Charter;
import org.cadre.charter.CharterRepository;
import org.cadre.continuum.Continua;
import org.cadre.continuum.ContinuumRatings;
import org.cadre.continuum.ContinuumRepository;
import org.cadre.culture.Ratings;
import org.cadre.meeting.MeetingRepository;
import org.cadre.meeting.Meetings;
import org.cadre.meeting.ProtocolRunRepository;
import org.cadre.meeting.ProtocolRuns;
import org.cadre.protocol.ProtocolRepository;
import org.cadre.realtime.Commands;
import org.cadre.space.SpaceChanges;
import org.cadre.space.SpaceRepository;

/**
 * Every board command (ratings included), registered in one place for the server and for the demo, which replays
 * history through them.
 */
public final class Boards {

  private Boards() {
  }

  public static Commands register(Commands commands, Vertx vertx, Pool pool, SpaceChanges changes) {
    SpaceRepository spaces = changes.repository();
    BoardStore store = new BoardStore(vertx, pool, changes);
    CharterRepository charter = new CharterRepository(store);
    ActionRepository actions = new ActionRepository(store);
    MeetingRepository meetings = new MeetingRepository(store);
    new TeamSettings(spaces, changes).register(commands);
    new Charter(charter).register(commands);
    ActionItems actionItems = new ActionItems(actions, spaces);
    actionItems.register(commands);
    ProtocolRunRepository runs = new ProtocolRunRepository();
    new Meetings(meetings, actions, runs).register(commands);
    new ProtocolRuns(runs, new ProtocolRepository(pool), actionItems, store).register(commands);
    new TeamBoard(charter, actions, meetings).register(commands);
    new Ratings(changes).register(commands);
    new ContinuumRatings(changes, new ContinuumRepository(pool), new Continua()).register(commands);
    return commands;
  }
}

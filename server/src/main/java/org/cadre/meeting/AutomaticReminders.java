package org.cadre.meeting;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import org.cadre.board.BoardStore;
import org.cadre.space.SpaceChanges;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

/**
 * The reminder Cadre emails at the team's lead time marks the meeting reminded, as the facilitator's
 * {@code meeting.send-reminder} does: the same {@code meeting.reminder-sent} event (with no actor), so clients show
 * it and the culture score counts it. Once: a meeting already reminded, or no longer scheduled, is left alone.
 */
public final class AutomaticReminders {

  private final SpaceChanges changes;
  private final BoardStore store;

  public AutomaticReminders(Vertx vertx, Pool pool, SpaceChanges changes) {
    this.changes = changes;
    this.store = new BoardStore(vertx, pool, changes);
  }

  /** True when this call marked the meeting. */
  public Future<Boolean> sent(UUID spaceId, UUID meetingId) {
    return changes.apply(spaceId, null, null, SpaceChanges.Archived.REFUSE,
        (tx, space) -> store.lock(tx, MeetingRepository.MEETING, spaceId, meetingId, "meetingId").compose(meeting ->
          meeting.getString("reminderSentAt") != null || !"scheduled".equals(meeting.getString("status"))
            ? Future.succeededFuture(SpaceChanges.Outcome.unchanged(false))
            : store.update(tx, MeetingRepository.MEETING, meetingId,
                Map.of("reminder_sent_at", OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS)))
              .map(updated -> new SpaceChanges.Outcome<>(true, new SpaceChanges.Event("meeting.reminder-sent", updated)))))
      .map(SpaceChanges.Applied::value);
  }
}

package org.cadre.culture;

import org.cadre.history.MeetingStatus;
import org.cadre.history.TeamHistory.ActionItem;
import org.cadre.history.TeamHistory.Meeting;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One scoring window (asOf - days, asOf]: its held meetings, its action items and the roster as of asOf. */
final class Window {

  final Team team;
  final CultureRules rules;
  final Instant asOf;
  final int days;
  private final Instant after;
  /** The held meetings that start in the window, in document order. */
  final List<MeetingFacts> held = new ArrayList<>();
  /** The action items created in the window, in document order. */
  final List<ActionItem> actions = new ArrayList<>();
  final Roster roster;
  /** Whether rows keep their measured values, thresholds, evidence and next step, or only their level. */
  private final boolean detailed;
  private final Map<String, RowRating> ratings;

  Window(Team team, CultureRules rules, Instant asOf, int days, boolean detailed) {
    this.team = team;
    this.rules = rules;
    this.asOf = asOf;
    this.days = days;
    this.detailed = detailed;
    this.after = asOf.minus(Duration.ofDays(days));
    for (Meeting m : team.history.meetings()) {
      if (m.status() == MeetingStatus.HELD && contains(m.startsAt())) {
        held.add(new MeetingFacts(m, team, rules));
      }
    }
    for (ActionItem item : team.history.actionItems()) {
      if (contains(item.createdAt())) {
        actions.add(item);
      }
    }
    this.roster = new Roster(team, asOf);
    this.ratings = RowRating.byRow(team.history.ratings(), asOf);
  }

  RowBuilder row(String id) {
    return new RowBuilder(id, detailed);
  }

  boolean contains(Instant at) {
    return at.isAfter(after) && !at.isAfter(asOf);
  }

  boolean enoughMeetings() {
    return held.size() >= rules.evidence().minMeetingsHeld();
  }

  /** What people rated the row as of asOf, or null. */
  RowRating rating(String row) {
    return ratings.get(row);
  }

  List<String> heldIds() {
    List<String> ids = new ArrayList<>(held.size());
    for (MeetingFacts m : held) {
      ids.add(m.id());
    }
    return ids;
  }
}

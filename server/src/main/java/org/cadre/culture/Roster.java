package org.cadre.culture;

import org.cadre.space.Role;

import java.time.Instant;
import java.util.Set;

/** The team's roster at one instant, for the rows that count people against the current roster. */
final class Roster {

  private final Team team;
  private final boolean[] on;
  private final int size;

  Roster(Team team, Instant at) {
    this.team = team;
    this.on = new boolean[team.size()];
    int count = 0;
    for (int i = 0; i < on.length; i++) {
      on[i] = team.onRoster(i, at);
      count += on[i] ? 1 : 0;
    }
    this.size = count;
  }

  int size() {
    return size;
  }

  /** How many people on the roster are among these emails. */
  int countAmong(Set<String> emails) {
    int count = 0;
    for (int i = 0; i < on.length; i++) {
      if (on[i] && emails.contains(team.member(i).email())) {
        count++;
      }
    }
    return count;
  }

  boolean hasLead() {
    for (int i = 0; i < on.length; i++) {
      if (on[i] && team.member(i).role() == Role.LEAD) {
        return true;
      }
    }
    return false;
  }
}

package org.cadre.culture;

import org.cadre.history.TeamHistory;
import org.cadre.history.TeamHistory.Member;
import org.cadre.space.Role;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A history indexed once for scoring any number of windows. */
final class Team {

  final TeamHistory history;
  private final List<Member> members;
  private final Map<String, Integer> indexByEmail;

  Team(TeamHistory history) {
    this.history = history;
    this.members = history.members();
    this.indexByEmail = new HashMap<>(members.size() * 2);
    for (int i = 0; i < members.size(); i++) {
      indexByEmail.put(members.get(i).email(), i);
    }
  }

  int size() {
    return members.size();
  }

  Member member(int index) {
    return members.get(index);
  }

  /** The index of the member with this email, or -1 when nobody on the member list has it. */
  int indexOf(String email) {
    Integer index = email == null ? null : indexByEmail.get(email);
    return index == null ? -1 : index;
  }

  /** On the roster at an instant: a lead, member or partner (not an observer) who had joined and not yet left. */
  boolean onRoster(int index, Instant at) {
    Member m = members.get(index);
    return m.role() != Role.OBSERVER && !m.joinedAt().isAfter(at) && (m.leftAt() == null || m.leftAt().isAfter(at));
  }

  int rosterSize(Instant at) {
    int size = 0;
    for (int i = 0; i < members.size(); i++) {
      if (onRoster(i, at)) {
        size++;
      }
    }
    return size;
  }
}

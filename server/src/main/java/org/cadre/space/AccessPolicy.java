package org.cadre.space;

import java.util.List;
import java.util.UUID;

/** Pure rule: a user's access to a space is the best that any of their memberships grants there. */
public final class AccessPolicy {

  private AccessPolicy() {
  }

  /**
   * @param admin      administrators manage every space
   * @param grants     the user's current memberships
   * @param targetPath the target space's path, root first and the target last; empty when it does not exist
   */
  public static Access access(boolean admin, List<Grant> grants, List<UUID> targetPath) {
    if (targetPath.isEmpty()) {
      return Access.NONE;
    }
    if (admin) {
      return Access.MANAGE;
    }
    UUID target = targetPath.get(targetPath.size() - 1);
    Access best = Access.NONE;
    for (Grant grant : grants) {
      if (grant.spaceId().equals(target)) {
        best = Access.max(best, grant.role().inSpace());
      } else if (targetPath.contains(grant.spaceId())) {
        best = Access.max(best, grant.role().inDescendants());
      } else if (grant.path().contains(target)) {
        best = Access.max(best, grant.role().inAncestors());
      }
    }
    return best;
  }

  /**
   * Whether the user may see the culture roll-up of the target as aggregates (counts of levels, statuses and
   * changes; no names of teams they may not open): administrators, and anyone with a membership other than partner
   * at the target, above it or below it. So a district lead sees the network's roll-up and a site lead the district's,
   * while a partner, who sees nothing outside the space they were invited into, sees no roll-up at all.
   */
  public static boolean aggregates(boolean admin, List<Grant> grants, List<UUID> targetPath) {
    if (targetPath.isEmpty()) {
      return false;
    }
    if (admin) {
      return true;
    }
    UUID target = targetPath.get(targetPath.size() - 1);
    for (Grant grant : grants) {
      if (grant.role() != Role.PARTNER && (targetPath.contains(grant.spaceId()) || grant.path().contains(target))) {
        return true;
      }
    }
    return false;
  }
}

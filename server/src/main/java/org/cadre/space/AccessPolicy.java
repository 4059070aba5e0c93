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
}

package org.cadre.space;

import java.util.List;
import java.util.UUID;

/** A current membership: the role a user holds in a space, with that space's path (root first, itself last). */
public record Grant(UUID spaceId, Role role, List<UUID> path) {
}

package org.cadre.culture;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import org.cadre.account.Principal;
import org.cadre.http.ApiException;
import org.cadre.http.ErrorMessage;
import org.cadre.space.Access;
import org.cadre.space.SpaceAccess;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Builds the culture roll-up of a site, district or network for one caller: what {@link RollupRoutes} answers and
 * what the space report ({@code org.cadre.report}) summarizes, so both show the same numbers. Anyone who may see
 * the space's aggregates gets it ({@link org.cadre.space.AccessPolicy#aggregates}); which teams they see by name is
 * their READ access to each.
 */
public final class Rollups {

  /** Teams scored at once when their snapshot will not do: their histories are read in parallel. */
  private static final int SCORING_LANES = 4;

  private final RollupRepository repo;
  private final CultureScores scores;
  private final SpaceAccess access;

  public Rollups(RollupRepository repo, CultureScores scores, SpaceAccess access) {
    this.repo = repo;
    this.scores = scores;
    this.access = access;
  }

  /**
   * The roll-up's JSON (without {@code rowNames}, which are the request's words). {@code asOfOrNull} null: now;
   * {@code windowDays} null: each team's default window. Fails with 404 for a space the caller cannot see, 403
   * {@code ROLLUP_NOT_SHARED} when they may not see its aggregates, 400 naming {@code id} for a team.
   */
  public Future<JsonObject> build(Principal me, UUID id, Instant asOfOrNull, Integer windowDays) {
    Instant asOf = asOfOrNull == null ? Instant.now() : asOfOrNull;
    return access.of(me, id)
      .compose(granted -> granted == Access.NONE ? Future.failedFuture(ApiException.notFound(ErrorMessage.NOT_FOUND_SPACE))
        : access.aggregates(me, id))
      .compose(allowed -> allowed ? repo.space(id)
        : Future.failedFuture(ApiException.forbidden(ErrorMessage.ROLLUP_NOT_SHARED)))
      .compose(space -> {
        if (space == null) {
          return Future.failedFuture(ApiException.notFound(ErrorMessage.NOT_FOUND_SPACE));
        }
        if ("team".equals(space.kind())) {
          return Future.failedFuture(ApiException.invalid("id", ErrorMessage.ROLLUP_OF_TEAM));
        }
        return repo.teams(id, CultureScores.weekOf(asOf), CultureScores.startOfToday(asOf))
          .compose(teams -> entries(me, id, space, teams, asOfOrNull == null && windowDays == null, asOf, windowDays))
          .map(entries -> Rollup.json(id, space.kind(), asOf, entries));
      });
  }

  /**
   * Each team with its score: today's snapshot when the roll-up is of now in the default window ({@code now}) and
   * the team has one, else scored here, {@value #SCORING_LANES} teams at a time.
   */
  private Future<List<Rollup.Entry>> entries(Principal me, UUID spaceId, RollupRepository.SpaceRow space,
                                             List<RollupRepository.TeamRow> teams, boolean now, Instant asOf,
                                             Integer windowDays) {
    Map<UUID, Rollup.Group> groups = new HashMap<>();
    // A team sitting directly in the roll-up's space is grouped under that space itself.
    groups.put(spaceId, new Rollup.Group(spaceId, space.name(), space.kind(), true));
    Scoring scoring = new Scoring(me, spaceId, teams, groups, now, asOf, windowDays);
    List<Future<Void>> lanes = new ArrayList<>();
    for (int lane = 0; lane < SCORING_LANES; lane++) {
      lanes.add(scoring.lane());
    }
    return Future.all(lanes).map(v -> Arrays.stream(scoring.entries).filter(Objects::nonNull).toList());
  }

  /** One roll-up's teams being scored: the lanes take the next team from it. All of it lives on this event loop. */
  private final class Scoring {

    private final Principal me;
    private final UUID spaceId;
    private final List<RollupRepository.TeamRow> teams;
    private final Map<UUID, Rollup.Group> groups;
    private final boolean now;
    private final Instant asOf;
    private final Integer windowDays;
    private final Rollup.Entry[] entries;
    private int next;

    Scoring(Principal me, UUID spaceId, List<RollupRepository.TeamRow> teams, Map<UUID, Rollup.Group> groups,
            boolean now, Instant asOf, Integer windowDays) {
      this.me = me;
      this.spaceId = spaceId;
      this.teams = teams;
      this.groups = groups;
      this.now = now;
      this.asOf = asOf;
      this.windowDays = windowDays;
      this.entries = new Rollup.Entry[teams.size()];
    }

    /**
     * Takes the next team until none is left, looping while the steps complete at once (snapshots, cached access)
     * and going on from a callback only after one had to wait, so the stack stays flat.
     */
    Future<Void> lane() {
      for (int index = next++; index < teams.size(); index = next++) {
        Future<Void> entry = entry(index);
        if (!entry.isComplete()) {
          return entry.compose(v -> lane());
        }
        if (entry.failed()) {
          return entry;
        }
      }
      return Future.succeededFuture();
    }

    private Future<Void> entry(int index) {
      RollupRepository.TeamRow team = teams.get(index);
      return group(me, spaceId, team, groups)
        .compose(group -> access.of(me, team.id())
          .compose(granted -> (now && team.today() != null ? Future.succeededFuture(team.today())
            : scores.score(team.id(), asOf, windowDays)).map(score -> {
              if (score != null) {
                entries[index] = new Rollup.Entry(team.id(), team.name(), group, granted.allows(Access.READ), score);
              }
              return null;
            })));
    }
  }

  private Future<Rollup.Group> group(Principal me, UUID spaceId, RollupRepository.TeamRow team, Map<UUID, Rollup.Group> known) {
    UUID groupId = team.groupId().equals(team.id()) ? spaceId : team.groupId();
    Rollup.Group cached = known.get(groupId);
    if (cached != null) {
      return Future.succeededFuture(cached);
    }
    return access.of(me, groupId).map(granted -> {
      Rollup.Group group = new Rollup.Group(groupId, team.groupName(), team.groupKind(), granted.allows(Access.NAMES));
      known.put(groupId, group);
      return group;
    });
  }
}

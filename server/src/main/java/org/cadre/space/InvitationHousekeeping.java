package org.cadre.space;

import io.vertx.core.Future;
import org.cadre.job.Job;

import java.time.Duration;
import java.util.logging.Logger;

/** Hourly, on one server: purges the invitations that have admitted nobody for a while and never will again. */
public final class InvitationHousekeeping implements Job {

  private static final Logger LOG = Logger.getLogger(InvitationHousekeeping.class.getName());

  /**
   * How long an expired, revoked or used-up invitation is kept: someone following its link in that time is told which
   * of the three it is (409), not that there is no such invitation (404).
   */
  static final Duration GRACE = Duration.ofDays(30);

  private final SpaceRepository repo;

  public InvitationHousekeeping(SpaceRepository repo) {
    this.repo = repo;
  }

  @Override
  public String name() {
    return "space.invitation-housekeeping";
  }

  @Override
  public Duration every() {
    return Duration.ofHours(1);
  }

  @Override
  public Future<Integer> run() {
    return repo.purgeDeadInvitations(GRACE).onSuccess(purged -> {
      if (purged > 0) {
        LOG.info("Purged " + purged + " invitations that can no longer admit anyone");
      }
    });
  }
}

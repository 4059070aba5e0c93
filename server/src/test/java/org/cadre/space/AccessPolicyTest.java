package org.cadre.space;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AccessPolicyTest {

  private final UUID network = UUID.randomUUID();
  private final UUID district = UUID.randomUUID();
  private final UUID site = UUID.randomUUID();
  private final UUID team = UUID.randomUUID();
  private final List<UUID> networkPath = List.of(network);
  private final List<UUID> districtPath = List.of(network, district);
  private final List<UUID> sitePath = List.of(network, district, site);
  private final List<UUID> teamPath = List.of(network, district, site, team);

  private Access access(List<UUID> target, Grant... grants) {
    return AccessPolicy.access(false, List.of(grants), target);
  }

  @Test
  void aUserWithNoMembershipSeesNothing() {
    assertEquals(Access.NONE, access(teamPath));
  }

  @Test
  void aSpaceThatDoesNotExistIsInvisibleEvenToAdministrators() {
    assertEquals(Access.NONE, AccessPolicy.access(true, List.of(), List.of()));
    assertEquals(Access.MANAGE, AccessPolicy.access(true, List.of(), teamPath));
  }

  @Test
  void aLeadReadsEveryLevelBelowButWritesNone() {
    Grant lead = new Grant(district, Role.LEAD, districtPath);
    assertEquals(Access.MANAGE, access(districtPath, lead));
    assertEquals(Access.READ, access(sitePath, lead));
    assertEquals(Access.READ, access(teamPath, lead));
    assertEquals(Access.NAMES, access(networkPath, lead));
  }

  @Test
  void theBestOfSeveralMembershipsWins() {
    Grant districtMember = new Grant(district, Role.MEMBER, districtPath);
    Grant teamObserver = new Grant(team, Role.OBSERVER, teamPath);
    Grant siteLead = new Grant(site, Role.LEAD, sitePath);
    assertEquals(Access.READ, access(teamPath, districtMember, teamObserver));
    assertEquals(Access.READ, access(teamPath, teamObserver, siteLead));
    assertEquals(Access.MANAGE, access(sitePath, districtMember, siteLead));
  }

  @Test
  void aPartnerSeesTheSharedSpaceAndNothingAroundIt() {
    Grant partner = new Grant(site, Role.PARTNER, sitePath);
    assertEquals(Access.WRITE, access(sitePath, partner));
    assertEquals(Access.NONE, access(districtPath, partner));
    assertEquals(Access.NONE, access(networkPath, partner));
    assertEquals(Access.NONE, access(teamPath, partner));
  }

  @Test
  void siblingsAreNeverVisible() {
    UUID sibling = UUID.randomUUID();
    Grant lead = new Grant(site, Role.LEAD, sitePath);
    assertEquals(Access.NONE, access(List.of(network, district, sibling), lead));
  }
}

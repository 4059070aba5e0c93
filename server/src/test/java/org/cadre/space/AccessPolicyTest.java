package org.cadre.space;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

  private boolean aggregates(List<UUID> target, Grant... grants) {
    return AccessPolicy.aggregates(false, List.of(grants), target);
  }

  @Test
  void aDistrictLeadSeesTheNetworksAggregatesThoughNotItsOtherDistricts() {
    Grant lead = new Grant(district, Role.LEAD, districtPath);
    assertEquals(Access.NAMES, access(networkPath, lead), "the network's content stays closed to them");
    assertTrue(aggregates(networkPath, lead));
    assertTrue(aggregates(districtPath, lead));
    assertTrue(aggregates(sitePath, lead));
    UUID otherDistrict = UUID.randomUUID();
    assertFalse(aggregates(List.of(network, otherDistrict), lead), "another district's own roll-up is not theirs");
  }

  @Test
  void aSiteLeadSeesTheDistrictsAggregatesAndTheNetworks() {
    Grant lead = new Grant(site, Role.LEAD, sitePath);
    assertTrue(aggregates(districtPath, lead));
    assertTrue(aggregates(networkPath, lead));
    assertFalse(aggregates(List.of(network, district, UUID.randomUUID()), lead), "nor a sibling site's");
  }

  @Test
  void everyOtherRoleReachingTheSpaceThroughTheTreeSeesAggregates() {
    for (Role role : new Role[] {Role.MEMBER, Role.OBSERVER, Role.LEAD}) {
      Grant teamGrant = new Grant(team, role, teamPath);
      assertTrue(aggregates(districtPath, teamGrant), role + " of a team, on its district");
      Grant networkGrant = new Grant(network, role, networkPath);
      assertTrue(aggregates(sitePath, networkGrant), role + " of the network, on a site below");
    }
  }

  @Test
  void aPartnerSeesNoAggregatesOutsideTheirSpaceNorOfIt() {
    Grant partner = new Grant(team, Role.PARTNER, teamPath);
    assertFalse(aggregates(sitePath, partner));
    assertFalse(aggregates(districtPath, partner));
    assertFalse(aggregates(networkPath, partner));
    Grant sitePartner = new Grant(site, Role.PARTNER, sitePath);
    assertFalse(aggregates(sitePath, sitePartner), "the teams below a partner's site are outside their space");
  }

  @Test
  void aggregatesNeedAMembershipInTheTreeOrAdministrators() {
    assertFalse(aggregates(networkPath));
    assertFalse(aggregates(List.of(UUID.randomUUID()), new Grant(district, Role.LEAD, districtPath)));
    assertTrue(AccessPolicy.aggregates(true, List.of(), networkPath));
    assertFalse(AccessPolicy.aggregates(true, List.of(), List.of()), "a space that does not exist has none");
  }
}

package org.everseed.domain.model.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PublishingRightsTest {
  static final Instant NOW = Instant.parse("2026-12-02T12:00:00Z");

  static Channel channel(String name, String... roles) {
    Channel c = new Channel(new ChannelName(name), "", NOW);
    for (String role : roles) {
      c.grantPublishing(new PublisherRole(role), "admin", NOW);
    }
    return c;
  }

  static PublishingRights rights(String target, Channel... lineage) {
    return PublishingRights.of(new ChannelName(target), List.of(lineage));
  }

  @Test
  void channelWithoutGrantsIsOpenToEveryPublisher() {
    assertTrue(rights("apps/erp", channel("apps/erp"), channel("apps")).allow(r -> false));
    assertTrue(rights("brand/new").allow(r -> false), "a channel that does not exist yet");
  }

  @Test
  void restrictedChannelAdmitsOnlyItsRoles() {
    PublishingRights erp = rights("apps/erp", channel("apps/erp", "team-erp", "release-managers"));
    assertTrue(erp.allow(Set.of("publisher", "team-erp")::contains));
    assertTrue(erp.allow(Set.of("release-managers")::contains));
    assertFalse(erp.allow(Set.of("publisher", "team-crm")::contains));
    assertEquals(
        List.of(new PublisherRole("release-managers"), new PublisherRole("team-erp")), erp.roles());
  }

  @Test
  void nearestRestrictedAncestorGovernsChannelsBelowIt() {
    Channel apps = channel("apps", "platform");
    Channel erp = channel("apps/erp", "team-erp");
    PublishingRights below = rights("apps/erp/v2/new", apps, erp);
    assertEquals("apps/erp", below.governing().orElseThrow().name().value());
    assertTrue(below.allow(Set.of("team-erp")::contains));
    assertFalse(below.allow(Set.of("platform")::contains), "the nearer grant decides");
    assertFalse(
        rights("apps/crm", apps, channel("apps/crm")).allow(Set.of("team-crm")::contains),
        "an open sub-channel of a restricted one is restricted too");
  }

  @Test
  void siblingsAndNamesThatOnlyShareAPrefixDoNotGovern() {
    assertTrue(
        rights("apps/erpx", channel("apps/erp", "team-erp")).allow(r -> false),
        "apps/erp is not an ancestor of apps/erpx");
  }

  @Test
  void grantsAreOncePerRoleAndTheLastRevokeOpensTheChannel() {
    Channel c = channel("apps");
    assertFalse(c.restricted());
    assertTrue(c.grantPublishing(new PublisherRole("team-a"), "admin", NOW));
    assertFalse(c.grantPublishing(new PublisherRole("team-a"), "someone", NOW.plusSeconds(1)));
    assertEquals("admin", c.publishers().get(0).grantedBy(), "the first grant stays");
    assertTrue(c.restricted());
    assertFalse(c.revokePublishing(new PublisherRole("team-b")));
    assertTrue(c.revokePublishing(new PublisherRole("team-a")));
    assertFalse(c.restricted());
  }

  @Test
  void roleNamesAreChecked() {
    assertThrows(IllegalArgumentException.class, () -> new PublisherRole(""));
    assertThrows(IllegalArgumentException.class, () -> new PublisherRole("a b"));
    assertThrows(IllegalArgumentException.class, () -> new PublisherRole("-x"));
    assertThrows(IllegalArgumentException.class, () -> new PublisherRole("x".repeat(101)));
    assertEquals("team-erp:ops_1.2", new PublisherRole("team-erp:ops_1.2").value());
  }
}

package org.everseed.domain.model.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ChannelNameTest {
  @ParameterizedTest
  @ValueSource(strings = {"default", "patches/linux-x64", "apps/erp/v2.1", "a", "data_sets/2026"})
  void acceptsPathLikeNames(String name) {
    assertEquals(name, new ChannelName(name).value());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"", "/patches", "patches/", "patches//linux", "Patches", "a b", "../etc", "-x"})
  void rejectsMalformedNamesWithTheRule(String name) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new ChannelName(name));
    assertTrue(e.getMessage().contains("separated by '/'"), e.getMessage());
  }

  @org.junit.jupiter.api.Test
  void rejectsOverlongNames() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new ChannelName("a".repeat(201)));
    assertTrue(e.getMessage().contains("longer than 200"), e.getMessage());
  }

  @org.junit.jupiter.api.Test
  void subChannelsPatternEscapesLikeWildcards() {
    assertEquals("a!_b/%", new ChannelName("a_b").subChannelsPattern());
    assertEquals("patches/linux-x64/%", new ChannelName("patches/linux-x64").subChannelsPattern());
    assertEquals("50!%!!x/%", ChannelName.subChannelsPattern("50%!x"));
  }

  @org.junit.jupiter.api.Test
  void lineageIsTheChannelThenItsAncestorsNearestFirst() {
    assertEquals(
        java.util.List.of(
            new ChannelName("apps/erp/v2"), new ChannelName("apps/erp"), new ChannelName("apps")),
        new ChannelName("apps/erp/v2").lineage());
    assertEquals(
        java.util.List.of(new ChannelName("default")), new ChannelName("default").lineage());
  }
}

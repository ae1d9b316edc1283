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
}

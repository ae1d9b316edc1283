package org.everseed.domain.model.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.everseed.domain.model.channel.ChannelName;
import org.junit.jupiter.api.Test;

class AgentRegistrationTest {
  private static final List<ChannelName> CHANNELS =
      List.of(new ChannelName("patches/linux-x64"), new ChannelName("apps/tools"));

  @Test
  void acceptsHostNamesSitesAndVersions() {
    AgentRegistration r =
        new AgentRegistration("web-01.paris.example", "paris-dc1", "1.2.3", CHANNELS);

    assertEquals("patches/linux-x64,apps/tools", r.channelList());
  }

  @Test
  void blankVersionIsEmpty() {
    assertEquals("", new AgentRegistration("a", "b", " ", List.of()).version());
  }

  @Test
  void nameAndSiteAreRequired() {
    assertThrows(
        IllegalArgumentException.class, () -> new AgentRegistration("", "b", "1", CHANNELS));
    assertThrows(
        IllegalArgumentException.class, () -> new AgentRegistration("a", null, "1", CHANNELS));
  }

  @Test
  void rejectsCharactersThatDoNotBelongInANameOrALog() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new AgentRegistration("host\nforged log line", "b", "1", CHANNELS));
    assertTrue(e.getMessage().startsWith("agent name"), e.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> new AgentRegistration("a", "<script>", "1", CHANNELS));
  }

  @Test
  void rejectsOverlongValues() {
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new AgentRegistration("a".repeat(AgentRegistration.MAX_NAME + 1), "b", "1", CHANNELS));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new AgentRegistration(
                "a", "b", "1".repeat(AgentRegistration.MAX_VERSION + 1), CHANNELS));
  }
}

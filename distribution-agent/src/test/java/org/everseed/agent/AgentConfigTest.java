package org.everseed.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class AgentConfigTest {

  @Test
  void defaultsAreTheDocumentedOnes() {
    AgentConfig config = AgentConfig.defaults();
    assertEquals("0.0.0.0", config.listenHost());
    assertEquals(6881, config.listenPort());
    assertEquals(50, config.maxPeersPerTorrent());
    assertEquals(4, config.uploadSlots());
    assertEquals(Duration.ofSeconds(10), config.chokeInterval());
    assertEquals(0, config.uploadRateLimit());
    assertEquals(Duration.ofSeconds(3), config.requestQueueTime());
    assertEquals(32, config.minRequestsPerPeer());
    assertEquals(1000, config.maxRequestsPerPeer());
    assertEquals(Duration.ofMinutes(2), config.idleTimeout());
    assertEquals(Duration.ofSeconds(30), config.snubTimeout());
    assertEquals(2, config.badPiecesBeforeBan());
    assertEquals(2, config.webSeedMinHolders());
  }

  @Test
  void toBuilderChangesOnlyWhatIsSet() {
    AgentConfig base = AgentConfig.builder().listen("127.0.0.1", 0).uploadSlots(7).build();
    AgentConfig changed = base.toBuilder().rateLimits(100, 200).build();
    assertEquals(base.toBuilder().build(), base);
    assertNotEquals(base, changed);
    assertEquals(
        base,
        changed.toBuilder().rateLimits(base.uploadRateLimit(), base.downloadRateLimit()).build());
    assertEquals("127.0.0.1", changed.listenHost());
    assertEquals(7, changed.uploadSlots());
    assertEquals(100, changed.uploadRateLimit());
    assertEquals(200, changed.downloadRateLimit());
  }

  @Test
  void buildChecksTheSettings() {
    assertThrows(
        IllegalArgumentException.class, () -> AgentConfig.builder().listen("h", 65536).build());
    assertThrows(
        IllegalArgumentException.class, () -> AgentConfig.builder().uploadSlots(0).build());
    assertThrows(
        IllegalArgumentException.class, () -> AgentConfig.builder().webSeedMinHolders(0).build());
  }
}

package org.everseed.domain.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrackerConfigurationTest {
  @Test
  void defaultsWhenNothingIsSet() {
    assertEquals(TrackerConfiguration.DEFAULTS, TrackerConfiguration.from(k -> null, k -> null));
    assertEquals(Duration.ofSeconds(1200), TrackerConfiguration.DEFAULTS.peerExpiry());
  }

  @Test
  void systemPropertiesWinOverEnvironment() {
    Map<String, String> props = Map.of("everseed.tracker.interval", "30");
    Map<String, String> env =
        Map.of(
            "EVERSEED_TRACKER_INTERVAL", "99",
            "EVERSEED_TRACKER_MIN_INTERVAL", "5",
            "EVERSEED_TRACKER_EXPIRY_FACTOR", "1.5",
            "EVERSEED_TRACKER_ALLOW_IP_PARAMETER", "true",
            "EVERSEED_TRACKER_BATCH_WINDOW_MS", "250");
    TrackerConfiguration c = TrackerConfiguration.from(props::get, env::get);
    assertEquals(Duration.ofSeconds(30), c.interval());
    assertEquals(Duration.ofSeconds(5), c.minInterval());
    assertEquals(Duration.ofSeconds(45), c.peerExpiry());
    assertTrue(c.allowIpParameter());
    assertEquals(Duration.ofMillis(250), c.batchWindow());
  }

  @Test
  void badValuesAreRefusedWithTheirName() {
    Map<String, String> env = Map.of("EVERSEED_TRACKER_MAX_NUMWANT", "lots");
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> TrackerConfiguration.from(k -> null, env::get));
    assertTrue(e.getMessage().contains("max_numwant"), e.getMessage());
    Map<String, String> inverted =
        Map.of("EVERSEED_TRACKER_INTERVAL", "10", "EVERSEED_TRACKER_MIN_INTERVAL", "20");
    assertThrows(
        IllegalArgumentException.class, () -> TrackerConfiguration.from(k -> null, inverted::get));
  }

  @Test
  void peerLimitsAreReadAndChecked() {
    Map<String, String> env =
        Map.of(
            "EVERSEED_TRACKER_MAX_PEERS", "500",
            "EVERSEED_TRACKER_MAX_PEERS_PER_PASSKEY", "40",
            "EVERSEED_TRACKER_MAX_PEERS_PER_SWARM", "16",
            "EVERSEED_TRACKER_MAX_PEERS_PER_PASSKEY_PER_SWARM", "2");
    assertEquals(
        new PeerLimits(500, 40, 16, 2),
        TrackerConfiguration.from(k -> null, env::get).peerLimits());
    assertEquals(new PeerLimits(2_000_000, 10_000, 100_000, 4), PeerLimits.DEFAULTS);
    Map<String, String> shareAboveTotal =
        Map.of(
            "EVERSEED_TRACKER_MAX_PEERS_PER_PASSKEY", "3",
            "EVERSEED_TRACKER_MAX_PEERS_PER_PASSKEY_PER_SWARM", "4");
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> TrackerConfiguration.from(k -> null, shareAboveTotal::get));
    assertTrue(e.getMessage().contains("per passkey per swarm"), e.getMessage());
  }

  @Test
  void numwantDefaultAndCap() {
    TrackerConfiguration c = TrackerConfiguration.DEFAULTS;
    assertEquals(50, c.numwant(-1));
    assertEquals(200, c.numwant(10_000));
    assertEquals(7, c.numwant(7));
  }
}

package org.everseed.infrastructure.tracker;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import org.everseed.api.metainfo.InfoHash;
import org.everseed.api.tracker.AnnounceEvent;
import org.everseed.api.tracker.IpLiteral;
import org.everseed.domain.model.tracking.PeerAnnouncement;
import org.everseed.domain.model.tracking.Site;
import org.everseed.domain.model.tracking.SwarmAnswer;
import org.everseed.domain.model.tracking.SwarmStatistics;
import org.junit.jupiter.api.Test;

class InMemoryPeerRegistryTest {
  static final Site SITE = new Site("hq");

  static InfoHash hash(int n) {
    byte[] b = new byte[20];
    b[0] = (byte) n;
    return InfoHash.of(b);
  }

  static PeerAnnouncement announce(InfoHash hash, int port, boolean seeding, AnnounceEvent event) {
    return new PeerAnnouncement(
        hash,
        IpLiteral.compactEndpoint(new byte[] {127, 0, 0, 1}, port),
        new byte[20],
        SITE,
        seeding,
        event,
        50);
  }

  @Test
  void countsAndAnswersPerSwarm() {
    InMemoryPeerRegistry registry = new InMemoryPeerRegistry(100);
    registry.announce(announce(hash(1), 1, true, AnnounceEvent.STARTED), 0);
    registry.announce(announce(hash(1), 2, false, AnnounceEvent.STARTED), 0);
    SwarmAnswer answer = registry.announce(announce(hash(1), 3, false, AnnounceEvent.STARTED), 0);
    assertEquals(1, answer.seeders());
    assertEquals(2, answer.leechers());
    assertEquals(2, answer.count());
    registry.announce(announce(hash(2), 1, false, AnnounceEvent.STARTED), 0);
    assertEquals(4, registry.peerCount());
    assertEquals(2, registry.swarmCount());
    assertEquals(new SwarmStatistics(0, 1, 0), registry.statistics(hash(2)));
    assertEquals(SwarmStatistics.EMPTY, registry.statistics(hash(3)));
  }

  @Test
  void sweeperEvictsSilentPeersAndDropsEmptySwarms() {
    InMemoryPeerRegistry registry = new InMemoryPeerRegistry(100);
    registry.announce(announce(hash(1), 1, true, AnnounceEvent.STARTED), 1_000);
    registry.announce(announce(hash(2), 1, true, AnnounceEvent.STARTED), 1_000);
    registry.announce(announce(hash(2), 2, false, AnnounceEvent.STARTED), 9_000);
    assertEquals(0, registry.evictSilentSince(1_000), "announced exactly at the cutoff stays");
    assertEquals(2, registry.evictSilentSince(1_001));
    assertEquals(1, registry.peerCount());
    assertEquals(1, registry.swarmCount(), "the empty swarm is gone");
    SwarmAnswer answer =
        registry.announce(announce(hash(1), 5, false, AnnounceEvent.STARTED), 9_500);
    assertEquals(0, answer.count(), "a fresh swarm after removal");
    assertEquals(1, registry.statistics(hash(1)).leechers());
  }

  @Test
  void totalPeersAreBounded() {
    InMemoryPeerRegistry registry = new InMemoryPeerRegistry(3);
    for (int port = 1; port <= 5; port++) {
      registry.announce(announce(hash(1), port, true, AnnounceEvent.STARTED), 0);
    }
    assertEquals(3, registry.peerCount());
    SwarmAnswer answer = registry.announce(announce(hash(1), 9, false, AnnounceEvent.STARTED), 0);
    assertEquals(3, answer.count(), "a peer beyond the bound still gets peers");
    registry.announce(announce(hash(1), 1, true, AnnounceEvent.STOPPED), 0);
    registry.announce(announce(hash(1), 9, false, AnnounceEvent.STARTED), 0);
    assertEquals(3, registry.peerCount(), "room again after a stop");
    assertEquals(1, registry.statistics(hash(1)).leechers());
  }

  @Test
  void retainOnlyDropsSwarmsOfTorrentsNoLongerTracked() {
    InMemoryPeerRegistry registry = new InMemoryPeerRegistry(100);
    registry.announce(announce(hash(1), 1, true, AnnounceEvent.STARTED), 0);
    registry.announce(announce(hash(2), 1, true, AnnounceEvent.STARTED), 0);
    registry.announce(announce(hash(2), 2, true, AnnounceEvent.STARTED), 0);
    registry.retainOnly(Set.of(hash(1)));
    assertEquals(1, registry.swarmCount());
    assertEquals(1, registry.peerCount());
    assertEquals(SwarmStatistics.EMPTY, registry.statistics(hash(2)));
  }

  @Test
  void completedSurvivesTheSwarmEmptying() {
    InMemoryPeerRegistry registry = new InMemoryPeerRegistry(100);
    registry.announce(announce(hash(1), 1, false, AnnounceEvent.STARTED), 0);
    registry.announce(announce(hash(1), 1, true, AnnounceEvent.COMPLETED), 10);
    registry.evictSilentSince(1_000);
    assertEquals(new SwarmStatistics(0, 0, 1), registry.statistics(hash(1)));
  }
}

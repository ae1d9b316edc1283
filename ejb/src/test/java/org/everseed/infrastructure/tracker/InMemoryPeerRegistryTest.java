package org.everseed.infrastructure.tracker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.everseed.api.metainfo.InfoHash;
import org.everseed.api.tracker.AnnounceEvent;
import org.everseed.api.tracker.IpLiteral;
import org.everseed.domain.model.tracking.Passkey;
import org.everseed.domain.model.tracking.PeerAnnouncement;
import org.everseed.domain.model.tracking.Site;
import org.everseed.domain.model.tracking.SwarmAnswer;
import org.everseed.domain.model.tracking.SwarmStatistics;
import org.everseed.domain.settings.PeerLimits;
import org.junit.jupiter.api.Test;

class InMemoryPeerRegistryTest {
  static final Site SITE = new Site("hq");

  static InfoHash hash(int n) {
    byte[] b = new byte[20];
    b[0] = (byte) n;
    return InfoHash.of(b);
  }

  static final Passkey KEY = passkey(0);
  static final PeerLimits ROOMY = new PeerLimits(100, 100, 100, 100);

  static Passkey passkey(int n) {
    return Passkey.of(String.format("%032x", n));
  }

  static PeerAnnouncement announce(InfoHash hash, int port, boolean seeding, AnnounceEvent event) {
    return announce(KEY, hash, port, seeding, event);
  }

  static PeerAnnouncement announce(
      Passkey owner, InfoHash hash, int port, boolean seeding, AnnounceEvent event) {
    return new PeerAnnouncement(
        hash,
        owner,
        IpLiteral.compactEndpoint(new byte[] {127, 0, 0, 1}, port),
        new byte[20],
        SITE,
        seeding,
        event,
        50);
  }

  @Test
  void countsAndAnswersPerSwarm() {
    InMemoryPeerRegistry registry = new InMemoryPeerRegistry(ROOMY);
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
    InMemoryPeerRegistry registry = new InMemoryPeerRegistry(ROOMY);
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
    InMemoryPeerRegistry registry = new InMemoryPeerRegistry(ROOMY.withMaxPeers(3));
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
    InMemoryPeerRegistry registry = new InMemoryPeerRegistry(ROOMY);
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
    InMemoryPeerRegistry registry = new InMemoryPeerRegistry(ROOMY);
    registry.announce(announce(hash(1), 1, false, AnnounceEvent.STARTED), 0);
    registry.announce(announce(hash(1), 1, true, AnnounceEvent.COMPLETED), 10);
    registry.evictSilentSince(1_000);
    assertEquals(new SwarmStatistics(0, 0, 1), registry.statistics(hash(1)));
  }

  static long peersIn(InMemoryPeerRegistry registry, InfoHash hash) {
    SwarmStatistics s = registry.statistics(hash);
    return s.seeders() + s.leechers();
  }

  @Test
  void onePasskeyCannotPushOtherSwarmsPeersOut() {
    InMemoryPeerRegistry registry = new InMemoryPeerRegistry(new PeerLimits(1_000, 5, 50, 2));
    Passkey victim = passkey(1);
    Passkey hostile = passkey(666);
    for (int swarm = 1; swarm <= 3; swarm++) {
      registry.announce(announce(victim, hash(swarm), 100, true, AnnounceEvent.STARTED), 0);
    }
    // Many ports across many torrents: more than its share per swarm and in total.
    for (int swarm = 1; swarm <= 10; swarm++) {
      for (int port = 1; port <= 3; port++) {
        SwarmAnswer answer =
            registry.announce(
                announce(hostile, hash(swarm), 1000 + port, false, AnnounceEvent.STARTED), 1);
        if (swarm <= 3) {
          assertTrue(answer.count() >= 1, "it still gets answers, the victim's seeder among them");
        }
      }
    }
    assertEquals(5, registry.peersOf(hostile), "its total share");
    assertEquals(3, registry.peersOf(victim), "nothing of the victim was pushed out");
    for (int swarm = 1; swarm <= 3; swarm++) {
      assertEquals(1, registry.statistics(hash(swarm)).seeders(), "victim in swarm " + swarm);
    }
    assertEquals(2, peersIn(registry, hash(1)) - 1, "at most 2 of the hostile passkey per swarm");
    // A newcomer to a swarm the hostile passkey could not enter any more is stored and handed out.
    Passkey newcomer = passkey(2);
    registry.announce(announce(newcomer, hash(9), 200, true, AnnounceEvent.STARTED), 2);
    SwarmAnswer seen =
        registry.announce(announce(passkey(3), hash(9), 300, false, AnnounceEvent.STARTED), 2);
    assertEquals(1, seen.count());
    assertEquals(1, seen.seeders());
    assertEquals(5 + 3 + 2, registry.peerCount());
  }

  @Test
  void perSwarmCapHoldsAndOtherSwarmsStillAdmit() {
    InMemoryPeerRegistry registry = new InMemoryPeerRegistry(new PeerLimits(1_000, 100, 3, 2));
    for (int n = 1; n <= 6; n++) {
      SwarmAnswer answer =
          registry.announce(announce(passkey(n), hash(1), n, false, AnnounceEvent.STARTED), 0);
      assertEquals(Math.min(n - 1, 3), answer.count(), "peers for announce " + n);
    }
    assertEquals(3, peersIn(registry, hash(1)));
    registry.announce(announce(passkey(7), hash(2), 7, false, AnnounceEvent.STARTED), 0);
    assertEquals(1, peersIn(registry, hash(2)));
    registry.announce(announce(passkey(1), hash(1), 1, false, AnnounceEvent.STOPPED), 0);
    registry.announce(announce(passkey(6), hash(1), 6, false, AnnounceEvent.STARTED), 0);
    assertEquals(3, peersIn(registry, hash(1)), "room again after a stop");
    assertEquals(1, registry.peersOf(passkey(6)));
  }

  @Test
  void passkeyCountersFollowEvictionAndRetirement() {
    InMemoryPeerRegistry registry = new InMemoryPeerRegistry(new PeerLimits(1_000, 2, 50, 2));
    registry.announce(announce(KEY, hash(1), 1, true, AnnounceEvent.STARTED), 0);
    registry.announce(announce(KEY, hash(2), 1, true, AnnounceEvent.STARTED), 5_000);
    registry.announce(announce(KEY, hash(3), 1, true, AnnounceEvent.STARTED), 5_000);
    assertEquals(2, registry.peersOf(KEY));
    assertEquals(0, peersIn(registry, hash(3)), "over its total");
    registry.evictSilentSince(1_000);
    assertEquals(1, registry.peersOf(KEY));
    registry.announce(announce(KEY, hash(3), 1, true, AnnounceEvent.STARTED), 6_000);
    assertEquals(2, registry.peersOf(KEY));
    registry.retainOnly(Set.of());
    assertEquals(0, registry.peersOf(KEY));
    assertEquals(0, registry.peerCount());
    registry.announce(announce(KEY, hash(1), 1, true, AnnounceEvent.STARTED), 7_000);
    assertEquals(1, registry.peersOf(KEY), "a retired counter is replaced by a fresh one");
  }

  @Test
  void anotherInstanceOfTheSamePasskeyIsTheSameOwner() {
    InMemoryPeerRegistry registry = new InMemoryPeerRegistry(new PeerLimits(1_000, 1, 50, 1));
    registry.announce(announce(passkey(5), hash(1), 1, true, AnnounceEvent.STARTED), 0);
    registry.announce(announce(passkey(5), hash(2), 1, true, AnnounceEvent.STARTED), 0);
    assertEquals(1, registry.peerCount(), "passkeys re-read on refresh are new objects");
  }
}

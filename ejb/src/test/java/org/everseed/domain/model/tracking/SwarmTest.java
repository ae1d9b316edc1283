package org.everseed.domain.model.tracking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.everseed.api.metainfo.InfoHash;
import org.everseed.api.tracker.AnnounceEvent;
import org.everseed.api.tracker.IpLiteral;
import org.junit.jupiter.api.Test;

class SwarmTest {
  static final InfoHash HASH = InfoHash.of(new byte[20]);
  static final Site PARIS = new Site("paris");
  static final Site OSLO = new Site("oslo");

  final Swarm swarm = new Swarm();
  int nextPort = 10_000;

  byte[] endpoint(int port) {
    return IpLiteral.compactEndpoint(new byte[] {10, 0, 0, 1}, port);
  }

  byte[] join(Site site, boolean seeding) {
    byte[] endpoint = endpoint(nextPort++);
    swarm.record(announcement(endpoint, site, seeding, AnnounceEvent.STARTED), 0, true);
    return endpoint;
  }

  static PeerAnnouncement announcement(
      byte[] endpoint, Site site, boolean seeding, AnnounceEvent event) {
    return new PeerAnnouncement(HASH, endpoint, new byte[20], site, seeding, event, 50);
  }

  List<Peer> select(byte[] requester, Site site, boolean seeding, int limit, long seed) {
    Peer[] out = new Peer[limit];
    int n = swarm.select(requester, site, seeding, limit, out, new Random(seed));
    return Arrays.asList(out).subList(0, n);
  }

  @Test
  void leecherGetsSameSiteSeedersThenSameSiteLeechersThenOthersSeedersFirst() {
    for (int i = 0; i < 3; i++) {
      join(OSLO, true);
      join(OSLO, false);
      join(PARIS, true);
      join(PARIS, false);
    }
    byte[] me = join(PARIS, false);
    for (long seed = 0; seed < 50; seed++) {
      List<Peer> got = select(me, PARIS, false, 50, seed);
      assertEquals(12, got.size(), "everyone but me");
      for (int i = 0; i < 3; i++) {
        assertEquals(PARIS, got.get(i).site());
        assertTrue(got.get(i).seeding());
      }
      for (int i = 3; i < 6; i++) {
        assertEquals(PARIS, got.get(i).site());
        assertTrue(!got.get(i).seeding());
      }
      for (int i = 6; i < 9; i++) {
        assertEquals(OSLO, got.get(i).site());
        assertTrue(got.get(i).seeding());
      }
      for (int i = 9; i < 12; i++) {
        assertEquals(OSLO, got.get(i).site());
        assertTrue(!got.get(i).seeding());
      }
    }
  }

  @Test
  void seederGetsNoSeedersAndSameSiteLeechersFirst() {
    join(OSLO, true);
    join(OSLO, false);
    join(PARIS, true);
    join(PARIS, false);
    byte[] me = join(PARIS, true);
    List<Peer> got = select(me, PARIS, true, 50, 1);
    assertEquals(2, got.size());
    assertEquals(PARIS, got.get(0).site());
    assertEquals(OSLO, got.get(1).site());
    assertTrue(got.stream().noneMatch(Peer::seeding));
  }

  @Test
  void neverTheRequesterItself() {
    byte[] me = join(PARIS, false);
    assertEquals(List.of(), select(me, PARIS, false, 50, 7));
    join(PARIS, false);
    List<Peer> got = select(me, PARIS, false, 50, 7);
    assertEquals(1, got.size());
    assertTrue(!Arrays.equals(me, got.get(0).compactEndpoint()));
  }

  @Test
  void numwantLimitsTheAnswerAndPicksVaryWithTheRandomSource() {
    for (int i = 0; i < 40; i++) {
      join(PARIS, true);
    }
    byte[] me = endpoint(1);
    Set<String> firstPicks = new HashSet<>();
    for (long seed = 0; seed < 30; seed++) {
      List<Peer> got = select(me, PARIS, false, 5, seed);
      assertEquals(5, got.size());
      assertEquals(5, new HashSet<>(got).size(), "no duplicates");
      firstPicks.add(Arrays.toString(got.get(0).compactEndpoint()));
    }
    assertTrue(firstPicks.size() > 5, "random within the group: " + firstPicks.size());
  }

  @Test
  void everyMemberIsVisitedOnceWhateverTheGroupSize() {
    // the coprime stride walk visits each member once, for every size
    for (int size = 1; size <= 30; size++) {
      Swarm s = new Swarm();
      for (int i = 0; i < size; i++) {
        s.record(announcement(endpoint(i + 1), OSLO, true, AnnounceEvent.NONE), 0, true);
      }
      Peer[] out = new Peer[size];
      for (long seed = 0; seed < 10; seed++) {
        int n = s.select(endpoint(60_000), PARIS, false, size, out, new Random(seed));
        assertEquals(size, n);
        assertEquals(size, new HashSet<>(Arrays.asList(out)).size(), "size " + size);
      }
    }
  }

  @Test
  void stoppedRemovesAndCompletedCountsOncePerPeer() {
    byte[] leecher = join(PARIS, false);
    assertEquals(1, swarm.leechers());
    swarm.record(announcement(leecher, PARIS, true, AnnounceEvent.COMPLETED), 1, true);
    swarm.record(announcement(leecher, PARIS, true, AnnounceEvent.COMPLETED), 2, true);
    assertEquals(1, swarm.completed());
    assertEquals(1, swarm.seeders());
    assertEquals(0, swarm.leechers());
    assertEquals(
        Swarm.Change.REMOVED,
        swarm.record(announcement(leecher, PARIS, true, AnnounceEvent.STOPPED), 3, true));
    assertEquals(0, swarm.size());
    assertEquals(
        Swarm.Change.IGNORED,
        swarm.record(announcement(leecher, PARIS, true, AnnounceEvent.STOPPED), 4, true));
  }

  @Test
  void evictsOnlyPeersSilentSinceTheCutoff() {
    byte[] old = endpoint(1);
    byte[] recent = endpoint(2);
    swarm.record(announcement(old, PARIS, false, AnnounceEvent.STARTED), 1_000, true);
    swarm.record(announcement(recent, OSLO, true, AnnounceEvent.STARTED), 1_000, true);
    swarm.record(announcement(recent, OSLO, true, AnnounceEvent.NONE), 5_000, true);
    assertEquals(1, swarm.evictSilentSince(4_000));
    List<Peer> left = select(endpoint(3), PARIS, false, 10, 0);
    assertEquals(1, left.size());
    assertTrue(Arrays.equals(recent, left.get(0).compactEndpoint()));
    assertEquals(0, swarm.leechers());
  }

  @Test
  void peerThatMovedSiteIsRefiled() {
    byte[] endpoint = join(PARIS, false);
    swarm.record(announcement(endpoint, OSLO, false, AnnounceEvent.NONE), 1, true);
    List<Peer> got = select(endpoint(1), OSLO, true, 10, 0);
    assertEquals(1, got.size());
    assertEquals(OSLO, got.get(0).site());
    assertEquals(1, swarm.size());
  }

  @Test
  void fullRegistryStillUpdatesKnownPeersButAdmitsNoNewOnes() {
    byte[] known = join(PARIS, false);
    assertEquals(
        Swarm.Change.IGNORED,
        swarm.record(announcement(endpoint(9), PARIS, false, AnnounceEvent.STARTED), 1, false));
    assertEquals(
        Swarm.Change.UPDATED,
        swarm.record(announcement(known, PARIS, true, AnnounceEvent.NONE), 1, false));
    assertEquals(1, swarm.seeders());
    List<Peer> all = new ArrayList<>(select(endpoint(8), PARIS, false, 10, 0));
    assertEquals(1, all.size());
  }
}

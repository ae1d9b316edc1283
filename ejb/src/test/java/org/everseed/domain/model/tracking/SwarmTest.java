package org.everseed.domain.model.tracking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
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
  static final Passkey OWNER = Passkey.of("0123456789abcdef0123456789abcdef");

  final Swarm swarm = new Swarm(1000, 1000);
  int nextPort = 10_000;

  byte[] endpoint(int port) {
    return IpLiteral.compactEndpoint(new byte[] {10, 0, 0, 1}, port);
  }

  byte[] join(Site site, boolean seeding) {
    byte[] endpoint = endpoint(nextPort++);
    swarm.record(
        announcement(endpoint, site, seeding, AnnounceEvent.STARTED), 0, PeerBudget.UNLIMITED);
    return endpoint;
  }

  static PeerAnnouncement announcement(
      byte[] endpoint, Site site, boolean seeding, AnnounceEvent event) {
    return new PeerAnnouncement(HASH, OWNER, endpoint, new byte[20], site, seeding, event, 50);
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
      Swarm s = new Swarm(1000, 1000);
      for (int i = 0; i < size; i++) {
        s.record(
            announcement(endpoint(i + 1), OSLO, true, AnnounceEvent.NONE), 0, PeerBudget.UNLIMITED);
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
    swarm.record(
        announcement(leecher, PARIS, true, AnnounceEvent.COMPLETED), 1, PeerBudget.UNLIMITED);
    swarm.record(
        announcement(leecher, PARIS, true, AnnounceEvent.COMPLETED), 2, PeerBudget.UNLIMITED);
    assertEquals(1, swarm.completed());
    assertEquals(1, swarm.seeders());
    assertEquals(0, swarm.leechers());
    assertEquals(
        Swarm.Change.REMOVED,
        swarm.record(
            announcement(leecher, PARIS, true, AnnounceEvent.STOPPED), 3, PeerBudget.UNLIMITED));
    assertEquals(0, swarm.size());
    assertEquals(
        Swarm.Change.IGNORED,
        swarm.record(
            announcement(leecher, PARIS, true, AnnounceEvent.STOPPED), 4, PeerBudget.UNLIMITED));
  }

  /**
   * Regression (EndToEndIT once counted 2 of 3 completions): an agent's regular announce may report
   * left=0 just before its {@code completed} event; the completion still counts, once.
   */
  @Test
  void completedAfterAnAnnounceWithNothingLeftStillCountsOnce() {
    byte[] agent = join(PARIS, false);
    swarm.record(announcement(agent, PARIS, true, AnnounceEvent.NONE), 1, PeerBudget.UNLIMITED);
    assertEquals(1, swarm.seeders());
    swarm.record(
        announcement(agent, PARIS, true, AnnounceEvent.COMPLETED), 2, PeerBudget.UNLIMITED);
    swarm.record(
        announcement(agent, PARIS, true, AnnounceEvent.COMPLETED), 3, PeerBudget.UNLIMITED);
    assertEquals(1, swarm.completed());
  }

  @Test
  void evictsOnlyPeersSilentSinceTheCutoff() {
    byte[] old = endpoint(1);
    byte[] recent = endpoint(2);
    swarm.record(
        announcement(old, PARIS, false, AnnounceEvent.STARTED), 1_000, PeerBudget.UNLIMITED);
    swarm.record(
        announcement(recent, OSLO, true, AnnounceEvent.STARTED), 1_000, PeerBudget.UNLIMITED);
    swarm.record(announcement(recent, OSLO, true, AnnounceEvent.NONE), 5_000, PeerBudget.UNLIMITED);
    assertEquals(1, swarm.evictSilentSince(4_000, PeerBudget.UNLIMITED));
    List<Peer> left = select(endpoint(3), PARIS, false, 10, 0);
    assertEquals(1, left.size());
    assertTrue(Arrays.equals(recent, left.get(0).compactEndpoint()));
    assertEquals(0, swarm.leechers());
  }

  @Test
  void peerThatMovedSiteIsRefiled() {
    byte[] endpoint = join(PARIS, false);
    swarm.record(announcement(endpoint, OSLO, false, AnnounceEvent.NONE), 1, PeerBudget.UNLIMITED);
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
        swarm.record(announcement(endpoint(9), PARIS, false, AnnounceEvent.STARTED), 1, FULL));
    assertEquals(
        Swarm.Change.UPDATED,
        swarm.record(announcement(known, PARIS, true, AnnounceEvent.NONE), 1, FULL));
    assertEquals(1, swarm.seeders());
    List<Peer> all = new ArrayList<>(select(endpoint(8), PARIS, false, 10, 0));
    assertEquals(1, all.size());
  }

  static final Passkey OTHER = Passkey.of("fedcba9876543210fedcba9876543210");
  static final PeerBudget FULL =
      new PeerBudget() {
        @Override
        public boolean take(Passkey owner) {
          return false;
        }

        @Override
        public void giveBack(Passkey owner) {
          throw new AssertionError("nothing was taken");
        }
      };

  /** Counts what a swarm takes and gives back per passkey, with a limit per passkey. */
  static final class CountingBudget implements PeerBudget {
    final Map<Passkey, Integer> taken = new HashMap<>();
    final int limit;

    CountingBudget(int limit) {
      this.limit = limit;
    }

    @Override
    public boolean take(Passkey owner) {
      if (held(owner) >= limit) {
        return false;
      }
      taken.merge(owner, 1, Integer::sum);
      return true;
    }

    @Override
    public void giveBack(Passkey owner) {
      assertTrue(held(owner) > 0, "gives back only what it took");
      taken.merge(owner, -1, Integer::sum);
    }

    int held(Passkey owner) {
      return taken.getOrDefault(owner, 0);
    }
  }

  static PeerAnnouncement by(Passkey owner, int port, AnnounceEvent event) {
    return new PeerAnnouncement(
        HASH,
        owner,
        IpLiteral.compactEndpoint(new byte[] {10, 0, 0, 1}, port),
        new byte[20],
        PARIS,
        false,
        event,
        50);
  }

  @Test
  void passkeyAtItsShareReplacesItsOwnLeastRecentlyHeardPeer() {
    Swarm small = new Swarm(10, 2);
    CountingBudget budget = new CountingBudget(100);
    assertEquals(Swarm.Change.ADDED, small.record(by(OWNER, 1, AnnounceEvent.STARTED), 1, budget));
    assertEquals(Swarm.Change.ADDED, small.record(by(OWNER, 2, AnnounceEvent.STARTED), 2, budget));
    assertEquals(Swarm.Change.UPDATED, small.record(by(OWNER, 1, AnnounceEvent.NONE), 3, budget));
    assertEquals(Swarm.Change.ADDED, small.record(by(OTHER, 7, AnnounceEvent.STARTED), 3, budget));

    assertEquals(
        Swarm.Change.REPLACED, small.record(by(OWNER, 3, AnnounceEvent.STARTED), 4, budget));

    assertEquals(2, small.peersOf(OWNER));
    assertEquals(2, budget.held(OWNER), "a replacement takes no more room");
    Set<Integer> ports = new HashSet<>();
    for (Peer p : select(small, 9, 10)) {
      ports.add((p.compactEndpoint()[4] & 0xFF) << 8 | p.compactEndpoint()[5] & 0xFF);
    }
    assertEquals(Set.of(1, 3, 7), ports, "port 2 was the stalest; the other passkey's peer stays");
  }

  @Test
  void fullSwarmStoresNoNewPeerAndNeverEvictsAnotherPasskeys() {
    Swarm small = new Swarm(3, 2);
    CountingBudget budget = new CountingBudget(100);
    small.record(by(OTHER, 1, AnnounceEvent.STARTED), 0, budget);
    small.record(by(OTHER, 2, AnnounceEvent.STARTED), 0, budget);
    small.record(by(OWNER, 3, AnnounceEvent.STARTED), 0, budget);
    Passkey third = Passkey.of("33333333333333333333333333333333");

    assertEquals(
        Swarm.Change.IGNORED, small.record(by(third, 4, AnnounceEvent.STARTED), 1, budget));
    assertEquals(0, budget.held(third), "nothing taken for a peer not stored");
    assertEquals(
        Swarm.Change.IGNORED, small.record(by(OWNER, 5, AnnounceEvent.STARTED), 1, budget));
    assertEquals(3, small.size());
    assertEquals(2, small.peersOf(OTHER));
    assertEquals(1, small.peersOf(OWNER));

    small.record(by(OTHER, 1, AnnounceEvent.STOPPED), 2, budget);
    assertEquals(Swarm.Change.ADDED, small.record(by(third, 4, AnnounceEvent.STARTED), 3, budget));
  }

  @Test
  void passkeyOutOfBudgetIsNotStored() {
    Swarm small = new Swarm(10, 4);
    CountingBudget budget = new CountingBudget(1);
    small.record(by(OWNER, 1, AnnounceEvent.STARTED), 0, budget);
    assertEquals(
        Swarm.Change.IGNORED, small.record(by(OWNER, 2, AnnounceEvent.STARTED), 0, budget));
    assertEquals(Swarm.Change.ADDED, small.record(by(OTHER, 3, AnnounceEvent.STARTED), 0, budget));
  }

  @Test
  void endpointAnnouncingWithAnotherPasskeyIsCountedForTheNewOne() {
    Swarm small = new Swarm(10, 4);
    CountingBudget budget = new CountingBudget(10);
    small.record(by(OWNER, 1, AnnounceEvent.STARTED), 0, budget);
    small.record(by(OTHER, 1, AnnounceEvent.NONE), 1, budget);
    assertEquals(0, small.peersOf(OWNER));
    assertEquals(1, small.peersOf(OTHER));
    assertEquals(0, budget.held(OWNER));
    assertEquals(1, budget.held(OTHER));
    assertEquals(1, small.size());
  }

  @Test
  void everyDroppedPeerIsGivenBack() {
    Swarm small = new Swarm(10, 4);
    CountingBudget budget = new CountingBudget(10);
    small.record(by(OWNER, 1, AnnounceEvent.STARTED), 0, budget);
    small.record(by(OWNER, 2, AnnounceEvent.STARTED), 5_000, budget);
    small.record(by(OTHER, 3, AnnounceEvent.STARTED), 5_000, budget);
    small.record(by(OTHER, 4, AnnounceEvent.STARTED), 5_000, budget);
    small.record(by(OTHER, 4, AnnounceEvent.STOPPED), 5_000, budget);
    assertEquals(1, budget.held(OTHER));
    assertEquals(1, small.evictSilentSince(1_000, budget));
    assertEquals(1, budget.held(OWNER));
    assertEquals(1, small.peersOf(OWNER));
    assertEquals(2, small.removeAll(budget));
    assertEquals(0, budget.held(OWNER));
    assertEquals(0, budget.held(OTHER));
    assertEquals(0, small.size());
    assertEquals(0, small.peersOf(OTHER));
    assertEquals(
        Swarm.Change.ADDED, small.record(by(OWNER, 1, AnnounceEvent.STARTED), 6_000, budget));
    assertEquals(1, small.leechers());
  }

  static List<Peer> select(Swarm s, int requesterPort, int limit) {
    Peer[] out = new Peer[limit];
    int n =
        s.select(
            IpLiteral.compactEndpoint(new byte[] {10, 0, 0, 1}, requesterPort),
            PARIS,
            false,
            limit,
            out,
            new Random(1));
    return Arrays.asList(out).subList(0, n);
  }
}

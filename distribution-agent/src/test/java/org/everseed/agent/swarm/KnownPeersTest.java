package org.everseed.agent.swarm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.everseed.agent.PeerAddressPolicy;
import org.everseed.api.wire.PeerAddress;
import org.junit.jupiter.api.Test;

/**
 * Known peers: the policy at the door, the bound, ageing, failures and peer exchange budgets (issue
 * 14). Addresses are 127.0.0.1 (allowed) and 127.0.0.2-9 (stand-ins for forbidden ones).
 */
class KnownPeersTest {

  static final int OUR_PORT = 21499;
  static final PeerAddressPolicy POLICY;

  static {
    try {
      POLICY = PeerAddressPolicy.strict().allowingLoopback(Set.of(ip(1)));
    } catch (Exception e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  static InetAddress ip(int last) throws Exception {
    return InetAddress.getByAddress(new byte[] {127, 0, 0, (byte) last});
  }

  static PeerAddress at(int port) throws Exception {
    return new PeerAddress(ip(1), port);
  }

  static final KnownPeers.Source GIVEN = KnownPeers.Source.GIVEN;

  KnownPeers known = new KnownPeers(OUR_PORT, POLICY, 500);
  final Random random = new Random(1);

  @Test
  void ourOwnAddressIsNeverTaken() throws Exception {
    assertFalse(known.add(at(OUR_PORT), GIVEN, 0));
    assertTrue(known.add(at(OUR_PORT - 1), GIVEN, 0));
    assertEquals(List.of(at(OUR_PORT - 1)), known.startDialling(Set.of(), 10, 0, random));
  }

  @Test
  void forbiddenAddressesAndPortsNeverEnter() throws Exception {
    for (int last = 2; last <= 9; last++) {
      assertFalse(known.add(new PeerAddress(ip(last), 21400), GIVEN, 0), "127.0.0." + last);
    }
    assertFalse(known.add(at(22), GIVEN, 0), "a service port");
    known.connectedFrom(new PeerAddress(ip(2), 21400), 0);
    assertEquals(0, known.size());
    assertEquals(List.of(), known.startDialling(Set.of(), 10, 0, random));
  }

  @Test
  void dialledAddressesRestBeforeTheyAreDialledAgain() throws Exception {
    PeerAddress a = at(21400);
    known.add(a, GIVEN, 0);
    long now = 1_000_000_000L;
    assertEquals(List.of(a), known.startDialling(Set.of(), 10, now, random));
    assertEquals(1, known.dialling());
    assertEquals(List.of(), known.startDialling(Set.of(), 10, now, random), "being dialled");
    known.diallingDone(a, true, now);
    assertEquals(List.of(), known.startDialling(Set.of(), 10, now + 1, random), "resting");
    assertEquals(
        List.of(a),
        known.startDialling(Set.of(), 10, now + KnownPeers.RECONNECT_BACKOFF_NANOS + 1, random));
  }

  @Test
  void connectedBannedAndRestingAddressesAreSkipped() throws Exception {
    PeerAddress connected = at(21400);
    PeerAddress banned = at(21401);
    PeerAddress incoming = at(21402);
    PeerAddress free = at(21403);
    for (PeerAddress a : List.of(connected, banned, free)) {
      known.add(a, GIVEN, 0);
    }
    known.ban(banned);
    assertFalse(known.add(banned, GIVEN, 0), "a banned address stays out");
    known.connectedFrom(incoming, 0);
    assertEquals(List.of(free), known.startDialling(Set.of(connected), 10, 1, random));
  }

  @Test
  void atMostTheFreeSlotsAreDialledEachOnce() throws Exception {
    for (int i = 0; i < 20; i++) {
      known.add(at(21400 + i), GIVEN, 0);
    }
    List<PeerAddress> first = known.startDialling(Set.of(), 5, 0, random);
    assertEquals(5, first.size());
    assertEquals(5, new HashSet<>(first).size());
    assertEquals(0, known.startDialling(Set.of(), 0, 0, random).size());
    List<PeerAddress> rest = known.startDialling(Set.of(), 100, 0, random);
    assertEquals(15, rest.size(), "every other address, each once");
    Set<PeerAddress> all = new HashSet<>(first);
    all.addAll(rest);
    assertEquals(20, all.size());
  }

  @Test
  void aDisconnectedPeerRests() throws Exception {
    PeerAddress a = at(21400);
    known.add(a, GIVEN, 0);
    known.disconnected(a, 100);
    assertTrue(known.startDialling(Set.of(), 10, 100, random).isEmpty());
    known.disconnected(at(21409), 100);
    assertEquals(1, known.size(), "an unknown address is not added by its disconnect");
  }

  @Test
  void theSetIsBoundedAndGivenAddressesDisplaceLearnedOnes() throws Exception {
    known = new KnownPeers(OUR_PORT, POLICY, 10);
    for (int i = 0; i < 10; i++) {
      assertTrue(known.add(at(21400 + i), KnownPeers.Source.INCOMING, 0));
    }
    assertFalse(known.add(at(21410), KnownPeers.Source.EXCHANGED, 0), "full: learned refused");
    for (int i = 0; i < 10; i++) {
      assertTrue(known.add(at(21420 + i), GIVEN, 0), "a given address displaces a learned one");
    }
    assertEquals(10, known.size());
    assertFalse(known.add(at(21430), GIVEN, 0), "full of given addresses");
    for (int i = 0; i < 10; i++) {
      assertTrue(known.isGiven(at(21420 + i)));
    }
  }

  @Test
  void addressesNotHeardOfExpire() throws Exception {
    known.add(at(21400), GIVEN, 0);
    known.add(at(21401), GIVEN, 0);
    long later = KnownPeers.EXPIRY_NANOS / 2;
    known.add(at(21401), GIVEN, later); // the tracker mentioned it again
    long expired = KnownPeers.EXPIRY_NANOS + 1;
    assertEquals(List.of(at(21401)), known.startDialling(Set.of(), 10, expired, random));
    assertEquals(1, known.size());
  }

  @Test
  void failedDialsBackOffLongerAndThenTheAddressIsForgotten() throws Exception {
    PeerAddress a = at(21400);
    known.add(a, GIVEN, 0);
    long now = 0;
    for (int failure = 1; failure < KnownPeers.MAX_DIAL_FAILURES; failure++) {
      assertEquals(List.of(a), known.startDialling(Set.of(), 1, now, random), "try " + failure);
      known.diallingDone(a, false, now);
      long rest = KnownPeers.RECONNECT_BACKOFF_NANOS << failure;
      assertEquals(List.of(), known.startDialling(Set.of(), 1, now + rest - 1, random));
      now += rest;
    }
    assertEquals(List.of(a), known.startDialling(Set.of(), 1, now, random));
    known.diallingDone(a, false, now);
    assertEquals(0, known.size(), "forgotten after " + KnownPeers.MAX_DIAL_FAILURES + " failures");
  }

  @Test
  void exchangedAddressesAreTakenUpToTheBudgetAndVouchForNobody() throws Exception {
    List<PeerAddress> offered = new ArrayList<>();
    for (int i = 0; i < 90; i++) {
      offered.add(at(21400 + i));
    }
    offered.add(0, new PeerAddress(ip(2), 21400)); // refused by the policy: not counted
    assertEquals(50, known.addExchanged(offered, 50, 0));
    assertEquals(50, known.size());
    assertEquals(0, known.addExchanged(offered, 0, 0));
    assertFalse(known.isGiven(at(21400)), "exchanged addresses vouch for nobody");
  }
}

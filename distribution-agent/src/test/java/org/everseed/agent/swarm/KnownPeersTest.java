package org.everseed.agent.swarm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.everseed.api.wire.PeerAddress;
import org.junit.jupiter.api.Test;

class KnownPeersTest {

  static final int OUR_PORT = 6881;

  static PeerAddress at(String ip, int port) throws Exception {
    return new PeerAddress(InetAddress.getByName(ip), port);
  }

  final KnownPeers known = new KnownPeers(OUR_PORT);
  final Random random = new Random(1);

  @Test
  void ourOwnAddressIsNeverTaken() throws Exception {
    known.add(at("127.0.0.1", OUR_PORT));
    known.add(at("127.0.0.1", OUR_PORT + 1));
    assertEquals(
        List.of(at("127.0.0.1", OUR_PORT + 1)), known.startDialling(Set.of(), 10, 0, random));
  }

  @Test
  void dialledAddressesRestBeforeTheyAreDialledAgain() throws Exception {
    PeerAddress a = at("10.0.0.1", 1);
    known.add(a);
    long now = 1_000_000_000L;
    assertEquals(List.of(a), known.startDialling(Set.of(), 10, now, random));
    assertEquals(1, known.dialling());
    assertEquals(List.of(), known.startDialling(Set.of(), 10, now, random), "being dialled");
    known.diallingDone(a);
    assertEquals(List.of(), known.startDialling(Set.of(), 10, now + 1, random), "resting");
    assertEquals(
        List.of(a),
        known.startDialling(Set.of(), 10, now + KnownPeers.RECONNECT_BACKOFF_NANOS + 1, random));
  }

  @Test
  void connectedBannedAndRestingAddressesAreSkipped() throws Exception {
    PeerAddress connected = at("10.0.0.1", 1);
    PeerAddress banned = at("10.0.0.2", 1);
    PeerAddress incoming = at("10.0.0.3", 1);
    PeerAddress free = at("10.0.0.4", 1);
    List.of(connected, banned, incoming, free).forEach(known::add);
    known.ban(banned);
    known.connectedFrom(incoming, 0);
    assertEquals(List.of(free), known.startDialling(Set.of(connected), 10, 1, random));
  }

  @Test
  void atMostTheFreeSlotsAreDialled() throws Exception {
    for (int i = 1; i <= 20; i++) {
      known.add(at("10.0.0." + i, 1));
    }
    List<PeerAddress> first = known.startDialling(Set.of(), 5, 0, random);
    assertEquals(5, first.size());
    assertEquals(5, new HashSet<>(first).size());
    assertEquals(0, known.startDialling(Set.of(), 0, 0, random).size());
  }

  @Test
  void aDisconnectedPeerRests() throws Exception {
    PeerAddress a = at("10.0.0.1", 1);
    known.add(a);
    known.disconnected(a, 100);
    assertTrue(known.startDialling(Set.of(), 10, 100, random).isEmpty());
    known.disconnected(at("10.0.0.9", 1), 100);
    assertEquals(
        1,
        known
            .startDialling(Set.of(), 10, 100 + KnownPeers.RECONNECT_BACKOFF_NANOS + 1, random)
            .size(),
        "an unknown address is not added by its disconnect");
  }
}

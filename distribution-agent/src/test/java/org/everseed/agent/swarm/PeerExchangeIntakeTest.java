package org.everseed.agent.swarm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.everseed.agent.AgentConfig;
import org.everseed.api.metainfo.Metainfo;
import org.everseed.api.metainfo.TorrentCreator;
import org.everseed.api.wire.ExtensionHandshake;
import org.everseed.api.wire.Handshake;
import org.everseed.api.wire.PeerAddress;
import org.everseed.api.wire.PeerExchange;
import org.everseed.api.wire.PeerMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14: peer exchange is taken only from authenticated peers (until TLS: peers we dialled at an
 * address the tracker or the operator gave), never on a self-declared client name, and only within
 * the peer-address policy and the per-message budget. 127.0.0.2-9 stand in for forbidden addresses.
 */
class PeerExchangeIntakeTest {

  static final byte[] ID = "-XX0001-abcdefghijkl".getBytes(StandardCharsets.US_ASCII);

  @TempDir Path temp;

  Metainfo torrent;
  KnownPeers known;
  Extensions extensions;
  final AtomicInteger learned = new AtomicInteger();

  static PeerAddress at(int last, int port) throws Exception {
    return new PeerAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, (byte) last}), port);
  }

  @BeforeEach
  void setUp() throws Exception {
    Path file = Files.write(temp.resolve("payload.bin"), new byte[40_000]);
    torrent = TorrentCreator.of(file).pieceLength(16 * 1024).privateTorrent(true).create();
    known = new KnownPeers(21499, KnownPeersTest.POLICY, 500);
    extensions =
        new Extensions(
            AgentConfig.defaults(),
            torrent,
            new byte[0],
            21499,
            known,
            new WebSeedClaims(),
            new ArrayList<>(),
            learned::incrementAndGet);
  }

  Peer peer(PeerAddress address, boolean incoming) {
    return new Peer(
        new RecordingWire(), Handshake.of(torrent.infoHash(), ID, true), address, incoming, 256);
  }

  void pex(Peer from, List<PeerAddress> added) {
    extensions.onExtended(
        from,
        new PeerMessage.Extended(Extensions.UT_PEX_ID, new PeerExchange(added, List.of()).encode()),
        0);
  }

  void declareEverseed(Peer peer) {
    ExtensionHandshake claim =
        new ExtensionHandshake(
            Map.of(ExtensionHandshake.UT_PEX, 1),
            OptionalInt.of(21490),
            Optional.of("Everseed 0.1.0"),
            OptionalInt.empty(),
            OptionalInt.empty());
    extensions.onExtended(peer, new PeerMessage.Extended(0, claim.encode()), 0);
  }

  List<PeerAddress> dialable() {
    return known.startDialling(Set.of(), 1000, 0, new Random(1));
  }

  @Test
  void aDialledTrackerGivenPeersExchangeIsTakenWithinThePolicy() throws Exception {
    PeerAddress given = at(1, 21400);
    known.add(given, KnownPeers.Source.GIVEN, 0);
    Peer peer = peer(given, false);
    assertTrue(extensions.isAuthenticated(peer));
    List<PeerAddress> offered = new ArrayList<>();
    for (int last = 2; last <= 9; last++) {
      offered.add(at(last, 21401)); // forbidden stand-ins
    }
    offered.add(at(1, 22)); // a service port
    offered.add(at(1, 21401));
    offered.add(at(1, 21402));
    pex(peer, offered);
    assertEquals(1, learned.get());
    List<PeerAddress> toDial = dialable();
    assertEquals(Set.of(given, at(1, 21401), at(1, 21402)), Set.copyOf(toDial));
  }

  @Test
  void anIncomingPeerDeclaringEverseedIsNotTrusted() throws Exception {
    Peer attacker = peer(at(1, 21410), true);
    declareEverseed(attacker);
    assertFalse(extensions.isAuthenticated(attacker));
    pex(attacker, List.of(at(1, 21401), at(1, 21402)));
    assertEquals(0, learned.get());
    // Only the listen port it declared is remembered (resting), nothing it exchanged.
    assertEquals(List.of(), dialable());
    assertEquals(1, known.size());
  }

  @Test
  void aPeerDialledOnAnotherPeersWordIsNotTrusted() throws Exception {
    PeerAddress given = at(1, 21400);
    known.add(given, KnownPeers.Source.GIVEN, 0);
    pex(peer(given, false), List.of(at(1, 21401)));
    Peer secondHand = peer(at(1, 21401), false);
    declareEverseed(secondHand);
    assertFalse(extensions.isAuthenticated(secondHand));
    pex(secondHand, List.of(at(1, 21402)));
    assertEquals(2, known.size(), "nothing taken from the second-hand peer");
  }

  @Test
  void oneMessageBringsAtMostFiftyAddresses() throws Exception {
    PeerAddress given = at(1, 21400);
    known.add(given, KnownPeers.Source.GIVEN, 0);
    List<PeerAddress> offered = new ArrayList<>();
    for (int port = 21401; port <= 21498; port++) {
      offered.add(at(1, port));
    }
    pex(peer(given, false), offered);
    assertEquals(1 + PexAllowance.PER_MESSAGE, known.size());
  }

  @Test
  void onePeerBringsAtMostAHundredAddressesAMinute() throws Exception {
    PeerAddress given = at(1, 21400);
    known.add(given, KnownPeers.Source.GIVEN, 0);
    Peer peer = peer(given, false);
    for (int message = 0; message < 4; message++) {
      List<PeerAddress> offered = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        offered.add(at(1, 21401 + message * 40 + i));
      }
      pex(peer, offered);
    }
    assertEquals(1 + PexAllowance.PER_MINUTE, known.size());
  }
}

package org.everseed.agent.swarm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.everseed.api.metainfo.InfoHash;
import org.everseed.api.wire.Handshake;
import org.everseed.api.wire.PeerAddress;
import org.everseed.api.wire.PeerMessage;
import org.junit.jupiter.api.Test;

class PeerTest {

  static final byte[] ID =
      "-TR3000-abcdefghijkl".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  static final PeerAddress ADDRESS = new PeerAddress(InetAddress.getLoopbackAddress(), 51413);

  final RecordingWire wire = new RecordingWire();

  static Peer peer(PeerWire wire, boolean fast, boolean incoming) {
    return new Peer(
        wire, Handshake.of(InfoHash.of(new byte[20]), ID, fast), ADDRESS, incoming, 256);
  }

  @Test
  void chokingDropsWhatWasQueuedForThePeer() {
    Peer peer = peer(wire, true, false);
    peer.unchoke();
    Block block = new Block(0, 0, 16384);
    peer.queueUpload(block);
    peer.queueUpload(block);
    assertEquals(List.of(block), wire.queuedUploads, "a block is queued once");
    peer.choke();
    assertTrue(wire.queuedUploads.isEmpty());
    assertEquals(0, peer.queuedUploads());
    assertFalse(peer.takeUpload(block), "nothing goes out to a choked peer");
    assertEquals(List.of(new PeerMessage.Unchoke(), new PeerMessage.Choke()), wire.sent);
  }

  @Test
  void aCancelledUploadIsNotSent() {
    Peer peer = peer(wire, true, false);
    peer.unchoke();
    Block a = new Block(0, 0, 16384);
    Block b = new Block(0, 16384, 16384);
    peer.queueUpload(a);
    peer.queueUpload(b);
    peer.cancelUpload(a);
    assertFalse(peer.takeUpload(a));
    assertTrue(peer.takeUpload(b));
    assertFalse(peer.takeUpload(b), "taken once");
    assertEquals(List.of(b), wire.queuedUploads);
  }

  @Test
  void interestIsSentOnlyWhenItChanges() {
    Peer peer = peer(wire, true, false);
    peer.interested(false);
    peer.interested(true);
    peer.interested(true);
    peer.interested(false);
    assertEquals(List.of(new PeerMessage.Interested(), new PeerMessage.NotInterested()), wire.sent);
  }

  @Test
  void cancelsGoOnlyForPendingRequests() {
    Peer peer = peer(wire, true, false);
    Block block = new Block(3, 0, 16384);
    peer.request(block);
    assertTrue(peer.cancelRequest(block));
    assertFalse(peer.cancelRequest(block));
    assertEquals(
        List.of(new PeerMessage.Request(3, 0, 16384), new PeerMessage.Cancel(3, 0, 16384)),
        wire.sent);
  }

  @Test
  void beingChokedHandsBackEveryPendingRequest() {
    Peer peer = peer(wire, true, false);
    peer.unchokedUs();
    peer.request(new Block(1, 0, 16384));
    peer.request(new Block(1, 16384, 16384));
    assertEquals(2, peer.chokedUs().size());
    assertTrue(peer.peerChoking());
    assertTrue(peer.pendingRequests().isEmpty());
  }

  @Test
  void refusalsOnlyToPeersThatSpeakTheFastExtension() {
    Block block = new Block(0, 0, 16384);
    peer(wire, false, false).reject(block);
    assertTrue(wire.sent.isEmpty());
    peer(wire, true, false).reject(block);
    assertEquals(List.of(new PeerMessage.RejectRequest(0, 0, 16384)), wire.sent);
  }

  @Test
  void aPeerOwingBlocksIsSnubbedOnceUntilItSendsAgain() {
    Peer peer = peer(wire, true, false);
    long start = System.nanoTime();
    long timeout = TimeUnit.SECONDS.toNanos(30);
    assertFalse(peer.snubIfSilent(start + timeout * 2, timeout), "it owes nothing");
    peer.request(new Block(0, 0, 16384));
    assertFalse(peer.snubIfSilent(start + timeout / 2, timeout));
    assertTrue(peer.snubIfSilent(start + timeout * 2, timeout));
    assertFalse(peer.snubIfSilent(start + timeout * 3, timeout), "snubbed once");
    assertTrue(peer.isSnubbed());
    peer.blockArrived(start + timeout * 3);
    assertFalse(peer.isSnubbed());
  }

  @Test
  void piecesAndSeedStatus() {
    Peer peer = peer(wire, true, false);
    assertTrue(peer.addPiece(2, 3));
    assertFalse(peer.addPiece(2, 3));
    BitSet all = new BitSet();
    all.set(0, 3);
    BitSet added = peer.addPieces(all, 3);
    assertEquals(2, added.cardinality(), "only the new ones");
    assertTrue(peer.isSeed());
  }

  @Test
  void theListenPortOfAnIncomingPeerComesFromItsExtensionHandshake() {
    Peer incoming = peer(wire, true, true);
    assertNull(incoming.listenAddress());
    incoming.extensionsAgreed(new PeerExtensions(1, 2, 3, "Everseed 0.1"), 6881, 500);
    assertEquals(new PeerAddress(ADDRESS.address(), 6881), incoming.listenAddress());
    assertEquals(500, incoming.maxRequests());
    assertTrue(incoming.extensions().isEverseed());

    Peer outgoing = peer(wire, true, false);
    outgoing.extensionsAgreed(new PeerExtensions(0, 0, 0, "Transmission"), 7000, 0);
    assertEquals(ADDRESS, outgoing.listenAddress(), "where we dialled it");
    assertEquals(256, outgoing.maxRequests(), "no reqq: the default stays");
  }

  @Test
  void extensionMessagesGoOnlyToPeersThatEnabledThem() {
    Peer peer = peer(wire, true, false);
    peer.sendExtended(0, new byte[] {1});
    assertTrue(wire.sent.isEmpty());
    peer.sendExtended(7, new byte[] {1});
    assertEquals(List.of(new PeerMessage.Extended(7, new byte[] {1})), wire.sent);
  }

  @Test
  void keepAliveOnlyAfterSilence() {
    Peer peer = peer(wire, true, false);
    long now = wire.lastSentNanos;
    peer.keepAlive(now + TimeUnit.SECONDS.toNanos(30));
    assertTrue(wire.sent.isEmpty());
    peer.keepAlive(now + TimeUnit.SECONDS.toNanos(91));
    assertEquals(List.of(new PeerMessage.KeepAlive()), wire.sent);
  }
}

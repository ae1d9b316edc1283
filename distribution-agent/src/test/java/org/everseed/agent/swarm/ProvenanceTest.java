package org.everseed.agent.swarm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.everseed.agent.AgentConfig;
import org.everseed.agent.TestPayloads;
import org.everseed.api.metainfo.InfoHash;
import org.everseed.api.metainfo.Metainfo;
import org.everseed.api.metainfo.TorrentCreator;
import org.everseed.api.wire.Handshake;
import org.everseed.api.wire.PeerMessage;
import org.everseed.api.wire.PeerWireException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14: block provenance. Only blocks asked of a peer are kept; a failed piece's strikes go to
 * the contributors whose blocks were bad; protocol violations in bitfields.
 */
class ProvenanceTest {

  @TempDir Path temp;

  private static final int BLOCK = AgentConfig.BLOCK_SIZE;

  // ---------------------------------------------------------------- block blame

  @Test
  void onlyTheContributorWhoseBlockDiffersFromTheVerifiedDataIsBlamed() {
    byte[] good = new byte[3 * BLOCK];
    new Random(1).nextBytes(good);
    byte[] failed = good.clone();
    failed[BLOCK + 5] ^= 1; // block 1 was bad
    Peer honest = PeerTest.peer(new RecordingWire(), true, false);
    Peer poisoner = PeerTest.peer(new RecordingWire(), true, false);
    BlockBlame blame = new BlockBlame();
    blame.failed(7, failed, List.of(honest, poisoner, honest));
    assertEquals(1, blame.remembered());
    assertEquals(Set.of(poisoner), blame.verified(7, good));
    assertEquals(0, blame.remembered(), "settled once");
    assertTrue(blame.verified(7, good).isEmpty());
  }

  @Test
  void everyContributorWithABadBlockIsBlamedOnce() {
    byte[] good = new byte[2 * BLOCK + 100];
    byte[] failed = good.clone();
    failed[0] = 1;
    failed[2 * BLOCK + 99] = 1;
    Peer a = PeerTest.peer(new RecordingWire(), true, false);
    Peer b = PeerTest.peer(new RecordingWire(), true, false);
    BlockBlame blame = new BlockBlame();
    blame.failed(0, failed, List.of(a, b, a));
    assertEquals(List.of(a), new ArrayList<>(blame.verified(0, good)));
  }

  @Test
  void rememberedFailuresAreBounded() {
    Peer a = PeerTest.peer(new RecordingWire(), true, false);
    BlockBlame blame = new BlockBlame();
    for (int piece = 0; piece < BlockBlame.MAX_REMEMBERED + 10; piece++) {
      blame.failed(piece, new byte[10], List.of(a));
    }
    assertEquals(BlockBlame.MAX_REMEMBERED, blame.remembered());
    assertTrue(blame.verified(0, new byte[] {1}).isEmpty(), "the oldest was forgotten");
  }

  @Test
  void strikesGoToEachCulpritAndBanAtTheLimit() {
    Strikes strikes = new Strikes(2);
    Peer a = PeerTest.peer(new RecordingWire(), true, false);
    Peer b =
        new Peer(
            new RecordingWire(),
            Handshake.of(
                InfoHash.of(new byte[20]),
                "-XX0000-otherpeer000".getBytes(StandardCharsets.US_ASCII),
                true),
            PeerTest.ADDRESS,
            false,
            1);
    assertTrue(strikes.blame(List.of(a, b)).isEmpty());
    assertEquals(List.of(a), strikes.blame(List.of(a)));
    assertTrue(strikes.isBanned(a.peerIdHex()));
    assertTrue(strikes.isBanned(a.address().address()));
    assertFalse(strikes.isBanned(b.peerIdHex()));
  }

  // ---------------------------------------------------------------- requested blocks only

  @Test
  void aBlockIsAnAnswerOnlyIfItWasAskedOfThatPeer() {
    Peer peer = PeerTest.peer(new RecordingWire(), true, false);
    Block asked = new Block(0, 0, BLOCK);
    Block cancelled = new Block(0, BLOCK, BLOCK);
    Block choked = new Block(1, 0, BLOCK);
    peer.request(asked);
    peer.request(cancelled);
    peer.cancelRequest(cancelled);
    peer.request(choked);
    peer.chokedUs();
    assertTrue(peer.answered(asked));
    assertFalse(peer.answered(asked), "once");
    assertTrue(peer.answered(cancelled), "a late answer to a cancelled request");
    assertTrue(peer.answered(choked), "a late answer to a request the choke dropped");
    assertFalse(peer.answered(new Block(2, 0, BLOCK)));
  }

  private Metainfo torrent(int length, int pieceLength) throws Exception {
    return TorrentCreator.of(TestPayloads.write(temp.resolve("data.bin"), length, 3))
        .pieceLength(pieceLength)
        .create();
  }

  private static RequestScheduler scheduler(Metainfo torrent, List<Peer> peers) {
    PiecePicker picker =
        new PiecePicker(
            torrent.pieceCount(),
            torrent.pieceLength(),
            torrent.totalLength(),
            BLOCK,
            0,
            new Random(1),
            16);
    return new RequestScheduler(
        AgentConfig.defaults(),
        torrent,
        picker,
        new PieceAssembly(torrent, picker),
        peers,
        () -> true);
  }

  @Test
  void unrequestedBlocksAreDroppedCountedAndPastTheLimitTheyBreakTheProtocol() throws Exception {
    Metainfo torrent = torrent(100_000, 64 * 1024);
    Peer peer = PeerTest.peer(new RecordingWire(), true, false);
    RequestScheduler requests = scheduler(torrent, new ArrayList<>(List.of(peer)));
    ByteBuffer data = ByteBuffer.wrap(new byte[BLOCK]);
    for (int i = 0; i < RequestScheduler.MAX_UNREQUESTED_BLOCKS; i++) {
      assertTrue(requests.block(peer, new Block(0, 0, BLOCK), data.duplicate(), 0).isEmpty());
    }
    PeerWireException refused =
        assertThrows(
            PeerWireException.class,
            () -> requests.block(peer, new Block(0, 0, BLOCK), data.duplicate(), 0));
    assertTrue(refused.getMessage().contains("nobody asked"), refused.getMessage());
  }

  @Test
  void aBitfieldWithSpareBitsSetOrOfTheWrongLengthBreaksTheProtocol() throws Exception {
    Metainfo torrent = torrent(100_000, 16 * 1024); // 7 pieces: one byte, one spare bit
    assertEquals(7, torrent.pieceCount());
    Peer peer = PeerTest.peer(new RecordingWire(), true, false);
    RequestScheduler requests = scheduler(torrent, new ArrayList<>(List.of(peer)));
    assertThrows(
        PeerWireException.class,
        () -> requests.bitfield(peer, new PeerMessage.Bitfield(new byte[] {(byte) 0xFF})));
    assertThrows(
        PeerWireException.class,
        () -> requests.bitfield(peer, new PeerMessage.Bitfield(new byte[] {(byte) 0xFE, 0})));
    requests.bitfield(peer, new PeerMessage.Bitfield(new byte[] {(byte) 0xFE}));
    assertEquals(7, peer.pieces().cardinality());
    assertTrue(peer.isSeed());
  }
}

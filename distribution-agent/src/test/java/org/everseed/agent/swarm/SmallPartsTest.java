package org.everseed.agent.swarm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.BitSet;
import java.util.List;
import org.everseed.agent.AgentConfig;
import org.junit.jupiter.api.Test;

/** The swarm's small pure rules: strikes, web seed claims and policy, request sizing. */
class SmallPartsTest {

  static BitSet bits(int... pieces) {
    BitSet set = new BitSet();
    for (int piece : pieces) {
      set.set(piece);
    }
    return set;
  }

  @Test
  void aPeerIsBannedOnceAtTheLimit() {
    Strikes strikes = new Strikes(2);
    assertFalse(strikes.strike("a"));
    assertFalse(strikes.isBanned("a"));
    assertTrue(strikes.strike("a"));
    assertFalse(strikes.strike("a"), "banned once");
    assertTrue(strikes.isBanned("a"));
    assertFalse(strikes.strike("b"));
    assertEquals(1, strikes.bannedCount());
  }

  /** Issue 14: strikes go to each culprit (BlockBlame finds them), not only a sole contributor. */
  @Test
  void eachCulpritGetsAStrike() {
    Strikes strikes = new Strikes(1);
    Peer a = PeerTest.peer(new RecordingWire(), true, false);
    Peer b =
        new Peer(
            new RecordingWire(),
            org.everseed.api.wire.Handshake.of(
                org.everseed.api.metainfo.InfoHash.of(new byte[20]),
                "-XX0000-otherpeer000".getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                true),
            PeerTest.ADDRESS,
            false,
            1);
    assertEquals(java.util.List.of(a, b), strikes.blame(java.util.List.of(a, b)));
    assertTrue(strikes.isBanned(a.peerIdHex()));
    assertTrue(strikes.isBanned(b.peerIdHex()));
    assertTrue(strikes.blame(java.util.List.of(a)).isEmpty(), "banned once");
  }

  @Test
  void claimsKeepUsOffAPieceForTenSeconds() {
    WebSeedClaims claims = new WebSeedClaims();
    claims.claimed(4, 0);
    BitSet covered = bits(1);
    claims.addActive(covered, WebSeedClaims.CLAIM_NANOS - 1);
    assertEquals(bits(1, 4), covered);
    BitSet later = new BitSet();
    claims.addActive(later, WebSeedClaims.CLAIM_NANOS + 1);
    assertTrue(later.isEmpty(), "expired");
  }

  @Test
  void theWebSeedLeavesPiecesEnoughPeersHold() {
    List<BitSet> holdings = List.of(bits(0, 1, 2), bits(1, 2), bits(2, 3));
    assertEquals(bits(0, 1, 2, 3), WebSeedPolicy.leftToPeers(holdings, 1));
    assertEquals(bits(1, 2), WebSeedPolicy.leftToPeers(holdings, 2));
    assertEquals(bits(2), WebSeedPolicy.leftToPeers(holdings, 3));
    assertEquals(new BitSet(), WebSeedPolicy.leftToPeers(holdings, 4));
    assertEquals(new BitSet(), WebSeedPolicy.leftToPeers(List.of(), 2));
  }

  @Test
  void requestQueueFollowsThePeersRate() {
    AgentConfig config =
        AgentConfig.builder()
            .requestQueueTime(Duration.ofSeconds(3))
            .minRequestsPerPeer(32)
            .maxRequestsPerPeer(1000)
            .build();
    // Rate unknown: the floor.
    assertEquals(32, RequestScheduler.blocksToRequest(false, 0, 2048, 0, config));
    // 10 MiB/s for 3 s is 1920 blocks: capped by the peer's reqq, then by ours.
    assertEquals(500, RequestScheduler.blocksToRequest(false, 10 << 20, 500, 0, config));
    assertEquals(1000, RequestScheduler.blocksToRequest(false, 10 << 20, 2048, 0, config));
    // Topped up in batches: 10 missing of 32 is not worth a write, 16 is.
    assertEquals(0, RequestScheduler.blocksToRequest(false, 0, 2048, 22, config));
    assertEquals(16, RequestScheduler.blocksToRequest(false, 0, 2048, 16, config));
    // A snubbed peer gets one request at a time.
    assertEquals(1, RequestScheduler.blocksToRequest(true, 10 << 20, 2048, 0, config));
    assertEquals(0, RequestScheduler.blocksToRequest(true, 10 << 20, 2048, 1, config));
  }
}

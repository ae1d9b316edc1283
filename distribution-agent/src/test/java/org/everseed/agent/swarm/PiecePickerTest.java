package org.everseed.agent.swarm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PiecePickerTest {

  private static final int BLOCK = 16 * 1024;

  /** 10 pieces of 4 blocks, the last piece one block and a bit. */
  private static PiecePicker picker(int randomFirst) {
    return new PiecePicker(
        10, 4 * BLOCK, 9L * 4 * BLOCK + BLOCK + 100, BLOCK, randomFirst, new Random(7));
  }

  private static BitSet all(int count) {
    BitSet set = new BitSet();
    set.set(0, count);
    return set;
  }

  private static BitSet of(int... pieces) {
    BitSet set = new BitSet();
    for (int piece : pieces) {
      set.set(piece);
    }
    return set;
  }

  @Test
  void blocksCoverEachPieceAndTheShortLastOne() {
    PiecePicker picker = picker(0);
    assertEquals(4, picker.blockCount(0));
    assertEquals(2, picker.blockCount(9));
    assertEquals(new Block(9, BLOCK, 100), picker.block(9, 1));
  }

  @Test
  void rarestPieceIsPickedFirst() {
    PiecePicker picker = picker(0);
    picker.peerHasAll(all(10));
    picker.peerHasAll(all(10));
    picker.peerHasAll(of(0, 1, 2, 4, 5, 6, 7, 8, 9));
    // Piece 3 is held by two peers, every other by three.
    List<Block> picked = picker.pick(all(10), 4, Set.of());
    assertEquals(4, picked.size());
    assertTrue(picked.stream().allMatch(block -> block.piece() == 3), picked.toString());
  }

  @Test
  void startedPiecesAreFinishedBeforeNewOnesAreStarted() {
    PiecePicker picker = new PiecePicker(10, 4 * BLOCK, 40L * BLOCK, BLOCK, 0, new Random(7));
    picker.peerHasAll(all(10));
    List<Block> first = picker.pick(all(10), 2, Set.of());
    int piece = first.get(0).piece();
    List<Block> next = picker.pick(all(10), 2, Set.of());
    assertTrue(next.stream().allMatch(block -> block.piece() == piece));
  }

  @Test
  void onlyPiecesThePeerHasArePicked() {
    PiecePicker picker = picker(0);
    picker.peerHasAll(of(5));
    List<Block> picked = picker.pick(of(5), 100, Set.of());
    assertEquals(4, picked.size());
    assertTrue(picked.stream().allMatch(block -> block.piece() == 5));
    assertTrue(
        picker.pick(of(5), 100, new HashSet<>(picked)).isEmpty(), "no duplicates to the same peer");
  }

  @Test
  void randomFirstPiecesIgnoreRarity() {
    Set<Integer> firstPieces = new HashSet<>();
    for (int seed = 0; seed < 50; seed++) {
      PiecePicker picker = new PiecePicker(10, 4 * BLOCK, 40L * BLOCK, BLOCK, 4, new Random(seed));
      picker.peerHasAll(all(10));
      picker.peerHasAll(of(0));
      // With rarest-first, piece 0 (two holders) would never come first.
      firstPieces.add(picker.pick(all(10), 1, Set.of()).get(0).piece());
    }
    assertTrue(firstPieces.size() > 3, firstPieces.toString());
  }

  @Test
  void endgameRequestsOutstandingBlocksFromAnotherPeer() {
    PiecePicker picker = new PiecePicker(2, BLOCK * 2, BLOCK * 4L, BLOCK, 0, new Random(1));
    picker.peerHasAll(all(2));
    Set<Block> slowPeer = new HashSet<>(picker.pick(all(2), 10, Set.of()));
    assertEquals(4, slowPeer.size());
    assertTrue(picker.allMissingBlocksRequested());
    List<Block> fastPeer = picker.pick(all(2), 10, Set.of());
    assertEquals(slowPeer, new HashSet<>(fastPeer), "endgame duplicates every outstanding block");
    assertTrue(picker.pick(all(2), 10, slowPeer).isEmpty(), "never twice to the same peer");
  }

  @Test
  void droppedRequestsArePickedAgain() {
    PiecePicker picker = new PiecePicker(1, BLOCK, BLOCK, BLOCK, 0, new Random(1));
    picker.peerHasAll(all(1));
    Block block = picker.pick(all(1), 1, Set.of()).get(0);
    picker.requestDropped(block);
    assertFalse(picker.allMissingBlocksRequested());
    assertEquals(List.of(block), picker.pick(all(1), 1, Set.of()));
  }

  @Test
  void receivingEveryBlockCompletesThePieceAndDuplicatesAreRefused() {
    PiecePicker picker = new PiecePicker(1, 2 * BLOCK, 2L * BLOCK, BLOCK, 0, new Random(1));
    picker.peerHasAll(all(1));
    List<Block> blocks = picker.pick(all(1), 2, Set.of());
    assertTrue(picker.blockReceived(blocks.get(0)));
    assertFalse(picker.blockReceived(blocks.get(0)));
    assertFalse(picker.isFullyReceived(0));
    assertTrue(picker.blockReceived(blocks.get(1)));
    assertTrue(picker.isFullyReceived(0));
    picker.markHave(0);
    assertTrue(picker.isComplete());
    assertFalse(picker.blockReceived(blocks.get(0)));
  }

  @Test
  void aFailedPieceStartsOver() {
    PiecePicker picker = new PiecePicker(1, BLOCK, BLOCK, BLOCK, 0, new Random(1));
    picker.peerHasAll(all(1));
    Block block = picker.pick(all(1), 1, Set.of()).get(0);
    picker.blockReceived(block);
    picker.pieceFailed(0);
    assertEquals(List.of(block), picker.pick(all(1), 1, Set.of()));
  }

  @Test
  void aFailedPieceIsRetriedFromOnePeerAlone() {
    PiecePicker picker = new PiecePicker(1, 2 * BLOCK, 2L * BLOCK, BLOCK, 0, new Random(1));
    picker.peerHasAll(all(1));
    picker.peerHasAll(all(1));
    picker.pick(all(1), 1, Set.of(), "a");
    picker.pick(all(1), 1, Set.of(), "b");
    picker.pieceFailed(0);
    assertEquals(1, picker.pick(all(1), 1, Set.of(), "b").size());
    assertTrue(picker.pick(all(1), 2, Set.of(), "a").isEmpty(), "the parole piece is b's alone");
    assertEquals(1, picker.pick(all(1), 2, Set.of(), "b").size());
    picker.releaseOwner("b");
    picker.requestDropped(new Block(0, 0, BLOCK));
    assertEquals(1, picker.pick(all(1), 2, Set.of(), "a").size(), "free again once b left");
  }

  @Test
  void webSeedGetsOnlyPiecesNoPeerCovers() {
    PiecePicker picker = picker(0);
    BitSet covered = all(10);
    covered.clear(6);
    assertEquals(6, picker.reserveForWebSeed(covered));
    assertEquals(-1, picker.reserveForWebSeed(covered), "a reserved piece is not handed out twice");
    assertTrue(picker.pick(of(6), 10, Set.of()).isEmpty(), "peers leave the reserved piece alone");
    picker.releaseWebSeedReservation(6);
    assertEquals(6, picker.reserveForWebSeed(covered));
  }

  @Test
  void scarceWebSeedPiecesAreTakenBySomePeersOnly() {
    int taken = 0;
    Random random = new Random(42);
    for (int trial = 0; trial < 400; trial++) {
      PiecePicker picker = new PiecePicker(10, 4 * BLOCK, 40L * BLOCK, BLOCK, 0, random);
      BitSet covered = all(10);
      covered.clear(3);
      if (picker.reserveForWebSeed(covered, 3) == 3) {
        taken++;
      }
    }
    // One piece left, three other peers that may fetch it too: about one in four takes it now.
    assertTrue(taken > 60 && taken < 140, "taken " + taken + " of 400");
    PiecePicker plenty = picker(0);
    assertTrue(plenty.reserveForWebSeed(new BitSet(), 3) >= 0, "ten pieces for four peers: take");
  }

  @Test
  void startedPiecesAreCappedSoTheirBuffersFitInMemory() {
    PiecePicker picker = new PiecePicker(10, 4 * BLOCK, 40L * BLOCK, BLOCK, 0, new Random(1), 2);
    picker.peerHasAll(all(10));
    List<Block> picked = picker.pick(all(10), 100, Set.of(), "a");
    assertEquals(8, picked.size(), "two pieces of four blocks, no more");
    assertEquals(2, picker.startedCount());
    picked.stream().filter(b -> b.piece() == picked.get(0).piece()).forEach(picker::blockReceived);
    picker.markHave(picked.get(0).piece());
    assertEquals(4, picker.pick(all(10), 100, new HashSet<>(picked), "a").size(), "a slot freed");
  }

  @Test
  void availabilityFollowsPeersComingAndGoing() {
    PiecePicker picker = picker(0);
    picker.peerHasAll(of(1, 2));
    picker.peerHas(2);
    assertEquals(2, picker.availability(2));
    picker.peerGone(of(1, 2));
    assertEquals(0, picker.availability(1));
    assertEquals(1, picker.availability(2));
    assertTrue(picker.isInterestedIn(of(2)));
    picker.markHave(2);
    assertFalse(picker.isInterestedIn(of(2)));
  }
}

package org.everseed.agent.swarm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Decides which blocks to request next. Pure and single-threaded: the session calls it under its
 * lock.
 *
 * <ul>
 *   <li>Pieces already started are finished first, so few pieces sit half-done.
 *   <li>The first {@code randomFirstPieces} pieces are picked at random, so a new peer soon has
 *       something to trade; after that, the rarest piece among connected peers, ties broken at
 *       random (BEP 3's advice; random ties keep peers from all picking the same piece).
 *   <li>Endgame: when every missing block is requested, blocks are requested again from other peers
 *       so the last slow request does not hold up completion.
 * </ul>
 */
public final class PiecePicker {

  private final int pieceCount;
  private final int pieceLength;
  private final long totalLength;
  private final int blockSize;
  private final int randomFirstPieces;
  private final int maxStartedPieces;
  private final Random random;
  private final BitSet have;
  private final int[] availability;
  private final Map<Integer, Progress> inProgress = new HashMap<>();
  private final BitSet parole = new BitSet();

  /** Per started piece: how many requests are out for each block, and which arrived. */
  private static final class Progress {
    final int[] requests;
    final BitSet received = new BitSet();
    boolean reservedWhole;
    Object owner;

    Progress(int blocks) {
      requests = new int[blocks];
    }

    boolean hasUnrequested() {
      for (int i = 0; i < requests.length; i++) {
        if (requests[i] == 0 && !received.get(i)) {
          return true;
        }
      }
      return false;
    }
  }

  public PiecePicker(
      int pieceCount,
      int pieceLength,
      long totalLength,
      int blockSize,
      int randomFirstPieces,
      Random random) {
    this(
        pieceCount,
        pieceLength,
        totalLength,
        blockSize,
        randomFirstPieces,
        random,
        Integer.MAX_VALUE);
  }

  /**
   * @param maxStartedPieces how many pieces may be started and unfinished at once; started pieces
   *     are held in memory until verified, so this bounds that memory for large pieces
   */
  public PiecePicker(
      int pieceCount,
      int pieceLength,
      long totalLength,
      int blockSize,
      int randomFirstPieces,
      Random random,
      int maxStartedPieces) {
    this.maxStartedPieces = maxStartedPieces;
    this.pieceCount = pieceCount;
    this.pieceLength = pieceLength;
    this.totalLength = totalLength;
    this.blockSize = blockSize;
    this.randomFirstPieces = randomFirstPieces;
    this.random = random;
    this.have = new BitSet(pieceCount);
    this.availability = new int[pieceCount];
  }

  public int pieceCount() {
    return pieceCount;
  }

  public int pieceSize(int piece) {
    return (int) Math.min(pieceLength, totalLength - (long) piece * pieceLength);
  }

  public int blockCount(int piece) {
    return (pieceSize(piece) + blockSize - 1) / blockSize;
  }

  public Block block(int piece, int blockIndex) {
    int begin = blockIndex * blockSize;
    return new Block(piece, begin, Math.min(blockSize, pieceSize(piece) - begin));
  }

  // ---- what we have ----

  public void markHave(int piece) {
    have.set(piece);
    inProgress.remove(piece);
    parole.clear(piece);
  }

  public boolean has(int piece) {
    return have.get(piece);
  }

  public BitSet haveSet() {
    return (BitSet) have.clone();
  }

  public int haveCount() {
    return have.cardinality();
  }

  public boolean isComplete() {
    return have.cardinality() == pieceCount;
  }

  // ---- what peers have ----

  public void peerHas(int piece) {
    availability[piece]++;
  }

  public void peerHasAll(BitSet pieces) {
    pieces.stream().forEach(piece -> availability[piece]++);
  }

  public void peerGone(BitSet pieces) {
    pieces.stream().forEach(piece -> availability[piece] = Math.max(0, availability[piece] - 1));
  }

  public int availability(int piece) {
    return availability[piece];
  }

  /** Whether a peer with {@code pieces} has anything we still miss. */
  public boolean isInterestedIn(BitSet pieces) {
    BitSet missing = (BitSet) pieces.clone();
    missing.andNot(have);
    return !missing.isEmpty();
  }

  // ---- requests ----

  /** {@link #pick(BitSet, int, Set, Object)} for a caller that does not track peers by key. */
  public List<Block> pick(BitSet peerPieces, int max, Set<Block> pendingFromPeer) {
    return pick(peerPieces, max, pendingFromPeer, pendingFromPeer);
  }

  /**
   * Up to {@code max} blocks to request from peer {@code peer} that has {@code peerPieces},
   * skipping blocks in {@code pendingFromPeer} (already asked of it). Counts them as requested.
   *
   * <p>A piece that failed its hash check is on parole: its next attempt comes from one peer alone,
   * so if it fails again the culprit is known (libtorrent does the same).
   */
  public List<Block> pick(BitSet peerPieces, int max, Set<Block> pendingFromPeer, Object peer) {
    List<Block> picked = new ArrayList<>();
    if (max <= 0) {
      return picked;
    }
    for (Map.Entry<Integer, Progress> started : inProgress.entrySet()) {
      int piece = started.getKey();
      Progress progress = started.getValue();
      if (!progress.reservedWhole && peerPieces.get(piece) && ownedByOrFree(progress, peer)) {
        takeUnrequested(piece, progress, max, picked);
        if (picked.size() >= max) {
          return picked;
        }
      }
    }
    while (picked.size() < max && inProgress.size() < maxStartedPieces) {
      int piece = choosePiece(peerPieces);
      if (piece < 0) {
        break;
      }
      Progress progress = new Progress(blockCount(piece));
      if (parole.get(piece)) {
        parole.clear(piece);
        progress.owner = peer;
      }
      inProgress.put(piece, progress);
      takeUnrequested(piece, progress, max, picked);
    }
    if (picked.isEmpty()) {
      pickEndgame(peerPieces, max, pendingFromPeer, picked, peer);
    }
    return picked;
  }

  private static boolean ownedByOrFree(Progress progress, Object peer) {
    return progress.owner == null || progress.owner == peer;
  }

  /** A peer left: pieces on parole with it go back to anyone. */
  public void releaseOwner(Object peer) {
    for (Progress progress : inProgress.values()) {
      if (progress.owner == peer) {
        progress.owner = null;
      }
    }
  }

  private void takeUnrequested(int piece, Progress progress, int max, List<Block> picked) {
    for (int i = 0; i < progress.requests.length && picked.size() < max; i++) {
      if (progress.requests[i] == 0 && !progress.received.get(i)) {
        progress.requests[i]++;
        picked.add(block(piece, i));
      }
    }
  }

  private void pickEndgame(
      BitSet peerPieces, int max, Set<Block> pendingFromPeer, List<Block> picked, Object peer) {
    if (!allMissingBlocksRequested()) {
      return;
    }
    for (Map.Entry<Integer, Progress> started : inProgress.entrySet()) {
      int piece = started.getKey();
      Progress progress = started.getValue();
      if (!peerPieces.get(piece) || !ownedByOrFree(progress, peer)) {
        continue;
      }
      for (int i = 0; i < progress.requests.length && picked.size() < max; i++) {
        Block block = block(piece, i);
        // One duplicate per block is enough to beat a slow peer; more only wastes bandwidth.
        if (!progress.received.get(i)
            && progress.requests[i] < 2
            && !pendingFromPeer.contains(block)) {
          progress.requests[i]++;
          picked.add(block);
        }
      }
    }
  }

  /** Whether the endgame applies: no missing piece has a block nobody has been asked for. */
  public boolean allMissingBlocksRequested() {
    if (inProgress.size() + have.cardinality() < pieceCount) {
      return false;
    }
    for (Progress progress : inProgress.values()) {
      if (!progress.reservedWhole && progress.hasUnrequested()) {
        return false;
      }
    }
    return true;
  }

  private int choosePiece(BitSet peerPieces) {
    boolean randomPhase = have.cardinality() < randomFirstPieces;
    int best = -1;
    int bestAvailability = Integer.MAX_VALUE;
    int ties = 0;
    for (int piece = peerPieces.nextSetBit(0);
        piece >= 0 && piece < pieceCount;
        piece = peerPieces.nextSetBit(piece + 1)) {
      if (have.get(piece) || inProgress.containsKey(piece)) {
        continue;
      }
      int rank = randomPhase ? 0 : availability[piece];
      if (rank < bestAvailability) {
        best = piece;
        bestAvailability = rank;
        ties = 1;
      } else if (rank == bestAvailability && random.nextInt(++ties) == 0) {
        // Reservoir sampling: each tied piece ends up chosen with equal probability.
        best = piece;
      }
    }
    return best;
  }

  /**
   * A whole missing piece, not started and not in {@code coveredByPeers}, reserved for a web seed;
   * -1 if there is none. Chosen at random so agents fetching from the same web seed at once rarely
   * pick the same piece.
   */
  public int reserveForWebSeed(BitSet coveredByPeers) {
    return reserveForWebSeed(coveredByPeers, 0);
  }

  /**
   * As {@link #reserveForWebSeed(BitSet)}, knowing that {@code competingPeers} connected peers may
   * be fetching from the same web seed right now. When no more pieces are left than there are such
   * peers, random picks would collide and the server would send the same piece several times, so
   * this peer takes one only with probability 1/(competingPeers + 1) per call and otherwise answers
   * -1 to wait for a peer's {@code have}.
   */
  public int reserveForWebSeed(BitSet coveredByPeers, int competingPeers) {
    List<Integer> candidates = new ArrayList<>();
    for (int piece = have.nextClearBit(0);
        piece < pieceCount;
        piece = have.nextClearBit(piece + 1)) {
      if (!inProgress.containsKey(piece) && !coveredByPeers.get(piece)) {
        candidates.add(piece);
      }
    }
    if (candidates.isEmpty()) {
      return -1;
    }
    if (candidates.size() <= competingPeers && random.nextInt(competingPeers + 1) != 0) {
      return -1;
    }
    int piece = candidates.get(random.nextInt(candidates.size()));
    Progress progress = new Progress(blockCount(piece));
    progress.reservedWhole = true;
    Arrays.fill(progress.requests, 1);
    inProgress.put(piece, progress);
    return piece;
  }

  /** Gives a web seed's reserved piece back after the fetch failed. */
  public void releaseWebSeedReservation(int piece) {
    Progress progress = inProgress.get(piece);
    if (progress != null && progress.reservedWhole) {
      inProgress.remove(piece);
    }
  }

  /** A request that will not be answered (choke, reject, timeout, peer gone). */
  public void requestDropped(Block block) {
    Progress progress = inProgress.get(block.piece());
    if (progress != null && !progress.reservedWhole) {
      int index = block.begin() / blockSize;
      progress.requests[index] = Math.max(0, progress.requests[index] - 1);
    }
  }

  /**
   * Records an arrived block. Answers whether it was wanted (false for a duplicate or a piece we
   * already have).
   */
  public boolean blockReceived(Block block) {
    Progress progress = inProgress.get(block.piece());
    if (progress == null) {
      return false;
    }
    int index = block.begin() / blockSize;
    if (progress.received.get(index)) {
      return false;
    }
    progress.received.set(index);
    return true;
  }

  /** Whether every block of a started piece arrived. */
  public boolean isFullyReceived(int piece) {
    Progress progress = inProgress.get(piece);
    return progress != null && progress.received.cardinality() == progress.requests.length;
  }

  /** A piece whose data failed its hash: it starts over, on parole. */
  public void pieceFailed(int piece) {
    inProgress.remove(piece);
    parole.set(piece);
  }

  /** A piece that could not be written: it starts over, anyone may send it. */
  public void pieceAbandoned(int piece) {
    inProgress.remove(piece);
  }

  /** Pieces started and not finished, for status. */
  public int startedCount() {
    return inProgress.size();
  }
}

package org.everseed.agent.swarm;

import java.nio.ByteBuffer;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.everseed.agent.AgentConfig;
import org.everseed.api.metainfo.Metainfo;
import org.everseed.api.wire.PeerMessage;
import org.everseed.api.wire.PeerWireException;

/**
 * The download side of the peer protocol: learns what each peer has (have, bitfield, have-all),
 * tells it whether we are interested, keeps about {@code requestQueueTime} of data requested from
 * each peer that unchokes us (picked by the {@link PiecePicker}), takes the blocks that arrive into
 * {@link PieceAssembly} and cancels their duplicates elsewhere, and hands back the requests of
 * peers that choke, refuse, snub or leave. Guarded by the session's lock.
 */
final class RequestScheduler {

  /** Blocks nobody asked a peer for that it may send (they are dropped); one more bans it. */
  static final int MAX_UNREQUESTED_BLOCKS = 16;

  /** Requests are topped up in batches: one write of many rather than a wakeup per block. */
  static final int REQUEST_BATCH = 16;

  private final AgentConfig config;
  private final Metainfo torrent;
  private final PiecePicker picker;
  private final PieceAssembly assembly;
  private final List<Peer> peers;
  private final BooleanSupplier downloading;

  /**
   * @param peers the session's connected peers (its live list)
   * @param downloading whether the torrent is still downloading
   */
  RequestScheduler(
      AgentConfig config,
      Metainfo torrent,
      PiecePicker picker,
      PieceAssembly assembly,
      List<Peer> peers,
      BooleanSupplier downloading) {
    this.config = config;
    this.torrent = torrent;
    this.picker = picker;
    this.assembly = assembly;
    this.peers = peers;
    this.downloading = downloading;
  }

  // have: <len=0005><id=4><piece index>
  void have(Peer peer, int piece) {
    checkIndex(piece);
    if (peer.addPiece(piece, torrent.pieceCount())) {
      picker.peerHas(piece);
      piecesChanged(peer);
    }
  }

  // bitfield: <len=0001+X><id=5><bitfield>, high bit first, spare bits zero
  void bitfield(Peer peer, PeerMessage.Bitfield bitfield) {
    byte[] bits = bitfield.bits();
    if (bits.length != PeerMessage.Bitfield.lengthFor(torrent.pieceCount())) {
      throw new PeerWireException("bitfield of the wrong length");
    }
    int spare = bits.length * 8 - torrent.pieceCount();
    if (spare > 0 && (bits[bits.length - 1] & ((1 << spare) - 1)) != 0) {
      throw new PeerWireException("bitfield with spare bits set");
    }
    BitSet announced = new BitSet();
    for (int piece = 0; piece < torrent.pieceCount(); piece++) {
      if (bitfield.has(piece)) {
        announced.set(piece);
      }
    }
    picker.peerHasAll(peer.addPieces(announced, torrent.pieceCount()));
    piecesChanged(peer);
  }

  // have all: <len=0001><id=14>
  void haveAll(Peer peer) {
    BitSet all = new BitSet();
    all.set(0, torrent.pieceCount());
    picker.peerHasAll(peer.addPieces(all, torrent.pieceCount()));
    piecesChanged(peer);
  }

  void choked(Peer peer) {
    peer.chokedUs().forEach(picker::requestDropped);
  }

  void unchoked(Peer peer) {
    peer.unchokedUs();
    fill(peer);
  }

  // reject request: <len=0013><id=16><index><begin><length>
  void rejected(Peer peer, Block block) {
    if (peer.requestSettled(block)) {
      picker.requestDropped(block);
    }
  }

  /**
   * A block arrived: if we asked this peer for it, counts it as the peer's answer, assembles it,
   * cancels the same request at other peers (endgame), and asks the peer for more. A block we did
   * not ask it for is dropped and counted against it.
   *
   * @return the piece it completed, to be verified
   * @throws PeerWireException when the peer sent more than {@link #MAX_UNREQUESTED_BLOCKS} blocks
   *     nobody asked it for
   */
  Optional<PieceAssembly.Assembled> block(Peer peer, Block block, ByteBuffer data, long now) {
    checkIndex(block.piece());
    if (!peer.answered(block)) {
      int unrequested = peer.unrequestedBlock();
      if (unrequested > MAX_UNREQUESTED_BLOCKS) {
        throw new PeerWireException("sent " + unrequested + " blocks nobody asked it for");
      }
      return Optional.empty();
    }
    peer.blockArrived(now);
    Optional<PieceAssembly.Assembled> completed = Optional.empty();
    if (assembly.add(peer, block, data)) {
      for (Peer other : peers) {
        if (other != peer) {
          other.cancelRequest(block);
        }
      }
      completed = assembly.takeIfComplete(block.piece());
    }
    fill(peer);
    return completed;
  }

  /**
   * Snubs a peer that owes blocks and sent none for the snub timeout; its requests go to others.
   */
  void checkSnubbed(Peer peer, long now) {
    if (peer.snubIfSilent(now, config.snubTimeout().toNanos())) {
      peer.dropRequests().forEach(picker::requestDropped);
    }
  }

  /** Tops up the requests to a peer that unchokes us and has something we want. */
  void fill(Peer peer) {
    if (peer.peerChoking()
        || !peer.amInterested()
        || peer.isClosed()
        || !downloading.getAsBoolean()) {
      return;
    }
    int wanted =
        blocksToRequest(
            peer.isSnubbed(),
            peer.downloadRate(),
            peer.maxRequests(),
            peer.pendingRequests().size(),
            config);
    if (wanted == 0) {
      return;
    }
    for (Block block : picker.pick(peer.pieces(), wanted, peer.pendingRequests(), peer)) {
      peer.request(block);
    }
  }

  /**
   * How many blocks to request now: enough for {@code requestQueueTime} at the peer's rate (at
   * least {@code minRequestsPerPeer}, at most its {@code reqq} and {@code maxRequestsPerPeer}), one
   * for a snubbed peer; 0 unless a batch's worth, or half the target, is missing.
   */
  static int blocksToRequest(
      boolean snubbed, double rate, int peerMaxRequests, int pending, AgentConfig config) {
    int target;
    if (snubbed) {
      target = 1;
    } else {
      double blocksPerQueueTime =
          rate * config.requestQueueTime().toNanos() / 1e9 / AgentConfig.BLOCK_SIZE;
      target =
          (int)
              Math.min(
                  Math.min(peerMaxRequests, config.maxRequestsPerPeer()),
                  Math.max(config.minRequestsPerPeer(), blocksPerQueueTime));
    }
    int wanted = target - pending;
    if (wanted <= 0 || (wanted < REQUEST_BATCH && wanted < target / 2)) {
      return 0;
    }
    return wanted;
  }

  /** Tells the peer whether it has something we still want. */
  void updateInterest(Peer peer) {
    peer.interested(downloading.getAsBoolean() && picker.isInterestedIn(peer.pieces()));
  }

  /** A peer left: its pieces no longer count for rarity, its requests go to others. */
  void peerGone(Peer peer) {
    picker.peerGone(peer.pieces());
    picker.releaseOwner(peer);
    peer.dropRequests().forEach(picker::requestDropped);
  }

  private void piecesChanged(Peer peer) {
    updateInterest(peer);
    fill(peer);
  }

  void checkIndex(int piece) {
    if (piece >= torrent.pieceCount()) {
      throw new PeerWireException("piece index " + piece + " out of range");
    }
  }
}

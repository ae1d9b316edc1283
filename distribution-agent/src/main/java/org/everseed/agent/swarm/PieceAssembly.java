package org.everseed.agent.swarm;

import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.everseed.agent.AgentConfig;
import org.everseed.api.metainfo.Metainfo;

/**
 * Pieces whose blocks are arriving from peers: each is held in memory, with the peers that sent its
 * blocks, until its last block arrives; then it goes to the {@link PieceVerifier} whole.
 * (PiecePicker bounds how many pieces are started at once.) Guarded by the session's lock.
 */
final class PieceAssembly {

  /** A piece with every block received, not yet verified. */
  record Assembled(int piece, byte[] data, Set<Peer> contributors) {}

  private static final class Buffer {
    final byte[] data;
    final Set<Peer> contributors = new HashSet<>();

    Buffer(int size) {
      data = new byte[size];
    }
  }

  private final Metainfo torrent;
  private final PiecePicker picker;
  private final Map<Integer, Buffer> buffers = new HashMap<>();

  PieceAssembly(Metainfo torrent, PiecePicker picker) {
    this.torrent = torrent;
    this.picker = picker;
  }

  /**
   * Takes a block's data if it is a block the picker is waiting for (right piece, offset and
   * length; piece not had yet; block not received yet).
   *
   * @return whether it was taken (a duplicate or an unexpected block is not)
   */
  boolean add(Peer from, Block received, ByteBuffer data) {
    Block expected = picker.block(received.piece(), received.begin() / AgentConfig.BLOCK_SIZE);
    if (!expected.equals(received)
        || picker.has(received.piece())
        || !picker.blockReceived(received)) {
      return false;
    }
    Buffer buffer =
        buffers.computeIfAbsent(received.piece(), index -> new Buffer(torrent.pieceSize(index)));
    data.get(buffer.data, received.begin(), received.length());
    buffer.contributors.add(from);
    return true;
  }

  /** The piece, taken out of assembly, if every block of it arrived. */
  Optional<Assembled> takeIfComplete(int piece) {
    if (!picker.isFullyReceived(piece)) {
      return Optional.empty();
    }
    Buffer buffer = buffers.remove(piece);
    return Optional.of(new Assembled(piece, buffer.data, buffer.contributors));
  }

  /** Forgets a piece's blocks (it was verified from elsewhere, or failed). */
  void discard(int piece) {
    buffers.remove(piece);
  }
}

package org.everseed.agent.swarm;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
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

  /**
   * A piece with every block received, not yet verified.
   *
   * @param senders the peer that sent each block, by block index
   */
  record Assembled(int piece, byte[] data, List<Peer> senders) {

    /** The peers that sent its blocks, each once. */
    Set<Peer> contributors() {
      return new LinkedHashSet<>(senders);
    }
  }

  private static final class Buffer {
    final byte[] data;
    final Peer[] senders;

    Buffer(int size) {
      data = new byte[size];
      senders = new Peer[(size + AgentConfig.BLOCK_SIZE - 1) / AgentConfig.BLOCK_SIZE];
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
    buffer.senders[received.begin() / AgentConfig.BLOCK_SIZE] = from;
    return true;
  }

  /** The piece, taken out of assembly, if every block of it arrived. */
  Optional<Assembled> takeIfComplete(int piece) {
    if (!picker.isFullyReceived(piece)) {
      return Optional.empty();
    }
    Buffer buffer = buffers.remove(piece);
    return Optional.of(new Assembled(piece, buffer.data, Arrays.asList(buffer.senders)));
  }

  /** Forgets a piece's blocks (it was verified from elsewhere, or failed). */
  void discard(int piece) {
    buffers.remove(piece);
  }
}

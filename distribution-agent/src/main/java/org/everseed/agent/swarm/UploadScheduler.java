package org.everseed.agent.swarm;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.everseed.agent.AgentConfig;
import org.everseed.api.metainfo.Metainfo;
import org.everseed.api.wire.PeerWireException;

/**
 * The upload side of the peer protocol: whom we unchoke (the {@link Choker}'s decision every choke
 * round, and a newly interested peer at once while a slot is free), and which requests we queue,
 * refuse or drop. Guarded by the session's lock.
 */
final class UploadScheduler {

  /** Requests queued per peer at most; also what our extension handshake offers as {@code reqq}. */
  static final int MAX_QUEUED_UPLOADS = 2048;

  /** The longest block we serve; BEP 3 clients ask for 16 KiB. */
  static final int MAX_BLOCK_LENGTH = 128 * 1024;

  private final AgentConfig config;
  private final Metainfo torrent;
  private final PiecePicker picker;
  private final Choker<Peer> choker;
  private final List<Peer> peers;
  private final BooleanSupplier seeding;

  /**
   * @param peers the session's connected peers (its live list)
   * @param seeding whether the torrent is complete (then peers are ranked by what we send them)
   */
  UploadScheduler(
      AgentConfig config,
      Metainfo torrent,
      PiecePicker picker,
      Random random,
      List<Peer> peers,
      BooleanSupplier seeding) {
    this.config = config;
    this.torrent = torrent;
    this.picker = picker;
    this.choker = new Choker<>(config.uploadSlots(), config.optimisticUnchokeRounds(), random);
    this.peers = peers;
    this.seeding = seeding;
  }

  // interested: <len=0001><id=2>
  void interested(Peer peer) {
    peer.peerInterested(true);
    long unchoked = peers.stream().filter(p -> !p.amChoking()).count();
    if (peer.amChoking() && unchoked <= config.uploadSlots()) {
      peer.unchoke();
    }
  }

  // not interested: <len=0001><id=3>
  void notInterested(Peer peer) {
    peer.peerInterested(false);
  }

  // request: <len=0013><id=6><index><begin><length>
  void request(Peer peer, Block block) {
    if (block.piece() >= torrent.pieceCount()
        || block.length() <= 0
        || block.length() > MAX_BLOCK_LENGTH
        || (long) block.begin() + block.length() > torrent.pieceSize(block.piece())) {
      throw new PeerWireException("request for " + block + " is outside the piece");
    }
    if (peer.amChoking()
        || !picker.has(block.piece())
        || peer.queuedUploads() >= MAX_QUEUED_UPLOADS) {
      peer.reject(block);
      return;
    }
    peer.queueUpload(block);
  }

  // cancel: <len=0013><id=8><index><begin><length>
  void cancel(Peer peer, Block block) {
    peer.cancelUpload(block);
  }

  /** Called by the writer just before it sends a block: false if cancelled or choked since. */
  boolean uploadAllowed(Peer peer, Block block) {
    return peer.takeUpload(block);
  }

  /** Applies the choker's decision: by download rate while leeching, by upload rate seeding. */
  void chokeRound() {
    boolean bySending = seeding.getAsBoolean();
    List<Choker.Candidate<Peer>> candidates = new ArrayList<>();
    for (Peer peer : peers) {
      double rate = bySending ? peer.uploadRate() : peer.downloadRate();
      candidates.add(new Choker.Candidate<>(peer, peer.peerInterested(), rate));
    }
    Set<Peer> unchoked = choker.decide(candidates).unchoked();
    for (Peer peer : peers) {
      if (unchoked.contains(peer) && peer.amChoking()) {
        peer.unchoke();
      } else if (!unchoked.contains(peer) && !peer.amChoking()) {
        peer.choke();
      }
    }
  }
}

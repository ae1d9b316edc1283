package org.everseed.agent.swarm;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.everseed.api.wire.PeerMessage;
import org.everseed.api.wire.PeerWireException;

/**
 * Routes what one peer's connection reports to the part that handles it, under the session's lock:
 * the download side (choke, unchoke, have, bitfield, have-all, reject, blocks) to the {@link
 * RequestScheduler}, the upload side (interest, requests, cancels, uploads) to the {@link
 * UploadScheduler}, extension messages to {@link Extensions}. A complete piece goes to the {@link
 * PieceVerifier} after the lock is released. Called on the connection's reader and writer threads.
 */
final class PeerEvents implements PeerConnection.Handler {

  /** The parts one torrent routes to; one instance serves every peer of the torrent. */
  record Parts(
      Object sessionLock,
      List<Peer> peers,
      RequestScheduler requests,
      UploadScheduler uploads,
      Extensions extensions,
      KnownPeers known,
      Strikes strikes,
      PieceVerifier verifier,
      Transfers transfers,
      Consumer<String> log) {}

  private final Peer peer;
  private final Parts parts;

  PeerEvents(Peer peer, Parts parts) {
    this.peer = peer;
    this.parts = parts;
  }

  @Override
  public void onBlock(int piece, int begin, ByteBuffer data) {
    parts.transfers().receivedFromPeer(data.remaining());
    Optional<PieceAssembly.Assembled> completed;
    synchronized (parts.sessionLock()) {
      completed =
          parts
              .requests()
              .block(peer, new Block(piece, begin, data.remaining()), data, System.nanoTime());
    }
    completed.ifPresent(parts.verifier()::submit);
  }

  @Override
  public void onMessage(PeerMessage message) {
    if (message instanceof PeerMessage.KeepAlive) {
      return;
    }
    synchronized (parts.sessionLock()) {
      dispatch(message);
    }
  }

  private void dispatch(PeerMessage message) {
    RequestScheduler requests = parts.requests();
    UploadScheduler uploads = parts.uploads();
    if (message instanceof PeerMessage.Choke) {
      requests.choked(peer);
    } else if (message instanceof PeerMessage.Unchoke) {
      requests.unchoked(peer);
    } else if (message instanceof PeerMessage.Interested) {
      uploads.interested(peer);
    } else if (message instanceof PeerMessage.NotInterested) {
      uploads.notInterested(peer);
    } else if (message instanceof PeerMessage.Have have) {
      requests.have(peer, have.pieceIndex());
    } else if (message instanceof PeerMessage.Bitfield bitfield) {
      requests.bitfield(peer, bitfield);
    } else if (message instanceof PeerMessage.HaveAll) {
      requests.haveAll(peer);
    } else if (message instanceof PeerMessage.Request request) {
      uploads.request(peer, new Block(request.pieceIndex(), request.begin(), request.length()));
    } else if (message instanceof PeerMessage.Cancel cancel) {
      uploads.cancel(peer, new Block(cancel.pieceIndex(), cancel.begin(), cancel.length()));
    } else if (message instanceof PeerMessage.RejectRequest reject) {
      requests.rejected(peer, new Block(reject.pieceIndex(), reject.begin(), reject.length()));
    } else if (message instanceof PeerMessage.Extended extended) {
      parts.extensions().onExtended(peer, extended, System.nanoTime());
    } else if (message instanceof PeerMessage.Piece) {
      throw new PeerWireException("piece messages are read as blocks");
    }
    // Have-none, suggest, allowed-fast and the DHT port need no action here.
  }

  @Override
  public boolean uploadAllowed(Block block) {
    synchronized (parts.sessionLock()) {
      return parts.uploads().uploadAllowed(peer, block);
    }
  }

  @Override
  public void uploaded(Block block) {
    parts.transfers().uploaded(block.length());
  }

  @Override
  public void dropped(String reason) {
    parts.log().accept("dropping " + peer + ": " + reason);
  }

  /** A peer that broke the protocol is banned (peer id and address) and dropped. */
  @Override
  public void violated(String reason) {
    synchronized (parts.sessionLock()) {
      parts.strikes().ban(peer);
      if (peer.listenAddress() != null) {
        parts.known().ban(peer.listenAddress());
      }
    }
    parts.log().accept("banning " + peer + ": " + reason);
  }

  @Override
  public void closed() {
    synchronized (parts.sessionLock()) {
      if (parts.peers().remove(peer)) {
        parts.requests().peerGone(peer);
        parts.known().disconnected(peer.listenAddress(), System.nanoTime());
      }
    }
  }
}

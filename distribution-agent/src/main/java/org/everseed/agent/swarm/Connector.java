package org.everseed.agent.swarm;

import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Supplier;
import org.everseed.agent.AgentConfig;
import org.everseed.agent.peer.PeerTransport;
import org.everseed.agent.peer.PlainTransport;
import org.everseed.agent.storage.PieceStorage;
import org.everseed.api.metainfo.Metainfo;
import org.everseed.api.wire.Handshake;
import org.everseed.api.wire.PeerAddress;
import org.everseed.api.wire.PeerMessage;

/**
 * Brings peers into a torrent: dials known addresses while there is room (a seed with peers dials
 * nobody: other seeds have no use for it, leechers come to it), answers incoming handshakes, and
 * attaches both as a {@link Peer} (our extension handshake, then what we have) unless the torrent
 * is full or stopping, the peer is banned, or it is connected already. Dials run on io threads and
 * take the session's lock only for the bookkeeping.
 */
final class Connector {

  private final Object sessionLock;
  private final SwarmContext context;
  private final AgentConfig config;
  private final Metainfo torrent;
  private final PiecePicker picker;
  private final List<Peer> peers;
  private final KnownPeers known;
  private final Strikes strikes;
  private final Extensions extensions;
  private final BooleanSupplier open;
  private final BooleanSupplier seeding;
  private final Function<Peer, PeerConnection.Handler> events;
  private final Supplier<PieceStorage> storage;
  private final Random random;
  private final SwarmAccess access;

  /**
   * @param peers the session's connected peers (its live list)
   * @param open whether peers may join now (not while the data is checked, nor after stopping)
   * @param seeding whether the torrent is complete
   * @param events what each new peer's connection reports to
   * @param storage where uploads are read from
   * @param access whether plaintext peers may join, or only fleet agents over TLS
   */
  Connector(
      Object sessionLock,
      SwarmContext context,
      Metainfo torrent,
      PiecePicker picker,
      List<Peer> peers,
      KnownPeers known,
      Strikes strikes,
      Extensions extensions,
      BooleanSupplier open,
      BooleanSupplier seeding,
      Function<Peer, PeerConnection.Handler> events,
      Supplier<PieceStorage> storage,
      Random random,
      SwarmAccess access) {
    this.sessionLock = sessionLock;
    this.context = context;
    this.config = context.config();
    this.torrent = torrent;
    this.picker = picker;
    this.peers = peers;
    this.known = known;
    this.strikes = strikes;
    this.extensions = extensions;
    this.open = open;
    this.seeding = seeding;
    this.events = events;
    this.storage = storage;
    this.random = random;
    this.access = access;
  }

  /** Whether this torrent can have peers at all: a private one needs our fleet identity. */
  boolean canHavePeers() {
    return access == SwarmAccess.OPEN || context.tls().isPresent();
  }

  /** Dials as many known addresses as there is room for. */
  void connectMore() {
    List<PeerAddress> toDial;
    synchronized (sessionLock) {
      if (!open.getAsBoolean() || !canHavePeers()) {
        return;
      }
      Set<PeerAddress> connected = new HashSet<>();
      for (Peer peer : peers) {
        Optional.ofNullable(peer.listenAddress()).ifPresent(connected::add);
      }
      boolean seedWithPeers = seeding.getAsBoolean() && !connected.isEmpty();
      int free = config.maxPeersPerTorrent() - peers.size() - known.dialling();
      toDial = known.startDialling(connected, seedWithPeers ? 0 : free, System.nanoTime(), random);
    }
    for (PeerAddress address : toDial) {
      if (!Tasks.tryExecute(context.io(), () -> dial(address))) {
        synchronized (sessionLock) {
          known.diallingDone(address, false, System.nanoTime());
        }
      }
    }
  }

  private void dial(PeerAddress address) {
    PeerTransport transport = null;
    boolean handshaken = false;
    try {
      transport =
          access == SwarmAccess.OPEN
              ? PlainTransport.connect(address, config.connectTimeout())
              : context
                  .tls()
                  .orElseThrow()
                  .connect(address, config.connectTimeout(), context.scheduler());
      Handshake theirs = context.handshaker().initiate(transport, torrent.infoHash(), true);
      // A peer of this torrent answered: not a failure even if it cannot be attached now.
      handshaken = true;
      if (!attach(transport, theirs, address, false)) {
        transport.close();
      }
    } catch (IOException e) {
      if (transport != null) {
        transport.close();
      }
    } finally {
      synchronized (sessionLock) {
        known.diallingDone(address, handshaken, System.nanoTime());
      }
    }
  }

  /**
   * Takes an incoming connection whose handshake named this torrent: answers it, attaches it. A
   * peer without a fleet identity on a torrent closed to standard clients is closed unanswered.
   */
  void accept(PeerTransport transport, Handshake theirs) {
    if (!access.admits(transport.isAuthenticated())) {
      transport.close();
      return;
    }
    try {
      context.handshaker().answer(transport, theirs, true);
      if (!attach(transport, theirs, transport.remoteAddress(), true)) {
        transport.close();
      }
    } catch (IOException e) {
      transport.close();
    }
  }

  private boolean attach(
      PeerTransport transport, Handshake theirs, PeerAddress address, boolean incoming) {
    PeerConnection connection =
        new PeerConnection(
            transport,
            context.downloadBucket(),
            context.uploadBucket(),
            storage,
            PeerConnection.messageLimit(torrent.pieceCount()));
    Peer peer;
    synchronized (sessionLock) {
      if (!open.getAsBoolean()
          || strikes.isBanned(Peer.hex(theirs.peerId()))
          || (incoming && strikes.isBanned(address.address()))
          || peers.size() >= config.maxPeersPerTorrent()
          || peers.stream().anyMatch(p -> p.hasPeerId(theirs.peerId()))) {
        return false;
      }
      peer = new Peer(connection, theirs, address, incoming, config.minRequestsPerPeer() * 8);
      peers.add(peer);
      if (peer.supportsExtensionProtocol()) {
        extensions.sendHandshake(peer);
      }
      sendHaves(peer);
    }
    connection.start(context.io(), events.apply(peer));
    return true;
  }

  // have all: <len=0001><id=14>, have none: <len=0001><id=15>, bitfield: <len=0001+X><id=5><bits>
  private void sendHaves(Peer peer) {
    int have = picker.haveCount();
    if (peer.fastExtension() && have == torrent.pieceCount()) {
      peer.send(new PeerMessage.HaveAll());
    } else if (peer.fastExtension() && have == 0) {
      peer.send(new PeerMessage.HaveNone());
    } else if (have > 0) {
      byte[] bits = new byte[PeerMessage.Bitfield.lengthFor(torrent.pieceCount())];
      picker.haveSet().stream()
          .forEach(piece -> bits[piece >>> 3] |= (byte) (0x80 >>> (piece & 7)));
      peer.send(new PeerMessage.Bitfield(bits));
    }
  }
}

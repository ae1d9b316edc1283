package org.everseed.agent.swarm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.WeakHashMap;
import org.everseed.agent.AgentConfig;
import org.everseed.api.Version;
import org.everseed.api.metainfo.Metainfo;
import org.everseed.api.wire.ExtensionHandshake;
import org.everseed.api.wire.MetadataMessage;
import org.everseed.api.wire.PeerAddress;
import org.everseed.api.wire.PeerExchange;
import org.everseed.api.wire.PeerMessage;
import org.everseed.api.wire.PeerWireException;
import org.everseed.api.wire.WebSeedClaim;

/**
 * The extension protocol (BEP 10) for one torrent: our extension handshake, and the extensions
 * behind it: peer exchange ({@code ut_pex}, BEP 11) in both directions, serving the info dictionary
 * to peers that came by magnet link ({@code ut_metadata}, BEP 9), and Everseed's web seed claims
 * ({@code everseed_ws}). Guarded by the session's lock.
 */
final class Extensions {

  /** Our id for ut_pex in the extension handshake: what peers must send it as. */
  static final int UT_PEX_ID = 1;

  /** Our id for ut_metadata: peers that came by magnet link fetch the info from us. */
  static final int UT_METADATA_ID = 2;

  /** Our id for everseed_ws: agents tell each other which piece they fetch from the web seed. */
  static final int WEB_SEED_CLAIM_ID = 3;

  private final Metainfo torrent;
  private final byte[] infoBytes;
  private final int listenPort;
  private final int maxRequestsPerPeer;
  private final KnownPeers known;
  private final WebSeedClaims claims;
  private final List<Peer> peers;
  private final Runnable peersLearned;
  // Weak keys: a peer's allowance goes with the peer.
  private final Map<Peer, PexAllowance> pexAllowances = new WeakHashMap<>();

  /**
   * @param infoBytes the info dictionary exactly as hashed, served by ut_metadata
   * @param peers the session's connected peers (its live list)
   * @param peersLearned called (under the lock) when peer exchange brought addresses
   */
  Extensions(
      AgentConfig config,
      Metainfo torrent,
      byte[] infoBytes,
      int listenPort,
      KnownPeers known,
      WebSeedClaims claims,
      List<Peer> peers,
      Runnable peersLearned) {
    this.torrent = torrent;
    this.infoBytes = infoBytes;
    this.listenPort = listenPort;
    this.maxRequestsPerPeer = config.maxRequestsPerPeer();
    this.known = known;
    this.claims = claims;
    this.peers = peers;
    this.peersLearned = peersLearned;
  }

  /** Sends our extension handshake, to a peer whose BEP 3 handshake announced BEP 10. */
  void sendHandshake(Peer peer) {
    ExtensionHandshake ours =
        new ExtensionHandshake(
            Map.of(
                ExtensionHandshake.UT_PEX,
                UT_PEX_ID,
                ExtensionHandshake.UT_METADATA,
                UT_METADATA_ID,
                WebSeedClaim.EXTENSION,
                WEB_SEED_CLAIM_ID),
            OptionalInt.of(listenPort),
            Optional.of(Version.clientName()),
            OptionalInt.of(UploadScheduler.MAX_QUEUED_UPLOADS),
            OptionalInt.of(infoBytes.length));
    peer.send(new PeerMessage.Extended(0, ours.encode()));
  }

  // extended: <len=0002+X><id=20><extended id: 0 = handshake, else one of ours><payload>
  void onExtended(Peer peer, PeerMessage.Extended message, long now) {
    int id = message.extendedId();
    if (id == 0) {
      onHandshake(peer, message.payload(), now);
    } else if (id == WEB_SEED_CLAIM_ID) {
      int piece = WebSeedClaim.decode(message.payload()).piece();
      if (piece >= torrent.pieceCount()) {
        throw new PeerWireException("piece index " + piece + " out of range");
      }
      claims.claimed(piece, now);
    } else if (id == UT_METADATA_ID && peer.extensions().metadata() != 0) {
      serveMetadata(peer, MetadataMessage.decode(message.payload()));
    } else if (id == UT_PEX_ID && isAuthenticated(peer)) {
      List<PeerAddress> added = PeerExchange.decode(message.payload()).added();
      PexAllowance allowance = pexAllowances.computeIfAbsent(peer, p -> new PexAllowance());
      int taken = known.addExchanged(added, allowance.budget(now), now);
      allowance.took(taken);
      if (taken > 0) {
        peersLearned.run();
      }
    }
  }

  private void onHandshake(Peer peer, byte[] payload, long now) {
    ExtensionHandshake theirs;
    try {
      theirs = ExtensionHandshake.decode(payload);
    } catch (PeerWireException e) {
      // A malformed extension handshake only costs the peer its extensions.
      return;
    }
    peer.extensionsAgreed(
        new PeerExtensions(
            theirs.idOf(ExtensionHandshake.UT_PEX).orElse(0),
            theirs.idOf(ExtensionHandshake.UT_METADATA).orElse(0),
            theirs.idOf(WebSeedClaim.EXTENSION).orElse(0),
            theirs.client().orElse("")),
        theirs.listenPort().orElse(0),
        Math.min(theirs.requestQueueLength().orElse(0), maxRequestsPerPeer));
    if (peer.incoming() && theirs.listenPort().isPresent()) {
      known.connectedFrom(peer.listenAddress(), now);
    }
  }

  // ut_metadata: d8:msg_typei0e5:piecei<n>ee -> d8:msg_typei1e5:piecei<n>e10:total_sizei<s>ee<data>
  private void serveMetadata(Peer peer, MetadataMessage message) {
    if (message.type() != MetadataMessage.REQUEST) {
      return;
    }
    int from = message.piece() * MetadataMessage.PIECE_SIZE;
    MetadataMessage answer =
        from < infoBytes.length
            ? MetadataMessage.data(
                message.piece(),
                infoBytes.length,
                Arrays.copyOfRange(
                    infoBytes, from, Math.min(infoBytes.length, from + MetadataMessage.PIECE_SIZE)))
            : MetadataMessage.reject(message.piece());
    peer.sendExtended(peer.extensions().metadata(), answer.encode());
  }

  /** Tells every agent that enabled everseed_ws that we fetch {@code piece} from the web seed. */
  void claimForWebSeed(int piece) {
    byte[] claim = new WebSeedClaim(piece).encode();
    for (Peer peer : peers) {
      peer.sendExtended(peer.extensions().webSeedClaim(), claim);
    }
  }

  /**
   * Sends each peer that takes peer exchange the connected peers it was not told of yet, and those
   * gone since (at most {@link PeerExchange#MAX_PEERS_PER_LIST} of each).
   */
  void exchangePeers() {
    for (Peer peer : peers) {
      if (peer.extensions().pex() == 0 || !pexSentTo(peer)) {
        continue;
      }
      Set<PeerAddress> current = new HashSet<>();
      for (Peer other : peers) {
        PeerAddress address = other.listenAddress();
        if (other != peer && address != null && current.size() < PeerExchange.MAX_PEERS_PER_LIST) {
          current.add(address);
        }
      }
      List<PeerAddress> added = new ArrayList<>(current);
      added.removeAll(peer.pexSent());
      List<PeerAddress> dropped = new ArrayList<>(peer.pexSent());
      dropped.removeAll(current);
      if (dropped.size() > PeerExchange.MAX_PEERS_PER_LIST) {
        dropped = dropped.subList(0, PeerExchange.MAX_PEERS_PER_LIST);
      }
      if (!added.isEmpty() || !dropped.isEmpty()) {
        peer.sendExtended(peer.extensions().pex(), new PeerExchange(added, dropped).encode());
        peer.pexSent(current);
      }
    }
  }

  /**
   * Whose peer exchange we take: only an authenticated peer's, since its addresses are dialled.
   * Until TLS mutual authentication (issue 14) decides this by the peer's certificate, a peer is
   * authenticated when we dialled it at an address the tracker or the operator gave us; a peer that
   * connected to us, or that we dialled on another peer's word, is not, whatever client name it
   * declares.
   */
  boolean isAuthenticated(Peer peer) {
    return !peer.incoming() && known.isGiven(peer.address());
  }

  /**
   * Whom we tell our peers. BEP 27: a private torrent gets peers from its tracker only, so standard
   * clients are told nothing; Everseed agents tell each other, so a swarm keeps growing while the
   * tracker is down. Telling costs us nothing the peer could abuse against us: what we take is
   * decided by {@link #isAuthenticated}.
   */
  private boolean pexSentTo(Peer peer) {
    return !torrent.isPrivate() || isAuthenticated(peer) || peer.extensions().isEverseed();
  }
}

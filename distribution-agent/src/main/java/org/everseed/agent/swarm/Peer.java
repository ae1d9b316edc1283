package org.everseed.agent.swarm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collections;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.everseed.api.wire.Handshake;
import org.everseed.api.wire.PeerAddress;
import org.everseed.api.wire.PeerIds;
import org.everseed.api.wire.PeerMessage;

/**
 * One connected peer as its torrent sees it: the BEP 3 state of both directions (who chokes whom,
 * who is interested), the pieces it has, the blocks we asked it for, the blocks it asked us for,
 * what its extension handshake agreed, and its wire. State changes go through named methods that
 * also send what the protocol requires (a choke clears its queued uploads, a cancel is sent only
 * for a block still pending). Not thread-safe: guarded by the session's lock, like every swarm
 * part; only the wire is safe to use from any thread.
 */
final class Peer {

  /**
   * Requests we cancelled or dropped (choke, snub) remembered at most: a block for one of them is a
   * late answer, not a block nobody asked for.
   */
  static final int MAX_RECENTLY_DROPPED = 2048;

  /** Without a keep-alive or other message for this long, a peer would drop us. */
  private static final long KEEP_ALIVE_NANOS = TimeUnit.SECONDS.toNanos(90);

  private final PeerWire wire;
  private final byte[] peerId;
  private final boolean fastExtension;
  private final boolean extensionProtocol;
  private final PeerAddress address;
  private final boolean incoming;
  private final BitSet pieces = new BitSet();
  private final Set<Block> pendingRequests = new LinkedHashSet<>();
  private final Set<Block> queuedUploads = new HashSet<>();
  private final Set<Block> recentlyDropped = new LinkedHashSet<>();
  private int unrequestedBlocks;
  private boolean amChoking = true;
  private boolean amInterested;
  private boolean peerChoking = true;
  private boolean peerInterested;
  private boolean snubbed;
  private boolean seed;
  private int maxRequests;
  private int listenPort;
  private PeerExtensions extensions = PeerExtensions.NONE;
  private Set<PeerAddress> pexSent = Set.of();
  private long lastBlockNanos = System.nanoTime();

  /**
   * @param address where the connection goes (outgoing) or comes from (incoming)
   * @param defaultMaxRequests how many requests it takes until its extension handshake says
   */
  Peer(
      PeerWire wire,
      Handshake handshake,
      PeerAddress address,
      boolean incoming,
      int defaultMaxRequests) {
    this.wire = wire;
    this.peerId = handshake.peerId();
    this.fastExtension = handshake.supportsFastExtension();
    this.extensionProtocol = handshake.supportsExtensionProtocol();
    this.address = address;
    this.incoming = incoming;
    this.maxRequests = defaultMaxRequests;
    this.listenPort = incoming ? 0 : address.port();
  }

  // ---------------------------------------------------------------- identity

  PeerAddress address() {
    return address;
  }

  /** Where the peer accepts connections, if known: the outgoing address or its BEP 10 port. */
  PeerAddress listenAddress() {
    return listenPort > 0 ? new PeerAddress(address.address(), listenPort) : null;
  }

  /** The peer id in hex, what bans and strikes are counted by. */
  String peerIdHex() {
    return hex(peerId);
  }

  static String hex(byte[] peerId) {
    return HexFormat.of().formatHex(peerId);
  }

  boolean hasPeerId(byte[] id) {
    return Arrays.equals(peerId, id);
  }

  boolean incoming() {
    return incoming;
  }

  /**
   * Whether the peer proved a fleet identity over TLS; peer exchange on a torrent closed to
   * standard clients happens only with such peers.
   */
  boolean isAuthenticated() {
    return wire.isAuthenticated();
  }

  /** Both sides announced BEP 6 (we always do). */
  boolean fastExtension() {
    return fastExtension;
  }

  boolean supportsExtensionProtocol() {
    return extensionProtocol;
  }

  // ---------------------------------------------------------------- upload side: our choking

  boolean amChoking() {
    return amChoking;
  }

  void unchoke() {
    amChoking = false;
    wire.send(new PeerMessage.Unchoke());
  }

  /** Chokes the peer: what it asked for and we had not sent yet is dropped. */
  void choke() {
    amChoking = true;
    queuedUploads.clear();
    wire.dropQueuedUploads(null);
    wire.send(new PeerMessage.Choke());
  }

  boolean peerInterested() {
    return peerInterested;
  }

  void peerInterested(boolean interested) {
    peerInterested = interested;
  }

  /** Queues the upload of a block it asked for; a block already queued is not queued twice. */
  void queueUpload(Block block) {
    if (queuedUploads.add(block)) {
      wire.queueUpload(block);
    }
  }

  int queuedUploads() {
    return queuedUploads.size();
  }

  /** The peer cancelled a request. */
  void cancelUpload(Block block) {
    queuedUploads.remove(block);
    wire.dropQueuedUploads(block);
  }

  /** Called just before sending a block: takes it off the queue if it may still go. */
  boolean takeUpload(Block block) {
    return !amChoking && queuedUploads.remove(block);
  }

  /** Refuses a request, if the peer understands refusals (BEP 6); others just never get it. */
  void reject(Block block) {
    if (fastExtension) {
      wire.send(new PeerMessage.RejectRequest(block.piece(), block.begin(), block.length()));
    }
  }

  // ---------------------------------------------------------------- download side

  boolean peerChoking() {
    return peerChoking;
  }

  /** The peer choked us: every pending request is void, handed back to the caller. */
  List<Block> chokedUs() {
    peerChoking = true;
    return dropRequests();
  }

  void unchokedUs() {
    peerChoking = false;
  }

  boolean amInterested() {
    return amInterested;
  }

  /** Tells the peer whether we want something it has, when that changed. */
  void interested(boolean interested) {
    if (interested != amInterested) {
      amInterested = interested;
      wire.send(interested ? new PeerMessage.Interested() : new PeerMessage.NotInterested());
    }
  }

  /** The pieces the peer has: a live view, not to be changed. */
  BitSet pieces() {
    return pieces;
  }

  boolean has(int piece) {
    return pieces.get(piece);
  }

  /**
   * Adds a piece the peer announced (have).
   *
   * @return whether it is new
   */
  boolean addPiece(int piece, int pieceCount) {
    if (pieces.get(piece)) {
      return false;
    }
    pieces.set(piece);
    seed = pieces.cardinality() == pieceCount;
    return true;
  }

  /**
   * Adds pieces the peer announced (bitfield, have-all).
   *
   * @return those it did not have before
   */
  BitSet addPieces(BitSet announced, int pieceCount) {
    BitSet added = (BitSet) announced.clone();
    added.andNot(pieces);
    pieces.or(added);
    seed = pieces.cardinality() == pieceCount;
    return added;
  }

  /** It has every piece. */
  boolean isSeed() {
    return seed;
  }

  /** The blocks asked for and not received yet, oldest first: a live view, not to be changed. */
  Set<Block> pendingRequests() {
    return Collections.unmodifiableSet(pendingRequests);
  }

  /** Asks the peer for a block. */
  void request(Block block) {
    pendingRequests.add(block);
    wire.send(new PeerMessage.Request(block.piece(), block.begin(), block.length()));
  }

  /**
   * A requested block arrived or was refused.
   *
   * @return whether it was pending
   */
  boolean requestSettled(Block block) {
    return pendingRequests.remove(block);
  }

  /**
   * A block arrived: whether we asked this peer for it (pending, or cancelled or dropped lately).
   * Settles the request.
   */
  boolean answered(Block block) {
    return pendingRequests.remove(block) || recentlyDropped.remove(block);
  }

  /**
   * Counts a block the peer sent though nobody asked it for that block.
   *
   * @return how many it sent so far
   */
  int unrequestedBlock() {
    return ++unrequestedBlocks;
  }

  private void remember(Block dropped) {
    recentlyDropped.add(dropped);
    if (recentlyDropped.size() > MAX_RECENTLY_DROPPED) {
      recentlyDropped.remove(recentlyDropped.iterator().next());
    }
  }

  /** Cancels a pending request another peer answered first; answers whether it was pending. */
  boolean cancelRequest(Block block) {
    if (!pendingRequests.remove(block)) {
      return false;
    }
    remember(block);
    wire.send(new PeerMessage.Cancel(block.piece(), block.begin(), block.length()));
    return true;
  }

  /** Forgets every pending request and hands them back, so others can be asked. */
  List<Block> dropRequests() {
    List<Block> dropped = new ArrayList<>(pendingRequests);
    pendingRequests.clear();
    dropped.forEach(this::remember);
    return dropped;
  }

  /** Most requests the peer takes at once (its {@code reqq}, within our own cap). */
  int maxRequests() {
    return maxRequests;
  }

  /** A block arrived: the peer is not snubbing us. */
  void blockArrived(long now) {
    lastBlockNanos = now;
    snubbed = false;
  }

  /**
   * Marks the peer snubbed if it owes blocks and sent none for {@code timeoutNanos}: it gets one
   * request at a time until it sends again.
   *
   * @return whether it became snubbed now (its requests should go to others)
   */
  boolean snubIfSilent(long now, long timeoutNanos) {
    if (!snubbed && !pendingRequests.isEmpty() && now - lastBlockNanos > timeoutNanos) {
      snubbed = true;
      return true;
    }
    return false;
  }

  boolean isSnubbed() {
    return snubbed;
  }

  // ---------------------------------------------------------------- extensions (BEP 10)

  PeerExtensions extensions() {
    return extensions;
  }

  /**
   * Takes what the peer's extension handshake said.
   *
   * @param listenPort its BEP 10 {@code p}, 0 if it gave none
   * @param maxRequests its {@code reqq} within our cap, or 0 if it gave none
   */
  void extensionsAgreed(PeerExtensions agreed, int listenPort, int maxRequests) {
    this.extensions = agreed;
    if (maxRequests > 0) {
      this.maxRequests = maxRequests;
    }
    if (incoming && listenPort > 0) {
      this.listenPort = listenPort;
    }
  }

  /** Sends an extension message, if the peer enabled that extension ({@code theirId} not 0). */
  void sendExtended(int theirId, byte[] payload) {
    if (theirId != 0) {
      wire.send(new PeerMessage.Extended(theirId, payload));
    }
  }

  /** The addresses our last peer exchange message to it listed. */
  Set<PeerAddress> pexSent() {
    return pexSent;
  }

  void pexSent(Set<PeerAddress> addresses) {
    pexSent = Set.copyOf(addresses);
  }

  // ---------------------------------------------------------------- wire

  void send(PeerMessage message) {
    wire.send(message);
  }

  /** Sends a keep-alive if nothing went out for a while. */
  void keepAlive(long now) {
    if (now - wire.lastSentNanos() > KEEP_ALIVE_NANOS) {
      wire.send(new PeerMessage.KeepAlive());
    }
  }

  /** Nothing arrived, not even a keep-alive, for {@code timeoutNanos}. */
  boolean silentFor(long now, long timeoutNanos) {
    return now - wire.lastReceivedNanos() > timeoutNanos;
  }

  double downloadRate() {
    return wire.downloadRate();
  }

  double uploadRate() {
    return wire.uploadRate();
  }

  boolean isClosed() {
    return wire.isClosed();
  }

  void close() {
    wire.close();
  }

  @Override
  public String toString() {
    return address + " (" + PeerIds.printable(peerId) + ")";
  }
}

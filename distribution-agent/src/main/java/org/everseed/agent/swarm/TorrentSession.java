package org.everseed.agent.swarm;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.everseed.agent.AgentConfig;
import org.everseed.agent.bandwidth.RateMeter;
import org.everseed.agent.bandwidth.TokenBucket;
import org.everseed.agent.storage.PieceStorage;
import org.everseed.agent.storage.ResumeFile;
import org.everseed.api.Version;
import org.everseed.api.bencode.BencodeEncoder;
import org.everseed.api.metainfo.Metainfo;
import org.everseed.api.tracker.AnnounceEvent;
import org.everseed.api.tracker.AnnounceRequest;
import org.everseed.api.tracker.AnnounceResponse;
import org.everseed.api.wire.ExtensionHandshake;
import org.everseed.api.wire.Handshake;
import org.everseed.api.wire.MetadataMessage;
import org.everseed.api.wire.PeerAddress;
import org.everseed.api.wire.PeerExchange;
import org.everseed.api.wire.PeerMessage;
import org.everseed.api.wire.PeerWireException;
import org.everseed.api.wire.WebSeedClaim;

/**
 * One torrent being downloaded or seeded: its peers, its piece picker, its storage, its tracker
 * announces and its web seeds. Peer threads call in with what they read; a scheduler runs the
 * periodic work (timeouts, choking, announces, peer exchange, resume saves). Shared state is
 * guarded by this object's monitor; hashing, disk writes and network calls happen outside it.
 */
public final class TorrentSession {

  /** Our id for ut_pex in the extension handshake: what peers must send it as. */
  static final int UT_PEX_ID = 1;

  /** Our id for ut_metadata (BEP 9): peers that came by magnet link fetch the info from us. */
  static final int UT_METADATA_ID = 2;

  /** Our id for everseed_ws: agents tell each other which piece they fetch from the web seed. */
  static final int WEB_SEED_CLAIM_ID = 3;

  /** How long a peer's web seed claim keeps us off that piece: a few piece fetches' time. */
  private static final long CLAIM_NANOS = TimeUnit.SECONDS.toNanos(10);

  private static final int MAX_QUEUED_UPLOADS = 2048;
  private static final int REQUEST_BATCH = 16;

  /**
   * Started pieces wait in memory until verified; this caps that memory per torrent (16 pieces of
   * 16 MiB, or 256 of 1 MiB), with a floor so small pieces never starve the pipeline.
   */
  private static final long PIECE_BUFFER_BUDGET = 256L << 20;

  private static final int MIN_STARTED_PIECES = 16;
  private static final long KEEP_ALIVE_NANOS = TimeUnit.SECONDS.toNanos(90);
  private static final long RECONNECT_BACKOFF_NANOS = TimeUnit.SECONDS.toNanos(10);

  /** Where the session is in its life. */
  public enum State {
    CHECKING,
    DOWNLOADING,
    SEEDING,
    STOPPED
  }

  /** A piece whose blocks are arriving, kept in memory until it is verified. */
  private static final class PieceBuffer {
    final byte[] data;
    final Set<PeerConnection> contributors = new HashSet<>();

    PieceBuffer(int size) {
      data = new byte[size];
    }
  }

  private final SwarmContext context;
  private final AgentConfig config;
  private final Metainfo torrent;
  private final ResumeFile resume;
  private final SessionListener listener;
  private final PiecePicker picker;
  private final Choker<PeerConnection> choker;
  private final byte[] infoBytes;
  private final Random random = new Random();
  private volatile PieceStorage storage;
  private volatile State state = State.CHECKING;

  private final List<PeerConnection> peers = new ArrayList<>();
  private final Map<PeerAddress, Long> knownPeers = new HashMap<>();
  private final Set<PeerAddress> connecting = new HashSet<>();
  private final Set<String> bannedPeerIds = new HashSet<>();
  private final Set<PeerAddress> bannedAddresses = new HashSet<>();
  private final Map<String, Integer> strikes = new HashMap<>();
  private final Map<Integer, PieceBuffer> buffers = new HashMap<>();
  private final Map<Integer, Long> claimedByPeers = new HashMap<>();
  private final List<Future<?>> tasks = new ArrayList<>();
  private final AtomicLong fromPeers = new AtomicLong();
  private final AtomicLong fromWebSeed = new AtomicLong();
  private final AtomicLong uploaded = new AtomicLong();
  private final AtomicLong hashFailures = new AtomicLong();
  private final RateMeter downloadRate = RateMeter.fiveSeconds();
  private final RateMeter uploadRate = RateMeter.fiveSeconds();
  private final CompletableFuture<TorrentSession> completion = new CompletableFuture<>();
  private boolean resumeDirty;
  private long lastResumeSave = System.nanoTime();

  public TorrentSession(
      SwarmContext context,
      Metainfo torrent,
      PieceStorage storage,
      ResumeFile resume,
      SessionListener listener) {
    this.context = context;
    this.config = context.config();
    this.torrent = torrent;
    this.storage = storage;
    this.resume = resume;
    this.listener = listener;
    this.picker =
        new PiecePicker(
            torrent.pieceCount(),
            torrent.pieceLength(),
            torrent.totalLength(),
            AgentConfig.BLOCK_SIZE,
            config.randomFirstPieces(),
            random,
            (int) Math.max(MIN_STARTED_PIECES, PIECE_BUFFER_BUDGET / torrent.pieceLength()));
    this.choker = new Choker<>(config.uploadSlots(), config.optimisticUnchokeRounds(), random);
    // The decoder accepts canonical bencode only, so re-encoding gives the exact info bytes.
    this.infoBytes = BencodeEncoder.encode(torrent.info());
  }

  public Metainfo torrent() {
    return torrent;
  }

  public State state() {
    return state;
  }

  PieceStorage storage() {
    return storage;
  }

  boolean fastExtension() {
    return true;
  }

  TokenBucket bandwidthForDownload() {
    return context.downloadBucket();
  }

  TokenBucket bandwidthForUpload() {
    return context.uploadBucket();
  }

  /** Completes when every piece is verified on disk. */
  public CompletableFuture<TorrentSession> completion() {
    return completion;
  }

  // ---------------------------------------------------------------- life cycle

  /**
   * Checks the data already on disk, then starts talking to the tracker, peers and web seeds.
   *
   * @param checkAll hash every piece (seeding existing data) rather than only the pieces the resume
   *     file claims
   */
  public void start(boolean checkAll) throws IOException, InterruptedException {
    BitSet claimed;
    if (checkAll) {
      claimed = new BitSet();
      claimed.set(0, torrent.pieceCount());
    } else {
      claimed =
          resume == null
              ? new BitSet()
              : resume.read(torrent.infoHash(), torrent.pieceCount()).orElse(new BitSet());
    }
    BitSet verified = verifyOnDisk(claimed);
    synchronized (this) {
      verified.stream().forEach(picker::markHave);
    }
    log(
        "checked data: "
            + verified.cardinality()
            + " of "
            + torrent.pieceCount()
            + " pieces verified");
    boolean complete;
    synchronized (this) {
      complete = picker.isComplete();
      state = complete ? State.SEEDING : State.DOWNLOADING;
    }
    if (resume != null) {
      saveResume();
    }
    schedule(this::tick, 1000);
    schedule(this::chokeRound, config.chokeInterval().toMillis());
    schedule(this::exchangePeers, config.peerExchangeInterval().toMillis());
    context.io().execute(() -> announceLoop(AnnounceEvent.STARTED));
    if (!complete) {
      startWebSeeds();
    } else {
      finish();
    }
  }

  private void schedule(Runnable task, long periodMillis) {
    Runnable guarded =
        () -> {
          try {
            task.run();
          } catch (RuntimeException e) {
            log("periodic task failed: " + e);
          }
        };
    synchronized (this) {
      tasks.add(
          context
              .scheduler()
              .scheduleWithFixedDelay(guarded, periodMillis, periodMillis, TimeUnit.MILLISECONDS));
    }
  }

  /** Stops every peer and task, tells the tracker, saves the resume file and closes storage. */
  public void stop() {
    List<PeerConnection> toClose;
    synchronized (this) {
      if (state == State.STOPPED) {
        return;
      }
      state = State.STOPPED;
      tasks.forEach(task -> task.cancel(false));
      toClose = new ArrayList<>(peers);
    }
    toClose.forEach(PeerConnection::close);
    announceOnce(AnnounceEvent.STOPPED);
    try {
      if (resume != null) {
        saveResume();
      }
      storage.close();
    } catch (IOException e) {
      log("closing storage failed: " + e);
    }
    completion.completeExceptionally(new IllegalStateException("session stopped"));
  }

  /**
   * Moves the finished data with {@code move} (e.g. an atomic rename from staging into the target
   * folder), then seeds from the new place. Uploads pause while the storage is swapped.
   */
  public void relocate(StorageMove move) throws IOException {
    PieceStorage old = storage;
    synchronized (this) {
      storage.flush();
      storage = move.moveAndReopen(old);
    }
    // Uploads already sending from the old files finish before those are closed.
    context.scheduler().schedule(() -> closeQuietly(old), 5, TimeUnit.SECONDS);
  }

  /** Moves data and opens it again at the new place. */
  @FunctionalInterface
  public interface StorageMove {
    PieceStorage moveAndReopen(PieceStorage current) throws IOException;
  }

  private void closeQuietly(PieceStorage old) {
    try {
      old.close();
    } catch (IOException e) {
      log("closing moved storage failed: " + e);
    }
  }

  // ---------------------------------------------------------------- verification

  private BitSet verifyOnDisk(BitSet claimed) throws InterruptedException {
    BitSet verified = new BitSet();
    List<Future<Boolean>> checks = new ArrayList<>();
    List<Integer> order = new ArrayList<>();
    claimed.stream()
        .filter(piece -> piece < torrent.pieceCount())
        .forEach(
            piece -> {
              order.add(piece);
              checks.add(context.hashing().submit(() -> pieceOnDiskMatches(piece)));
            });
    for (int i = 0; i < checks.size(); i++) {
      try {
        if (checks.get(i).get()) {
          verified.set(order.get(i));
        }
      } catch (ExecutionException e) {
        // An unreadable piece is simply not verified and is fetched again.
      }
    }
    return verified;
  }

  private boolean pieceOnDiskMatches(int piece) throws IOException {
    ByteBuffer data = ByteBuffer.allocate(torrent.pieceSize(piece));
    storage.read(piece, 0, data);
    return torrent.pieceHashEquals(piece, sha1(data.array()));
  }

  private static byte[] sha1(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-1").digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime provides SHA-1", e);
    }
  }

  private void verifyAndStore(
      int piece, byte[] data, Set<PeerConnection> contributors, boolean webSeed) {
    boolean good = torrent.pieceHashEquals(piece, sha1(data));
    if (good) {
      try {
        synchronized (this) {
          if (picker.has(piece)) {
            return;
          }
        }
        storage.writePiece(piece, ByteBuffer.wrap(data));
      } catch (IOException e) {
        log("writing piece " + piece + " failed: " + e);
        synchronized (this) {
          picker.pieceAbandoned(piece);
        }
        return;
      }
      pieceVerified(piece);
    } else {
      pieceFailedHash(piece, contributors, webSeed);
    }
  }

  private void pieceVerified(int piece) {
    boolean nowComplete;
    synchronized (this) {
      if (picker.has(piece)) {
        return;
      }
      picker.markHave(piece);
      buffers.remove(piece);
      resumeDirty = true;
      PeerMessage have = new PeerMessage.Have(piece);
      for (PeerConnection peer : peers) {
        if (!peer.pieces.get(piece)) {
          peer.send(have);
        }
        updateInterest(peer);
      }
      nowComplete = picker.isComplete() && state == State.DOWNLOADING;
      if (nowComplete) {
        state = State.SEEDING;
      }
    }
    if (nowComplete) {
      finish();
    }
  }

  private void pieceFailedHash(int piece, Set<PeerConnection> contributors, boolean webSeed) {
    hashFailures.incrementAndGet();
    List<PeerConnection> toBan = new ArrayList<>();
    synchronized (this) {
      picker.pieceFailed(piece);
      buffers.remove(piece);
      // With several contributors the culprit is unknown; the piece's parole settles it.
      for (PeerConnection peer :
          contributors.size() == 1 ? contributors : Set.<PeerConnection>of()) {
        String id = HexFormat.of().formatHex(peer.remote().peerId());
        int count = strikes.merge(id, 1, Integer::sum);
        if (count >= config.badPiecesBeforeBan() && bannedPeerIds.add(id)) {
          Optional.ofNullable(peer.listenAddress()).ifPresent(bannedAddresses::add);
          toBan.add(peer);
        }
      }
    }
    log("piece " + piece + " failed its hash check" + (webSeed ? " (from the web seed)" : ""));
    for (PeerConnection peer : toBan) {
      log("banning " + peer + " after repeated bad pieces");
      peer.close();
    }
  }

  private void finish() {
    try {
      storage.flush();
      if (resume != null) {
        saveResume();
      }
    } catch (IOException e) {
      log("flushing finished data failed: " + e);
    }
    List<PeerConnection> seeds = new ArrayList<>();
    synchronized (this) {
      for (PeerConnection peer : peers) {
        updateInterest(peer);
        if (peer.isSeed) {
          seeds.add(peer);
        }
      }
    }
    seeds.forEach(PeerConnection::close);
    log("download complete");
    context.io().execute(() -> announceOnce(AnnounceEvent.COMPLETED));
    context
        .io()
        .execute(
            () -> {
              listener.completed(this);
              completion.complete(this);
            });
  }

  private void saveResume() {
    BitSet have;
    synchronized (this) {
      have = picker.haveSet();
      resumeDirty = false;
      lastResumeSave = System.nanoTime();
    }
    try {
      // Data first, then the claim: a resume file never names a piece that is not on disk.
      storage.flush();
      resume.write(torrent.infoHash(), torrent.pieceCount(), have);
    } catch (IOException e) {
      log("saving the resume file failed: " + e);
    }
  }

  // ---------------------------------------------------------------- connections

  /** Adds peers from a tracker, peer exchange or the command line, and connects to some. */
  public void addPeers(List<PeerAddress> addresses) {
    synchronized (this) {
      for (PeerAddress address : addresses) {
        if (!isSelf(address) && !bannedAddresses.contains(address)) {
          knownPeers.putIfAbsent(address, 0L);
        }
      }
    }
    connectMore();
  }

  private boolean isSelf(PeerAddress address) {
    if (address.port() != context.listenPort()) {
      return false;
    }
    InetAddress ip = address.address();
    if (ip.isLoopbackAddress() || ip.isAnyLocalAddress()) {
      return true;
    }
    try {
      return NetworkInterface.getByInetAddress(ip) != null;
    } catch (SocketException e) {
      return false;
    }
  }

  private void connectMore() {
    List<PeerAddress> toConnect = new ArrayList<>();
    synchronized (this) {
      if (state == State.STOPPED || state == State.CHECKING) {
        return;
      }
      Set<PeerAddress> connected = new HashSet<>();
      for (PeerConnection peer : peers) {
        Optional.ofNullable(peer.listenAddress()).ifPresent(connected::add);
      }
      int free = config.maxPeersPerTorrent() - peers.size() - connecting.size();
      long now = System.nanoTime();
      List<PeerAddress> candidates = new ArrayList<>(knownPeers.keySet());
      Collections.shuffle(candidates, random);
      for (PeerAddress address : candidates) {
        if (free <= 0) {
          break;
        }
        if (connected.contains(address)
            || connecting.contains(address)
            || bannedAddresses.contains(address)
            || knownPeers.get(address) > now) {
          continue;
        }
        // A seed has no use for other seeds; they connect to us if they want data.
        if (picker.isComplete() && state == State.SEEDING && connected.size() > 0) {
          continue;
        }
        connecting.add(address);
        knownPeers.put(address, now + RECONNECT_BACKOFF_NANOS);
        toConnect.add(address);
        free--;
      }
    }
    for (PeerAddress address : toConnect) {
      context.io().execute(() -> connect(address));
    }
  }

  private void connect(PeerAddress address) {
    SocketChannel channel = null;
    try {
      channel = SocketChannel.open();
      channel.socket().connect(address.toSocketAddress(), (int) config.connectTimeout().toMillis());
      configure(channel);
      Handshake remote = exchangeHandshakes(channel, true);
      if (!attach(channel, remote, address, false)) {
        channel.close();
      }
    } catch (IOException | PeerWireException e) {
      closeQuietly(channel);
    } finally {
      synchronized (this) {
        connecting.remove(address);
      }
    }
  }

  static void configure(SocketChannel channel) throws IOException {
    channel.socket().setTcpNoDelay(true);
    channel.socket().setKeepAlive(true);
  }

  /** Sends our handshake and reads theirs, bounded by the connect timeout. */
  private Handshake exchangeHandshakes(SocketChannel channel, boolean weSpeakFirst)
      throws IOException {
    ScheduledFuture<?> deadline =
        context
            .scheduler()
            .schedule(
                () -> closeQuietly(channel),
                config.connectTimeout().toMillis(),
                TimeUnit.MILLISECONDS);
    try {
      if (weSpeakFirst) {
        writeFully(channel, ourHandshake());
      }
      ByteBuffer buffer = ByteBuffer.allocate(Handshake.LENGTH);
      while (buffer.hasRemaining()) {
        if (channel.read(buffer) < 0) {
          throw new IOException("peer closed during the handshake");
        }
      }
      Handshake remote = Handshake.decode(buffer.array());
      if (!remote.infoHash().equals(torrent.infoHash())) {
        throw new IOException("peer wants another torrent");
      }
      if (Arrays.equals(remote.peerId(), context.peerId())) {
        throw new IOException("connected to ourselves");
      }
      if (!weSpeakFirst) {
        writeFully(channel, ourHandshake());
      }
      return remote;
    } finally {
      deadline.cancel(false);
    }
  }

  private byte[] ourHandshake() {
    return Handshake.of(torrent.infoHash(), context.peerId(), fastExtension()).encode();
  }

  private static void writeFully(SocketChannel channel, byte[] bytes) throws IOException {
    ByteBuffer buffer = ByteBuffer.wrap(bytes);
    while (buffer.hasRemaining()) {
      channel.write(buffer);
    }
  }

  private static void closeQuietly(SocketChannel channel) {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException ignored) {
        // Nothing more can be done with a socket that will not close.
      }
    }
  }

  /**
   * Takes an incoming connection whose handshake named this torrent: answers it and starts the
   * peer. Called by the agent's listener.
   */
  public void acceptIncoming(SocketChannel channel, Handshake remote) {
    try {
      if (Arrays.equals(remote.peerId(), context.peerId())) {
        channel.close();
        return;
      }
      writeFully(channel, ourHandshake());
      InetSocketAddress address = (InetSocketAddress) channel.getRemoteAddress();
      if (!attach(channel, remote, PeerAddress.of(address), true)) {
        channel.close();
      }
    } catch (IOException e) {
      closeQuietly(channel);
    }
  }

  private boolean attach(
      SocketChannel channel, Handshake remote, PeerAddress address, boolean incoming)
      throws IOException {
    PeerConnection peer;
    synchronized (this) {
      String id = HexFormat.of().formatHex(remote.peerId());
      if (state == State.STOPPED
          || state == State.CHECKING
          || bannedPeerIds.contains(id)
          || peers.size() >= config.maxPeersPerTorrent()
          || peers.stream().anyMatch(p -> Arrays.equals(p.remote().peerId(), remote.peerId()))) {
        return false;
      }
      peer =
          new PeerConnection(
              this, channel, remote, address, incoming, config.minRequestsPerPeer() * 8);
      peers.add(peer);
      if (remote.supportsExtensionProtocol()) {
        peer.send(
            new PeerMessage.Extended(
                0,
                new ExtensionHandshake(
                        Map.of(
                            ExtensionHandshake.UT_PEX,
                            UT_PEX_ID,
                            ExtensionHandshake.UT_METADATA,
                            UT_METADATA_ID,
                            WebSeedClaim.EXTENSION,
                            WEB_SEED_CLAIM_ID),
                        OptionalInt.of(context.listenPort()),
                        Optional.of(Version.clientName()),
                        OptionalInt.of(MAX_QUEUED_UPLOADS),
                        OptionalInt.of(infoBytes.length))
                    .encode()));
      }
      int have = picker.haveCount();
      if (peer.fastExtension() && have == torrent.pieceCount()) {
        peer.send(new PeerMessage.HaveAll());
      } else if (peer.fastExtension() && have == 0) {
        peer.send(new PeerMessage.HaveNone());
      } else if (have > 0) {
        peer.send(new PeerMessage.Bitfield(bitfieldBytes(picker.haveSet())));
      }
    }
    peer.start(context.io());
    return true;
  }

  private byte[] bitfieldBytes(BitSet pieces) {
    byte[] bits = new byte[PeerMessage.Bitfield.lengthFor(torrent.pieceCount())];
    pieces.stream().forEach(piece -> bits[piece >>> 3] |= (byte) (0x80 >>> (piece & 7)));
    return bits;
  }

  void peerClosed(PeerConnection peer) {
    synchronized (this) {
      if (!peers.remove(peer)) {
        return;
      }
      picker.peerGone(peer.pieces);
      picker.releaseOwner(peer);
      peer.pendingRequests.forEach(picker::requestDropped);
      peer.pendingRequests.clear();
      PeerAddress listen = peer.listenAddress();
      if (listen != null && knownPeers.containsKey(listen)) {
        knownPeers.put(listen, System.nanoTime() + RECONNECT_BACKOFF_NANOS);
      }
    }
  }

  // ---------------------------------------------------------------- messages

  void onMessage(PeerConnection peer, PeerMessage message) {
    if (message instanceof PeerMessage.KeepAlive) {
      return;
    }
    synchronized (this) {
      if (message instanceof PeerMessage.Choke) {
        peer.peerChoking = true;
        peer.pendingRequests.forEach(picker::requestDropped);
        peer.pendingRequests.clear();
      } else if (message instanceof PeerMessage.Unchoke) {
        peer.peerChoking = false;
        fillRequests(peer);
      } else if (message instanceof PeerMessage.Interested) {
        peer.peerInterested = true;
        long unchoked = peers.stream().filter(p -> !p.amChoking).count();
        if (peer.amChoking && unchoked <= config.uploadSlots()) {
          unchoke(peer);
        }
      } else if (message instanceof PeerMessage.NotInterested) {
        peer.peerInterested = false;
      } else if (message instanceof PeerMessage.Have have) {
        checkIndex(have.pieceIndex());
        if (!peer.pieces.get(have.pieceIndex())) {
          peer.pieces.set(have.pieceIndex());
          picker.peerHas(have.pieceIndex());
          peerPiecesChanged(peer);
        }
      } else if (message instanceof PeerMessage.Bitfield bitfield) {
        if (bitfield.bits().length != PeerMessage.Bitfield.lengthFor(torrent.pieceCount())) {
          throw new PeerWireException("bitfield of the wrong length");
        }
        BitSet added = new BitSet();
        for (int piece = 0; piece < torrent.pieceCount(); piece++) {
          if (bitfield.has(piece) && !peer.pieces.get(piece)) {
            added.set(piece);
          }
        }
        peer.pieces.or(added);
        picker.peerHasAll(added);
        peerPiecesChanged(peer);
      } else if (message instanceof PeerMessage.HaveAll) {
        BitSet added = new BitSet();
        added.set(0, torrent.pieceCount());
        added.andNot(peer.pieces);
        peer.pieces.or(added);
        picker.peerHasAll(added);
        peerPiecesChanged(peer);
      } else if (message instanceof PeerMessage.Request request) {
        onRequest(peer, new Block(request.pieceIndex(), request.begin(), request.length()));
      } else if (message instanceof PeerMessage.Cancel cancel) {
        Block block = new Block(cancel.pieceIndex(), cancel.begin(), cancel.length());
        peer.queuedUploads.remove(block);
        peer.dropQueuedUploads(block);
      } else if (message instanceof PeerMessage.RejectRequest reject) {
        Block block = new Block(reject.pieceIndex(), reject.begin(), reject.length());
        if (peer.pendingRequests.remove(block)) {
          picker.requestDropped(block);
        }
      } else if (message instanceof PeerMessage.Extended extended) {
        onExtended(peer, extended);
      } else if (message instanceof PeerMessage.Piece) {
        throw new PeerWireException("piece messages are read as blocks");
      }
      // Have-none, suggest, allowed-fast and the DHT port need no action here.
    }
  }

  private void checkIndex(int piece) {
    if (piece >= torrent.pieceCount()) {
      throw new PeerWireException("piece index " + piece + " out of range");
    }
  }

  private void peerPiecesChanged(PeerConnection peer) {
    peer.isSeed = peer.pieces.cardinality() == torrent.pieceCount();
    updateInterest(peer);
    fillRequests(peer);
  }

  private void updateInterest(PeerConnection peer) {
    boolean interested = state == State.DOWNLOADING && picker.isInterestedIn(peer.pieces);
    if (interested != peer.amInterested) {
      peer.amInterested = interested;
      peer.send(interested ? new PeerMessage.Interested() : new PeerMessage.NotInterested());
    }
  }

  private void onRequest(PeerConnection peer, Block block) {
    checkIndex(block.piece());
    boolean valid =
        block.length() > 0
            && block.length() <= 128 * 1024
            && (long) block.begin() + block.length() <= torrent.pieceSize(block.piece());
    if (!valid) {
      throw new PeerWireException("request for " + block + " is outside the piece");
    }
    if (peer.amChoking
        || !picker.has(block.piece())
        || peer.queuedUploads.size() >= MAX_QUEUED_UPLOADS) {
      if (peer.fastExtension()) {
        peer.send(new PeerMessage.RejectRequest(block.piece(), block.begin(), block.length()));
      }
      return;
    }
    if (peer.queuedUploads.add(block)) {
      peer.queueUpload(block);
    }
  }

  /** Called by the writer just before it sends a block: false if it was cancelled or choked. */
  synchronized boolean uploadAllowed(PeerConnection peer, Block block) {
    return !peer.amChoking && peer.queuedUploads.remove(block);
  }

  void uploaded(PeerConnection peer, Block block) {
    uploaded.addAndGet(block.length());
    uploadRate.add(block.length());
  }

  private void onExtended(PeerConnection peer, PeerMessage.Extended extended) {
    if (extended.extendedId() == 0) {
      ExtensionHandshake handshake;
      try {
        handshake = ExtensionHandshake.decode(extended.payload());
      } catch (PeerWireException e) {
        // A malformed extension handshake only costs the peer its extensions.
        return;
      }
      peer.pexMessageId = handshake.idOf(ExtensionHandshake.UT_PEX).orElse(0);
      peer.metadataMessageId = handshake.idOf(ExtensionHandshake.UT_METADATA).orElse(0);
      peer.webSeedClaimId = handshake.idOf(WebSeedClaim.EXTENSION).orElse(0);
      peer.client = handshake.client().orElse("");
      handshake
          .requestQueueLength()
          .ifPresent(length -> peer.maxRequests = Math.min(length, config.maxRequestsPerPeer()));
      if (peer.incoming() && handshake.listenPort().isPresent()) {
        peer.listenPort = handshake.listenPort().getAsInt();
        knownPeers.put(peer.listenAddress(), System.nanoTime() + RECONNECT_BACKOFF_NANOS);
      }
    } else if (extended.extendedId() == WEB_SEED_CLAIM_ID) {
      int piece = WebSeedClaim.decode(extended.payload()).piece();
      checkIndex(piece);
      claimedByPeers.put(piece, System.nanoTime() + CLAIM_NANOS);
    } else if (extended.extendedId() == UT_METADATA_ID && peer.metadataMessageId != 0) {
      MetadataMessage message = MetadataMessage.decode(extended.payload());
      if (message.type() == MetadataMessage.REQUEST) {
        int from = message.piece() * MetadataMessage.PIECE_SIZE;
        MetadataMessage answer =
            from < infoBytes.length
                ? MetadataMessage.data(
                    message.piece(),
                    infoBytes.length,
                    Arrays.copyOfRange(
                        infoBytes,
                        from,
                        Math.min(infoBytes.length, from + MetadataMessage.PIECE_SIZE)))
                : MetadataMessage.reject(message.piece());
        peer.send(new PeerMessage.Extended(peer.metadataMessageId, answer.encode()));
      }
    } else if (extended.extendedId() == UT_PEX_ID && pexAllowed(peer)) {
      PeerExchange exchange = PeerExchange.decode(extended.payload());
      long now = System.nanoTime();
      for (PeerAddress address : exchange.added()) {
        if (!isSelf(address) && !bannedAddresses.contains(address)) {
          knownPeers.putIfAbsent(address, now);
        }
      }
      context.io().execute(this::connectMore);
    }
  }

  /**
   * BEP 27: a private torrent gets peers from its tracker only, so standard clients never exchange
   * them. Everseed agents do among themselves, so a swarm keeps growing while the tracker is down;
   * they all belong to the same company.
   */
  private boolean pexAllowed(PeerConnection peer) {
    return !torrent.isPrivate() || peer.client.startsWith(Version.PRODUCT);
  }

  void onBlock(PeerConnection peer, int piece, int begin, ByteBuffer block) {
    int length = block.remaining();
    fromPeers.addAndGet(length);
    downloadRate.add(length);
    byte[] completed = null;
    Set<PeerConnection> contributors = null;
    synchronized (this) {
      checkIndex(piece);
      Block expected = picker.block(piece, begin / AgentConfig.BLOCK_SIZE);
      Block received = new Block(piece, begin, length);
      peer.pendingRequests.remove(received);
      peer.lastBlockNanos = System.nanoTime();
      peer.snubbed = false;
      if (expected.equals(received) && !picker.has(piece) && picker.blockReceived(received)) {
        PieceBuffer buffer =
            buffers.computeIfAbsent(piece, index -> new PieceBuffer(torrent.pieceSize(index)));
        block.get(buffer.data, begin, length);
        buffer.contributors.add(peer);
        for (PeerConnection other : peers) {
          if (other != peer && other.pendingRequests.remove(received)) {
            other.send(new PeerMessage.Cancel(piece, begin, length));
          }
        }
        if (picker.isFullyReceived(piece)) {
          buffers.remove(piece);
          completed = buffer.data;
          contributors = buffer.contributors;
        }
      }
      fillRequests(peer);
    }
    if (completed != null) {
      byte[] data = completed;
      Set<PeerConnection> from = contributors;
      context.hashing().execute(() -> verifyAndStore(piece, data, from, false));
    }
  }

  private void fillRequests(PeerConnection peer) {
    if (peer.peerChoking || !peer.amInterested || peer.isClosed() || state != State.DOWNLOADING) {
      return;
    }
    int target;
    if (peer.snubbed) {
      target = 1;
    } else {
      double blocksPerQueueTime =
          peer.downloadRate.rate()
              * config.requestQueueTime().toNanos()
              / 1e9
              / AgentConfig.BLOCK_SIZE;
      target =
          (int)
              Math.min(
                  Math.min(peer.maxRequests, config.maxRequestsPerPeer()),
                  Math.max(config.minRequestsPerPeer(), blocksPerQueueTime));
    }
    int wanted = target - peer.pendingRequests.size();
    // Top the queue up in batches: one write of many requests rather than a wakeup per block.
    if (wanted <= 0 || (wanted < REQUEST_BATCH && wanted < target / 2)) {
      return;
    }
    for (Block block : picker.pick(peer.pieces, wanted, peer.pendingRequests, peer)) {
      peer.pendingRequests.add(block);
      peer.send(new PeerMessage.Request(block.piece(), block.begin(), block.length()));
    }
  }

  private void unchoke(PeerConnection peer) {
    peer.amChoking = false;
    peer.send(new PeerMessage.Unchoke());
  }

  private void choke(PeerConnection peer) {
    peer.amChoking = true;
    peer.queuedUploads.clear();
    peer.dropQueuedUploads(null);
    peer.send(new PeerMessage.Choke());
  }

  // ---------------------------------------------------------------- periodic work

  private void tick() {
    long now = System.nanoTime();
    List<PeerConnection> idle = new ArrayList<>();
    boolean saveResume;
    synchronized (this) {
      for (PeerConnection peer : peers) {
        if (now - peer.lastReceivedNanos > config.idleTimeout().toNanos()) {
          idle.add(peer);
          continue;
        }
        if (!peer.pendingRequests.isEmpty()
            && now - peer.lastBlockNanos > config.snubTimeout().toNanos()
            && !peer.snubbed) {
          peer.snubbed = true;
          peer.pendingRequests.forEach(picker::requestDropped);
          peer.pendingRequests.clear();
        }
        if (now - peer.lastSentNanos > KEEP_ALIVE_NANOS) {
          peer.send(new PeerMessage.KeepAlive());
        }
        fillRequests(peer);
      }
      saveResume =
          resume != null
              && resumeDirty
              && now - lastResumeSave > config.resumeSaveInterval().toNanos();
    }
    idle.forEach(PeerConnection::close);
    connectMore();
    if (saveResume) {
      saveResume();
    }
  }

  private synchronized void chokeRound() {
    boolean seeding = state == State.SEEDING;
    List<Choker.Candidate<PeerConnection>> candidates = new ArrayList<>();
    for (PeerConnection peer : peers) {
      double rate = seeding ? peer.uploadRate.rate() : peer.downloadRate.rate();
      candidates.add(new Choker.Candidate<>(peer, peer.peerInterested, rate));
    }
    Set<PeerConnection> unchoked = choker.decide(candidates).unchoked();
    for (PeerConnection peer : peers) {
      if (unchoked.contains(peer) && peer.amChoking) {
        unchoke(peer);
      } else if (!unchoked.contains(peer) && !peer.amChoking) {
        choke(peer);
      }
    }
  }

  private void exchangePeers() {
    synchronized (this) {
      for (PeerConnection peer : peers) {
        if (peer.pexMessageId == 0 || !pexAllowed(peer)) {
          continue;
        }
        Set<PeerAddress> current = new HashSet<>();
        for (PeerConnection other : peers) {
          PeerAddress address = other.listenAddress();
          if (other != peer
              && address != null
              && current.size() < PeerExchange.MAX_PEERS_PER_LIST) {
            current.add(address);
          }
        }
        List<PeerAddress> added = new ArrayList<>(current);
        added.removeAll(peer.pexSent);
        List<PeerAddress> dropped = new ArrayList<>(peer.pexSent);
        dropped.removeAll(current);
        if (dropped.size() > PeerExchange.MAX_PEERS_PER_LIST) {
          dropped = dropped.subList(0, PeerExchange.MAX_PEERS_PER_LIST);
        }
        if (!added.isEmpty() || !dropped.isEmpty()) {
          peer.send(
              new PeerMessage.Extended(
                  peer.pexMessageId, new PeerExchange(added, dropped).encode()));
          peer.pexSent = current;
        }
      }
    }
  }

  // ---------------------------------------------------------------- tracker

  private void announceLoop(AnnounceEvent event) {
    if (state == State.STOPPED) {
      return;
    }
    Optional<AnnounceResponse> response = announceOnce(event);
    long delayMillis;
    synchronized (this) {
      boolean starving = peers.isEmpty() && state == State.DOWNLOADING;
      long interval =
          response
              .map(r -> r.interval().toMillis())
              .orElse(config.minAnnounceInterval().toMillis());
      delayMillis =
          starving
              ? config.minAnnounceInterval().toMillis()
              : Math.min(interval, config.maxAnnounceInterval().toMillis());
      if (state != State.STOPPED) {
        tasks.add(
            context
                .scheduler()
                .schedule(
                    () -> context.io().execute(() -> announceLoop(AnnounceEvent.NONE)),
                    Math.max(1000, delayMillis),
                    TimeUnit.MILLISECONDS));
      }
    }
  }

  private Optional<AnnounceResponse> announceOnce(AnnounceEvent event) {
    for (String tracker : torrent.trackers()) {
      AnnounceRequest request;
      synchronized (this) {
        long left = torrent.totalLength() - verifiedBytes();
        request =
            AnnounceRequest.of(
                torrent.infoHash(),
                context.peerId(),
                context.listenPort(),
                uploaded.get(),
                fromPeers.get() + fromWebSeed.get(),
                left,
                event,
                event == AnnounceEvent.STOPPED ? 0 : 50);
      }
      try {
        AnnounceResponse response = context.tracker().announce(tracker, request);
        if (response.failureReason().isPresent()) {
          log("tracker " + tracker + " refused: " + response.failureReason().get());
          continue;
        }
        if (event != AnnounceEvent.STOPPED) {
          addPeers(response.peers());
        }
        return Optional.of(response);
      } catch (IOException e) {
        log("announce failed: " + e.getMessage());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  private long verifiedBytes() {
    long bytes = 0;
    BitSet have = picker.haveSet();
    for (int piece = have.nextSetBit(0); piece >= 0; piece = have.nextSetBit(piece + 1)) {
      bytes += torrent.pieceSize(piece);
    }
    return bytes;
  }

  // ---------------------------------------------------------------- web seeds

  private void startWebSeeds() {
    List<String> urls = torrent.webSeeds();
    if (urls.isEmpty() || context.webSeeds() == null) {
      return;
    }
    for (int i = 0; i < config.webSeedConnections(); i++) {
      String url = urls.get(i % urls.size());
      context
          .scheduler()
          .schedule(
              () -> context.io().execute(() -> webSeedLoop(url)),
              config.webSeedDelay().toMillis(),
              TimeUnit.MILLISECONDS);
    }
  }

  /**
   * Fetches, one at a time, pieces that no connected peer has, so the web seed sends each piece
   * about once to the whole swarm while peers trade the rest among themselves.
   */
  private void webSeedLoop(String url) {
    Thread.currentThread().setName("webseed " + torrent.name());
    long backoffMillis = 1000;
    while (state == State.DOWNLOADING) {
      int piece;
      synchronized (this) {
        // Pieces enough live peers have are left to the swarm, even if those peers choke us for
        // now: choking rotates, and the server's egress is the resource to save. A piece only one
        // peer holds is still fetched from the web seed, since that peer's upload is the
        // swarm's bottleneck for it.
        BitSet coveredByPeers = new BitSet();
        BitSet seenOnce = new BitSet();
        for (PeerConnection peer : peers) {
          if (!peer.snubbed) {
            BitSet again = (BitSet) peer.pieces.clone();
            again.and(seenOnce);
            coveredByPeers.or(again);
            seenOnce.or(peer.pieces);
          }
        }
        if (config.webSeedMinHolders() <= 1) {
          coveredByPeers = seenOnce;
        }
        long now = System.nanoTime();
        claimedByPeers.values().removeIf(expiry -> expiry < now);
        claimedByPeers.keySet().forEach(coveredByPeers::set);
        int competing = (int) peers.stream().filter(peer -> !peer.isSeed).count();
        piece = picker.reserveForWebSeed(coveredByPeers, competing);
        if (piece >= 0) {
          byte[] claim = new WebSeedClaim(piece).encode();
          for (PeerConnection peer : peers) {
            if (peer.webSeedClaimId != 0) {
              peer.send(new PeerMessage.Extended(peer.webSeedClaimId, claim));
            }
          }
        }
      }
      try {
        if (piece < 0) {
          Thread.sleep(200);
          continue;
        }
        int wanted = piece;
        Optional<byte[]> data =
            context
                .webSeeds()
                .fetchPiece(
                    url,
                    torrent,
                    piece,
                    context.downloadBucket(),
                    () -> stillWanted(wanted),
                    bytes -> {
                      fromWebSeed.addAndGet(bytes);
                      downloadRate.add(bytes);
                    });
        if (data.isPresent()) {
          verifyAndStore(piece, data.get(), Set.of(), true);
        } else {
          synchronized (this) {
            picker.releaseWebSeedReservation(piece);
          }
        }
        backoffMillis = 1000;
      } catch (IOException e) {
        synchronized (this) {
          picker.releaseWebSeedReservation(piece);
        }
        log("web seed " + url + " failed: " + e.getMessage());
        try {
          Thread.sleep(backoffMillis);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          return;
        }
        backoffMillis = Math.min(30_000, backoffMillis * 2);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private synchronized boolean stillWanted(int piece) {
    return state == State.DOWNLOADING && !picker.has(piece);
  }

  // ---------------------------------------------------------------- status

  public synchronized SessionStats stats() {
    return new SessionStats(
        torrent.name(),
        torrent.infoHash().toHex(),
        state.name(),
        picker.haveCount(),
        torrent.pieceCount(),
        verifiedBytes(),
        torrent.totalLength(),
        fromPeers.get(),
        fromWebSeed.get(),
        uploaded.get(),
        downloadRate.rate(),
        uploadRate.rate(),
        peers.size(),
        bannedPeerIds.size(),
        (int) hashFailures.get());
  }

  void log(String message) {
    listener.log(this, message);
  }
}

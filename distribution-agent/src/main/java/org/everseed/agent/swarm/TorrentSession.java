package org.everseed.agent.swarm;

import java.io.IOException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.everseed.agent.AgentConfig;
import org.everseed.agent.peer.PeerTransport;
import org.everseed.agent.storage.PieceStorage;
import org.everseed.agent.storage.ResumeFile;
import org.everseed.api.bencode.BencodeEncoder;
import org.everseed.api.metainfo.Metainfo;
import org.everseed.api.tracker.AnnounceEvent;
import org.everseed.api.tracker.AnnounceRequest;
import org.everseed.api.wire.Handshake;
import org.everseed.api.wire.PeerAddress;
import org.everseed.api.wire.PeerMessage;

/**
 * One torrent being downloaded or seeded: the coordinator of its parts. It builds them, owns the
 * life cycle (check the data, start, complete, move, stop), the list of connected peers, the
 * periodic work and what follows a verified or failed piece. The {@link Connector} brings peers in;
 * {@link PeerEvents} routes what they send to the {@link RequestScheduler} (download side), the
 * {@link UploadScheduler} (upload side) and {@link Extensions}; complete pieces go through the
 * {@link PieceVerifier}; the {@link Announcer} and the {@link WebSeedScheduler} run on their own.
 *
 * <p>Threads and locks: peer reader/writer threads, io threads (dialling, announces, web seeds),
 * hashing threads and the scheduler call in. One lock, {@link #lock}, guards every part's shared
 * state (picker, peers and their protocol state, known peers, assembly, strikes, claims); hashing,
 * disk writes and network calls happen outside it.
 */
public final class TorrentSession {

  /** Where the session is in its life. */
  public enum State {
    CHECKING,
    DOWNLOADING,
    SEEDING,
    STOPPED
  }

  /**
   * Started pieces wait in memory until verified; this caps that memory per torrent (16 pieces of
   * 16 MiB, or 256 of 1 MiB), with a floor so small pieces never starve the pipeline.
   */
  private static final long PIECE_BUFFER_BUDGET = 256L << 20;

  private static final int MIN_STARTED_PIECES = 16;

  private final Object lock = new Object();
  private final Random random = new Random();
  private final SwarmContext context;
  private final AgentConfig config;
  private final Metainfo torrent;
  private final SessionListener listener;
  private final PiecePicker picker;
  private final List<Peer> peers = new ArrayList<>();
  private final KnownPeers known;
  private final Strikes strikes;
  private final BlockBlame blame = new BlockBlame();
  private final PieceAssembly assembly;
  private final PieceVerifier verifier;
  private final RequestScheduler requests;
  private final UploadScheduler uploads;
  private final Extensions extensions;
  private final ResumeSaver resume;
  private final Announcer announcer;
  private final WebSeedScheduler webSeeds;
  private final Connector connector;
  private final Transfers transfers = new Transfers();
  private final List<Future<?>> tasks = new ArrayList<>();
  private final CompletableFuture<TorrentSession> completion = new CompletableFuture<>();
  private volatile PieceStorage storage;
  private volatile State state = State.CHECKING;
  private volatile int piecesFoundOnDisk = -1;

  public TorrentSession(
      SwarmContext context,
      Metainfo torrent,
      PieceStorage storage,
      ResumeFile resumeFile,
      SessionListener listener,
      SwarmAccess access) {
    this.context = context;
    this.config = context.config();
    this.torrent = torrent;
    this.storage = storage;
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
    this.known =
        new KnownPeers(context.listenPort(), config.peerAddressPolicy(), config.maxKnownPeers());
    this.strikes = new Strikes(config.badPiecesBeforeBan());
    this.assembly = new PieceAssembly(torrent, picker);
    this.verifier =
        new PieceVerifier(torrent, this::storage, context.hashing(), new VerifierResults());
    this.requests =
        new RequestScheduler(
            config, torrent, picker, assembly, peers, () -> state == State.DOWNLOADING);
    this.uploads =
        new UploadScheduler(config, torrent, picker, random, peers, () -> state == State.SEEDING);
    WebSeedClaims claims = new WebSeedClaims();
    // The decoder accepts canonical bencode only, so re-encoding gives the exact info bytes.
    this.extensions =
        new Extensions(
            config,
            torrent,
            BencodeEncoder.encode(torrent.info()),
            context.listenPort(),
            known,
            claims,
            peers,
            this::connectMoreSoon);
    this.resume =
        new ResumeSaver(
            lock,
            picker,
            resumeFile,
            torrent,
            config.resumeSaveInterval(),
            this::storage,
            this::log);
    this.announcer = new Announcer(context, torrent, new AnnouncerSwarm(), this::log);
    this.webSeeds =
        new WebSeedScheduler(
            lock,
            context,
            torrent,
            picker,
            peers,
            claims,
            extensions,
            verifier,
            transfers,
            () -> state == State.DOWNLOADING,
            this::log);
    PeerEvents.Parts parts =
        new PeerEvents.Parts(
            lock,
            peers,
            requests,
            uploads,
            extensions,
            known,
            strikes,
            verifier,
            transfers,
            this::log);
    this.connector =
        new Connector(
            lock,
            context,
            torrent,
            picker,
            peers,
            known,
            strikes,
            extensions,
            () -> state == State.DOWNLOADING || state == State.SEEDING,
            () -> state == State.SEEDING,
            peer -> new PeerEvents(peer, parts),
            this::storage,
            random,
            access);
  }

  public Metainfo torrent() {
    return torrent;
  }

  public State state() {
    return state;
  }

  /** How many pieces the check at {@link #start} found verified on disk; -1 before it ran. */
  public int piecesFoundOnDisk() {
    return piecesFoundOnDisk;
  }

  PieceStorage storage() {
    return storage;
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
    BitSet claimed = new BitSet();
    if (checkAll) {
      claimed.set(0, torrent.pieceCount());
    } else {
      claimed = resume.claimed();
    }
    BitSet verified = verifier.verifyOnDisk(claimed);
    piecesFoundOnDisk = verified.cardinality();
    boolean complete;
    synchronized (lock) {
      verified.stream().forEach(picker::markHave);
      complete = picker.isComplete();
      state = complete ? State.SEEDING : State.DOWNLOADING;
    }
    log(
        "checked data: "
            + verified.cardinality()
            + " of "
            + torrent.pieceCount()
            + " pieces verified");
    resume.save();
    schedule(this::tick, 1000);
    schedule(() -> withLock(uploads::chokeRound), config.chokeInterval().toMillis());
    schedule(() -> withLock(extensions::exchangePeers), config.peerExchangeInterval().toMillis());
    announcer.start();
    if (complete) {
      finish();
    } else {
      webSeeds.start();
    }
  }

  private void withLock(Runnable task) {
    synchronized (lock) {
      task.run();
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
    synchronized (lock) {
      tasks.add(
          context
              .scheduler()
              .scheduleWithFixedDelay(guarded, periodMillis, periodMillis, TimeUnit.MILLISECONDS));
    }
  }

  /** Stops every peer and task, tells the tracker, saves the resume file and closes storage. */
  public void stop() {
    List<Peer> toClose;
    synchronized (lock) {
      if (state == State.STOPPED) {
        return;
      }
      state = State.STOPPED;
      tasks.forEach(task -> task.cancel(false));
      toClose = new ArrayList<>(peers);
    }
    toClose.forEach(Peer::close);
    announcer.stop();
    resume.save();
    try {
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
    synchronized (lock) {
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

  /** Every piece is verified: flush, save, drop seeds, tell the tracker and the owner. */
  private void finish() {
    try {
      storage.flush();
    } catch (IOException e) {
      log("flushing finished data failed: " + e);
    }
    resume.save();
    List<Peer> seeds = new ArrayList<>();
    synchronized (lock) {
      for (Peer peer : peers) {
        requests.updateInterest(peer);
        if (peer.isSeed()) {
          seeds.add(peer);
        }
      }
    }
    seeds.forEach(Peer::close);
    log("download complete");
    announcer.completed();
    Runnable done =
        () -> {
          listener.completed(this);
          completion.complete(this);
        };
    if (!Tasks.tryExecute(context.io(), done)) {
      done.run(); // a full pool must not lose the completion (the release would never install)
    }
  }

  // ---------------------------------------------------------------- pieces

  /** What becomes of the pieces the verifier checked. */
  private final class VerifierResults implements PieceVerifier.Results {

    @Override
    public boolean alreadyHave(int piece) {
      synchronized (lock) {
        return picker.has(piece);
      }
    }

    @Override
    public void verified(int piece, byte[] data) {
      boolean nowComplete;
      List<Peer> toBan;
      synchronized (lock) {
        // The peers whose blocks of an earlier failed try differ from the good data sent them.
        toBan = strikes.blame(blame.verified(piece, data));
        banAddresses(toBan);
        if (picker.has(piece)) {
          closeBanned(toBan);
          return;
        }
        picker.markHave(piece);
        assembly.discard(piece);
        resume.pieceAdded();
        PeerMessage have = new PeerMessage.Have(piece);
        for (Peer peer : peers) {
          if (!peer.has(piece)) {
            peer.send(have);
          }
          requests.updateInterest(peer);
        }
        nowComplete = picker.isComplete() && state == State.DOWNLOADING;
        if (nowComplete) {
          state = State.SEEDING;
        }
      }
      closeBanned(toBan);
      if (nowComplete) {
        finish();
      }
    }

    @Override
    public void writeFailed(int piece, IOException e) {
      log("writing piece " + piece + " failed: " + e);
      synchronized (lock) {
        picker.pieceAbandoned(piece);
      }
    }

    @Override
    public void failed(int piece, byte[] data, List<Peer> senders, boolean fromWebSeed) {
      transfers.hashFailed();
      Set<Peer> contributors = new LinkedHashSet<>(senders);
      List<Peer> toBan = List.of();
      synchronized (lock) {
        picker.pieceFailed(piece);
        assembly.discard(piece);
        if (contributors.size() == 1) {
          toBan = strikes.blame(contributors); // a sole contributor is the culprit
        } else if (contributors.size() > 1) {
          blame.failed(piece, data, senders); // settled block by block once the piece passes
        }
        banAddresses(toBan);
      }
      log(
          "piece "
              + piece
              + " failed its hash check"
              + (fromWebSeed ? " (from the web seed)" : ""));
      closeBanned(toBan);
    }

    private void banAddresses(List<Peer> banned) {
      banned.forEach(peer -> Optional.ofNullable(peer.listenAddress()).ifPresent(known::ban));
    }

    private void closeBanned(List<Peer> banned) {
      for (Peer peer : banned) {
        log("banning " + peer + " after repeated bad pieces");
        peer.close();
      }
    }
  }

  // ---------------------------------------------------------------- connections

  /**
   * Adds peers the tracker or the operator (command line) gave, as far as the peer-address policy
   * allows, and connects to some.
   */
  public void addPeers(List<PeerAddress> addresses) {
    long now = System.nanoTime();
    synchronized (lock) {
      addresses.forEach(address -> known.add(address, KnownPeers.Source.GIVEN, now));
    }
    connector.connectMore();
  }

  private void connectMoreSoon() {
    Tasks.tryExecute(context.io(), connector::connectMore); // else the next tick dials
  }

  /**
   * Takes an incoming connection whose handshake named this torrent: answers it and starts the
   * peer. Called by the agent's listener.
   */
  public void acceptIncoming(PeerTransport transport, Handshake theirs) {
    connector.accept(transport, theirs);
  }

  // ---------------------------------------------------------------- periodic work

  /** Every second: drop silent peers, snub slow ones, keep alive, top up requests, dial, save. */
  private void tick() {
    long now = System.nanoTime();
    List<Peer> idle = new ArrayList<>();
    synchronized (lock) {
      for (Peer peer : peers) {
        if (peer.silentFor(now, config.idleTimeout().toNanos())) {
          idle.add(peer);
          continue;
        }
        requests.checkSnubbed(peer, now);
        peer.keepAlive(now);
        requests.fill(peer);
      }
    }
    idle.forEach(Peer::close);
    connector.connectMore();
    resume.saveIfDue(now);
  }

  /** What the announcer needs from this torrent. */
  private final class AnnouncerSwarm implements Announcer.Swarm {

    @Override
    public AnnounceRequest announce(AnnounceEvent event) {
      synchronized (lock) {
        return AnnounceRequest.of(
            torrent.infoHash(),
            context.peerId(),
            context.listenPort(),
            transfers.uploaded(),
            transfers.downloaded(),
            torrent.totalLength() - verifiedBytes(),
            event,
            event == AnnounceEvent.STOPPED ? 0 : Announcer.NUMWANT);
      }
    }

    @Override
    public boolean starving() {
      synchronized (lock) {
        return peers.isEmpty() && state == State.DOWNLOADING;
      }
    }

    @Override
    public void found(List<PeerAddress> addresses) {
      addPeers(addresses);
    }
  }

  private long verifiedBytes() {
    long bytes = 0;
    BitSet have = picker.haveSet();
    for (int piece = have.nextSetBit(0); piece >= 0; piece = have.nextSetBit(piece + 1)) {
      bytes += torrent.pieceSize(piece);
    }
    return bytes;
  }

  // ---------------------------------------------------------------- status

  public SessionStats stats() {
    synchronized (lock) {
      return new SessionStats(
          torrent.name(),
          torrent.infoHash().toHex(),
          state.name(),
          picker.haveCount(),
          torrent.pieceCount(),
          verifiedBytes(),
          torrent.totalLength(),
          transfers.fromPeers(),
          transfers.fromWebSeed(),
          transfers.uploaded(),
          transfers.downloadRate(),
          transfers.uploadRate(),
          peers.size(),
          strikes.bannedCount(),
          transfers.hashFailures());
    }
  }

  void log(String message) {
    listener.log(this, message);
  }
}

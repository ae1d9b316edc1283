package org.everseed.agent;

import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.everseed.agent.bandwidth.TokenBucket;
import org.everseed.agent.peer.FleetTls;
import org.everseed.agent.peer.PeerHandshaker;
import org.everseed.agent.peer.PeerListener;
import org.everseed.agent.peer.PeerTransport;
import org.everseed.agent.storage.FileStorage;
import org.everseed.agent.storage.PieceStorage;
import org.everseed.agent.storage.ResumeFile;
import org.everseed.agent.swarm.MetadataFetcher;
import org.everseed.agent.swarm.SessionListener;
import org.everseed.agent.swarm.SwarmAccess;
import org.everseed.agent.swarm.SwarmContext;
import org.everseed.agent.swarm.TorrentSession;
import org.everseed.agent.tracker.TrackerClient;
import org.everseed.agent.webseed.WebSeedClient;
import org.everseed.api.metainfo.InfoHash;
import org.everseed.api.metainfo.Metainfo;
import org.everseed.api.tracker.AnnounceEvent;
import org.everseed.api.tracker.AnnounceRequest;
import org.everseed.api.wire.Handshake;
import org.everseed.api.wire.PeerAddress;
import org.everseed.api.wire.PeerIds;

/**
 * The composition root of the peer engine: builds the shared parts (threads, rate limits, tracker
 * and web seed clients, the peer id and its {@link PeerHandshaker}, the {@link PeerListener}) once
 * and hands them to each torrent session by constructor, and routes incoming peers to the torrent
 * their handshake names. Nothing else in the agent creates thread pools or clients (the listener
 * keeps its one accept thread).
 */
public final class Agent implements AutoCloseable {

  /** Threads for peers: a reader and a writer each, plus connects, announces and web seeds. */
  private static final int MAX_IO_THREADS = 4096;

  private final AgentConfig config;
  private final PeerListener listener;
  private final SwarmContext context;
  private final Map<InfoHash, TorrentSession> sessions = new ConcurrentHashMap<>();

  private Agent(AgentConfig config, PeerListener listener, SwarmContext context) {
    this.config = config;
    this.listener = listener;
    this.context = context;
  }

  /**
   * Opens the listening socket and starts accepting peers, plaintext only: without a fleet identity
   * only torrents open to standard clients have peers.
   */
  public static Agent start(AgentConfig config) throws IOException {
    return start(config, Optional.empty());
  }

  /**
   * Opens the listening socket and starts accepting peers; with a fleet identity ({@code tls}) it
   * takes TLS peers and dials them for torrents closed to standard clients.
   */
  public static Agent start(AgentConfig config, Optional<FleetTls> tls) throws IOException {
    PeerListener listener = PeerListener.bind(config.listenHost(), config.listenPort(), tls);
    int port = listener.port();
    ExecutorService io =
        new ThreadPoolExecutor(
            0,
            MAX_IO_THREADS,
            30,
            TimeUnit.SECONDS,
            new SynchronousQueue<>(),
            daemonThreads("agent-io"));
    int cores = Runtime.getRuntime().availableProcessors();
    ExecutorService hashing = Executors.newFixedThreadPool(cores, daemonThreads("agent-hash"));
    ScheduledExecutorService scheduler =
        Executors.newScheduledThreadPool(2, daemonThreads("agent-scheduler"));
    HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(config.connectTimeout())
            .followRedirects(HttpClient.Redirect.NORMAL)
            .executor(io)
            .build();
    byte[] peerId = PeerIds.newEverseedPeerId();
    SwarmContext context =
        new SwarmContext(
            config,
            peerId,
            port,
            config.uploadRateLimit() > 0
                ? TokenBucket.perSecond(config.uploadRateLimit())
                : TokenBucket.unlimited(),
            config.downloadRateLimit() > 0
                ? TokenBucket.perSecond(config.downloadRateLimit())
                : TokenBucket.unlimited(),
            new TrackerClient(http, Duration.ofSeconds(20)),
            new WebSeedClient(http, Duration.ofSeconds(60)),
            scheduler,
            io,
            hashing,
            new PeerHandshaker(peerId, config.connectTimeout(), scheduler),
            tls);
    Agent agent = new Agent(config, listener, context);
    listener.start(context.handshaker(), config.connectTimeout(), io, scheduler, agent::incoming);
    return agent;
  }

  private static ThreadFactory daemonThreads(String prefix) {
    AtomicInteger count = new AtomicInteger();
    return task -> {
      Thread thread = new Thread(task, prefix + "-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }

  public AgentConfig config() {
    return config;
  }

  public int listenPort() {
    return context.listenPort();
  }

  /** This agent's BEP 20 peer id. */
  public byte[] peerId() {
    return context.peerId().clone();
  }

  /**
   * Asks the trackers for peers of {@code infoHash} before the torrent itself is known; only those
   * the peer-address policy allows.
   */
  public List<PeerAddress> peersFromTrackers(InfoHash infoHash, List<String> trackers)
      throws InterruptedException {
    List<PeerAddress> peers = new ArrayList<>();
    for (String tracker : trackers) {
      try {
        peers.addAll(
            context
                .tracker()
                .announce(
                    tracker,
                    AnnounceRequest.of(
                        infoHash,
                        context.peerId(),
                        context.listenPort(),
                        0,
                        0,
                        1,
                        AnnounceEvent.STARTED,
                        50))
                .peers()
                .stream()
                .filter(context.config().peerAddressPolicy()::allows)
                .toList());
      } catch (IOException e) {
        // Another tracker may answer.
      }
    }
    return peers;
  }

  /**
   * Fetches a torrent's info dictionary from {@code peers} by BEP 9 (for a magnet link), each peer
   * given {@code timeout} per read; peers the peer-address policy forbids are skipped.
   */
  public Optional<byte[]> fetchMetadata(
      InfoHash infoHash, List<PeerAddress> peers, Duration timeout) {
    return new MetadataFetcher(
            context.handshaker(), context.listenPort(), timeout, context.scheduler())
        .fetch(
            infoHash, peers.stream().filter(context.config().peerAddressPolicy()::allows).toList());
  }

  /** Whether this agent has a fleet identity, so TLS peers (private channels) are possible. */
  public boolean hasFleetIdentity() {
    return context.tls().isPresent();
  }

  public List<TorrentSession> sessions() {
    return List.copyOf(sessions.values());
  }

  /**
   * Downloads {@code torrent} into {@code dataFolder} (the torrent's name below it), resuming from
   * {@code resumeFile}, then seeds it, open to standard clients (plaintext peers).
   */
  public TorrentSession download(
      Metainfo torrent, Path dataFolder, Path resumeFile, SessionListener listener)
      throws IOException, InterruptedException {
    return download(torrent, dataFolder, resumeFile, listener, SwarmAccess.OPEN);
  }

  /**
   * As {@link #download(Metainfo, Path, Path, SessionListener)}, with peers admitted by {@code
   * access}.
   */
  public TorrentSession download(
      Metainfo torrent,
      Path dataFolder,
      Path resumeFile,
      SessionListener listener,
      SwarmAccess access)
      throws IOException, InterruptedException {
    PieceStorage storage = FileStorage.createForDownload(torrent, dataFolder);
    return add(torrent, storage, new ResumeFile(resumeFile), listener, false, access);
  }

  /**
   * Seeds complete data found in {@code dataFolder}, after checking every piece, open to standard
   * clients (plaintext peers).
   */
  public TorrentSession seed(Metainfo torrent, Path dataFolder, SessionListener listener)
      throws IOException, InterruptedException {
    return seed(torrent, dataFolder, listener, SwarmAccess.OPEN);
  }

  /** As {@link #seed(Metainfo, Path, SessionListener)}, with peers admitted by {@code access}. */
  public TorrentSession seed(
      Metainfo torrent, Path dataFolder, SessionListener listener, SwarmAccess access)
      throws IOException, InterruptedException {
    PieceStorage storage = FileStorage.openForSeeding(torrent, dataFolder);
    return add(torrent, storage, null, listener, true, access);
  }

  /**
   * Checks every piece of data found in {@code dataFolder} (files cut or extended to their sizes,
   * missing ones created), seeds what verifies and fetches the rest into place: for a release
   * folder that must not be trusted. {@link TorrentSession#piecesFoundOnDisk()} tells what the
   * check found; the session completes once every piece is verified.
   */
  public TorrentSession repair(Metainfo torrent, Path dataFolder, SessionListener listener)
      throws IOException, InterruptedException {
    return repair(torrent, dataFolder, listener, SwarmAccess.OPEN);
  }

  /** As {@link #repair(Metainfo, Path, SessionListener)}, with peers admitted by {@code access}. */
  public TorrentSession repair(
      Metainfo torrent, Path dataFolder, SessionListener listener, SwarmAccess access)
      throws IOException, InterruptedException {
    PieceStorage storage = FileStorage.createForDownload(torrent, dataFolder);
    return add(torrent, storage, null, listener, true, access);
  }

  /** Adds a session over any storage, e.g. one that tests wrap, open to standard clients. */
  public TorrentSession add(
      Metainfo torrent,
      PieceStorage storage,
      ResumeFile resume,
      SessionListener listener,
      boolean checkAll)
      throws IOException, InterruptedException {
    return add(torrent, storage, resume, listener, checkAll, SwarmAccess.OPEN);
  }

  /** Adds a session over any storage with peers admitted by {@code access}. */
  public TorrentSession add(
      Metainfo torrent,
      PieceStorage storage,
      ResumeFile resume,
      SessionListener listener,
      boolean checkAll,
      SwarmAccess access)
      throws IOException, InterruptedException {
    TorrentSession session =
        new TorrentSession(context, torrent, storage, resume, listener, access);
    if (sessions.putIfAbsent(torrent.infoHash(), session) != null) {
      storage.close();
      throw new IllegalStateException(torrent.name() + " is already running in this agent");
    }
    try {
      session.start(checkAll);
    } catch (IOException | InterruptedException | RuntimeException e) {
      sessions.remove(torrent.infoHash());
      session.stop();
      throw e;
    }
    return session;
  }

  /** Stops one torrent and forgets it. */
  public void remove(TorrentSession session) {
    sessions.remove(session.torrent().infoHash(), session);
    session.stop();
  }

  /** An incoming peer whose handshake was read: to the torrent it names, if this agent has it. */
  private void incoming(PeerTransport transport, Handshake theirs) {
    TorrentSession session = sessions.get(theirs.infoHash());
    if (session == null) {
      transport.close();
    } else {
      session.acceptIncoming(transport, theirs);
    }
  }

  @Override
  public void close() {
    listener.close();
    sessions.values().forEach(TorrentSession::stop);
    sessions.clear();
    context.scheduler().shutdownNow();
    context.hashing().shutdownNow();
    context.io().shutdownNow();
  }
}

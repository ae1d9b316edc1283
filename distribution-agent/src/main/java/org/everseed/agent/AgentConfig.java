package org.everseed.agent;

import java.time.Duration;
import java.util.Objects;

/**
 * Every tunable of the peer engine, with defaults that suit a corporate LAN. Rates are bytes per
 * second, 0 meaning unlimited. Built with {@link #builder()} (defaults) or {@link #toBuilder()} (a
 * copy to change): {@code AgentConfig.builder().listen("127.0.0.1", 0).build()}.
 *
 * @param listenHost the address peers connect to ({@code 0.0.0.0} for all interfaces)
 * @param listenPort the TCP port for incoming peers (0 picks a free one)
 * @param maxPeersPerTorrent connections kept per torrent, incoming and outgoing together
 * @param uploadSlots peers unchoked by rate at a time, besides the optimistic one
 * @param optimisticUnchokeRounds choke rounds between two optimistic unchoke rotations
 * @param chokeInterval time between choke rounds
 * @param uploadRateLimit cap on all uploads together
 * @param downloadRateLimit cap on all downloads together, peers and web seed
 * @param requestQueueTime how much data, in time at the peer's current rate, is kept requested from
 *     each peer (libtorrent's request queue time)
 * @param minRequestsPerPeer blocks kept requested from a peer whose rate is still unknown
 * @param maxRequestsPerPeer the most blocks ever requested from one peer at once
 * @param randomFirstPieces pieces picked at random before rarest-first takes over
 * @param connectTimeout time allowed to open a TCP connection and exchange handshakes
 * @param idleTimeout a peer that sent nothing (not even a keep-alive) this long is dropped
 * @param snubTimeout a peer that owes us blocks and sent none this long is snubbed: its requests
 *     are handed to others
 * @param minAnnounceInterval the soonest the tracker is asked again when the agent has no peers
 * @param maxAnnounceInterval the latest the tracker is asked again, whatever it says
 * @param peerExchangeInterval time between BEP 11 peer exchange messages to a peer
 * @param resumeSaveInterval how often a changed resume file is written
 * @param webSeedDelay how long a download relies on peers alone before the web seed helps
 * @param webSeedConnections pieces fetched from the web seed at once per torrent
 * @param badPiecesBeforeBan pieces failing their hash that a peer may send before it is banned
 * @param webSeedMinHolders how many connected peers must hold a piece for the web seed to leave it
 *     to them: 1 saves the most server egress, 2 also relieves pieces a single peer holds
 * @param peerAddressPolicy which addresses may be dialled, whoever named them
 * @param maxKnownPeers addresses remembered per torrent (tracker, peer exchange, incoming)
 */
public record AgentConfig(
    String listenHost,
    int listenPort,
    int maxPeersPerTorrent,
    int uploadSlots,
    int optimisticUnchokeRounds,
    Duration chokeInterval,
    long uploadRateLimit,
    long downloadRateLimit,
    Duration requestQueueTime,
    int minRequestsPerPeer,
    int maxRequestsPerPeer,
    int randomFirstPieces,
    Duration connectTimeout,
    Duration idleTimeout,
    Duration snubTimeout,
    Duration minAnnounceInterval,
    Duration maxAnnounceInterval,
    Duration peerExchangeInterval,
    Duration resumeSaveInterval,
    Duration webSeedDelay,
    int webSeedConnections,
    int badPiecesBeforeBan,
    int webSeedMinHolders,
    PeerAddressPolicy peerAddressPolicy,
    int maxKnownPeers) {

  /** Bytes per request: the size every client uses and some refuse to exceed. */
  public static final int BLOCK_SIZE = 16 * 1024;

  public AgentConfig {
    if (listenPort < 0 || listenPort > 0xFFFF) {
      throw new IllegalArgumentException("listen port out of range: " + listenPort);
    }
    requirePositive(maxPeersPerTorrent, "maxPeersPerTorrent");
    requirePositive(uploadSlots, "uploadSlots");
    requirePositive(optimisticUnchokeRounds, "optimisticUnchokeRounds");
    requirePositive(minRequestsPerPeer, "minRequestsPerPeer");
    requirePositive(maxRequestsPerPeer, "maxRequestsPerPeer");
    requirePositive(webSeedConnections, "webSeedConnections");
    requirePositive(badPiecesBeforeBan, "badPiecesBeforeBan");
    requirePositive(webSeedMinHolders, "webSeedMinHolders");
    requirePositive(maxKnownPeers, "maxKnownPeers");
    Objects.requireNonNull(peerAddressPolicy, "peerAddressPolicy");
  }

  /** Every setting at its default. */
  public static AgentConfig defaults() {
    return builder().build();
  }

  /** A builder holding the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this configuration's settings. */
  public Builder toBuilder() {
    Builder builder = new Builder();
    builder.listenHost = listenHost;
    builder.listenPort = listenPort;
    builder.maxPeersPerTorrent = maxPeersPerTorrent;
    builder.uploadSlots = uploadSlots;
    builder.optimisticUnchokeRounds = optimisticUnchokeRounds;
    builder.chokeInterval = chokeInterval;
    builder.uploadRateLimit = uploadRateLimit;
    builder.downloadRateLimit = downloadRateLimit;
    builder.requestQueueTime = requestQueueTime;
    builder.minRequestsPerPeer = minRequestsPerPeer;
    builder.maxRequestsPerPeer = maxRequestsPerPeer;
    builder.randomFirstPieces = randomFirstPieces;
    builder.connectTimeout = connectTimeout;
    builder.idleTimeout = idleTimeout;
    builder.snubTimeout = snubTimeout;
    builder.minAnnounceInterval = minAnnounceInterval;
    builder.maxAnnounceInterval = maxAnnounceInterval;
    builder.peerExchangeInterval = peerExchangeInterval;
    builder.resumeSaveInterval = resumeSaveInterval;
    builder.webSeedDelay = webSeedDelay;
    builder.webSeedConnections = webSeedConnections;
    builder.badPiecesBeforeBan = badPiecesBeforeBan;
    builder.webSeedMinHolders = webSeedMinHolders;
    builder.peerAddressPolicy = peerAddressPolicy;
    builder.maxKnownPeers = maxKnownPeers;
    return builder;
  }

  private static void requirePositive(int value, String name) {
    if (value <= 0) {
      throw new IllegalArgumentException(name + " must be positive, got " + value);
    }
  }

  /** Collects settings; {@link #build()} checks them. Each setter is named after its setting. */
  public static final class Builder {
    private String listenHost = "0.0.0.0";
    private int listenPort = 6881;
    private int maxPeersPerTorrent = 50;
    private int uploadSlots = 4;
    private int optimisticUnchokeRounds = 3;
    private Duration chokeInterval = Duration.ofSeconds(10);
    private long uploadRateLimit = 0;
    private long downloadRateLimit = 0;
    private Duration requestQueueTime = Duration.ofSeconds(3);
    private int minRequestsPerPeer = 32;
    private int maxRequestsPerPeer = 1000;
    private int randomFirstPieces = 4;
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration idleTimeout = Duration.ofMinutes(2);
    private Duration snubTimeout = Duration.ofSeconds(30);
    private Duration minAnnounceInterval = Duration.ofSeconds(15);
    private Duration maxAnnounceInterval = Duration.ofMinutes(30);
    private Duration peerExchangeInterval = Duration.ofMinutes(1);
    private Duration resumeSaveInterval = Duration.ofSeconds(5);
    private Duration webSeedDelay = Duration.ofSeconds(2);
    private int webSeedConnections = 1;
    private int badPiecesBeforeBan = 2;
    private int webSeedMinHolders = 2;
    private PeerAddressPolicy peerAddressPolicy = PeerAddressPolicy.strict();
    private int maxKnownPeers = 500;

    private Builder() {}

    /** Where peers connect: host ({@code 0.0.0.0} for all interfaces) and port (0 = any free). */
    public Builder listen(String host, int port) {
      this.listenHost = host;
      this.listenPort = port;
      return this;
    }

    /** Caps on all uploads and all downloads together, bytes per second, 0 = unlimited. */
    public Builder rateLimits(long upload, long download) {
      this.uploadRateLimit = upload;
      this.downloadRateLimit = download;
      return this;
    }

    public Builder maxPeersPerTorrent(int value) {
      this.maxPeersPerTorrent = value;
      return this;
    }

    public Builder uploadSlots(int value) {
      this.uploadSlots = value;
      return this;
    }

    public Builder optimisticUnchokeRounds(int value) {
      this.optimisticUnchokeRounds = value;
      return this;
    }

    public Builder chokeInterval(Duration value) {
      this.chokeInterval = value;
      return this;
    }

    public Builder requestQueueTime(Duration value) {
      this.requestQueueTime = value;
      return this;
    }

    public Builder minRequestsPerPeer(int value) {
      this.minRequestsPerPeer = value;
      return this;
    }

    public Builder maxRequestsPerPeer(int value) {
      this.maxRequestsPerPeer = value;
      return this;
    }

    public Builder randomFirstPieces(int value) {
      this.randomFirstPieces = value;
      return this;
    }

    public Builder connectTimeout(Duration value) {
      this.connectTimeout = value;
      return this;
    }

    public Builder idleTimeout(Duration value) {
      this.idleTimeout = value;
      return this;
    }

    public Builder snubTimeout(Duration value) {
      this.snubTimeout = value;
      return this;
    }

    public Builder minAnnounceInterval(Duration value) {
      this.minAnnounceInterval = value;
      return this;
    }

    public Builder maxAnnounceInterval(Duration value) {
      this.maxAnnounceInterval = value;
      return this;
    }

    public Builder peerExchangeInterval(Duration value) {
      this.peerExchangeInterval = value;
      return this;
    }

    public Builder resumeSaveInterval(Duration value) {
      this.resumeSaveInterval = value;
      return this;
    }

    public Builder webSeedDelay(Duration value) {
      this.webSeedDelay = value;
      return this;
    }

    public Builder webSeedConnections(int value) {
      this.webSeedConnections = value;
      return this;
    }

    public Builder badPiecesBeforeBan(int value) {
      this.badPiecesBeforeBan = value;
      return this;
    }

    public Builder webSeedMinHolders(int value) {
      this.webSeedMinHolders = value;
      return this;
    }

    public Builder peerAddressPolicy(PeerAddressPolicy value) {
      this.peerAddressPolicy = value;
      return this;
    }

    public Builder maxKnownPeers(int value) {
      this.maxKnownPeers = value;
      return this;
    }

    public AgentConfig build() {
      return new AgentConfig(
          listenHost,
          listenPort,
          maxPeersPerTorrent,
          uploadSlots,
          optimisticUnchokeRounds,
          chokeInterval,
          uploadRateLimit,
          downloadRateLimit,
          requestQueueTime,
          minRequestsPerPeer,
          maxRequestsPerPeer,
          randomFirstPieces,
          connectTimeout,
          idleTimeout,
          snubTimeout,
          minAnnounceInterval,
          maxAnnounceInterval,
          peerExchangeInterval,
          resumeSaveInterval,
          webSeedDelay,
          webSeedConnections,
          badPiecesBeforeBan,
          webSeedMinHolders,
          peerAddressPolicy,
          maxKnownPeers);
    }
  }
}

package org.everseed.agent;

import java.time.Duration;

/**
 * Every tunable of the peer engine, with defaults that suit a corporate LAN. Rates are bytes per
 * second, 0 meaning unlimited.
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
    int webSeedMinHolders) {

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
  }

  public static AgentConfig defaults() {
    return new AgentConfig(
        "0.0.0.0",
        6881,
        50,
        4,
        3,
        Duration.ofSeconds(10),
        0,
        0,
        Duration.ofSeconds(3),
        32,
        1000,
        4,
        Duration.ofSeconds(10),
        Duration.ofMinutes(2),
        Duration.ofSeconds(30),
        Duration.ofSeconds(15),
        Duration.ofMinutes(30),
        Duration.ofMinutes(1),
        Duration.ofSeconds(5),
        Duration.ofSeconds(2),
        1,
        2,
        2);
  }

  public AgentConfig withListen(String host, int port) {
    return new AgentConfig(
        host,
        port,
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
        webSeedMinHolders);
  }

  public AgentConfig withRateLimits(long upload, long download) {
    return new AgentConfig(
        listenHost,
        listenPort,
        maxPeersPerTorrent,
        uploadSlots,
        optimisticUnchokeRounds,
        chokeInterval,
        upload,
        download,
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
        webSeedMinHolders);
  }

  /** A copy with the intervals shortened for tests and loopback swarms. */
  public AgentConfig withIntervals(
      Duration chokeEvery, Duration minAnnounce, Duration peerExchangeEvery, Duration webSeedWait) {
    return new AgentConfig(
        listenHost,
        listenPort,
        maxPeersPerTorrent,
        uploadSlots,
        optimisticUnchokeRounds,
        chokeEvery,
        uploadRateLimit,
        downloadRateLimit,
        requestQueueTime,
        minRequestsPerPeer,
        maxRequestsPerPeer,
        randomFirstPieces,
        connectTimeout,
        idleTimeout,
        snubTimeout,
        minAnnounce,
        maxAnnounceInterval,
        peerExchangeEvery,
        resumeSaveInterval,
        webSeedWait,
        webSeedConnections,
        badPiecesBeforeBan,
        webSeedMinHolders);
  }

  public AgentConfig withMaxPeers(int maxPeers) {
    return new AgentConfig(
        listenHost,
        listenPort,
        maxPeers,
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
        webSeedMinHolders);
  }

  public AgentConfig withUploadSlots(int slots) {
    return new AgentConfig(
        listenHost,
        listenPort,
        maxPeersPerTorrent,
        slots,
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
        webSeedMinHolders);
  }

  private static void requirePositive(int value, String name) {
    if (value <= 0) {
      throw new IllegalArgumentException(name + " must be positive, got " + value);
    }
  }
}

package org.everseed.agent.swarm;

import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import org.everseed.agent.AgentConfig;
import org.everseed.agent.bandwidth.TokenBucket;
import org.everseed.agent.peer.FleetTls;
import org.everseed.agent.peer.PeerHandshaker;
import org.everseed.agent.tracker.TrackerClient;
import org.everseed.agent.webseed.WebSeedClient;

/**
 * What every session of one agent shares: its settings and identity, the rate limits that hold
 * across all torrents, the tracker and web seed clients, and the threads.
 *
 * @param listenPort the port actually listened on (the config may say 0)
 * @param io runs peer readers and writers, connects, announces and web seed fetches; sized by the
 *     connection limit, since each peer has a reader and a writer
 * @param hashing verifies completed pieces off the network threads
 * @param handshaker the BEP 3 handshake with this agent's peer id, for dialled and accepted peers
 * @param tls the agent's fleet identity for TLS between agents; empty when it has none (then only
 *     torrents open to standard clients have peers)
 */
public record SwarmContext(
    AgentConfig config,
    byte[] peerId,
    int listenPort,
    TokenBucket uploadBucket,
    TokenBucket downloadBucket,
    TrackerClient tracker,
    WebSeedClient webSeeds,
    ScheduledExecutorService scheduler,
    ExecutorService io,
    ExecutorService hashing,
    PeerHandshaker handshaker,
    Optional<FleetTls> tls) {}

package org.everseed.agent.cli;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.everseed.agent.AgentConfig;
import org.everseed.agent.PeerAddressPolicy;
import org.everseed.agent.peer.FleetTls;
import org.everseed.agent.peer.IdentityFiles;
import org.everseed.agent.swarm.SwarmAccess;
import org.everseed.api.wire.PeerAddress;

/** The network options {@code fetch} and {@code seed} share. */
final class TransferOptions {

  static final Set<String> VALUED =
      Set.of("port", "bind", "peer", "download-limit", "upload-limit", "identity");

  static final String HELP =
      """
            --port <n>              TCP port for incoming peers (default 6881; 0 picks one)
            --bind <address>        address to listen on (default 0.0.0.0); a loopback address
                                    also lets loopback peers be dialled
            --peer <host:port>      a peer to connect to besides the tracker's; repeatable
            --download-limit <rate> bytes per second, e.g. 10M (default unlimited)
            --upload-limit <rate>   bytes per second, e.g. 2M (default unlimited)
        --identity <folder>     a fleet identity (agent-key.pem, agent-cert.pem, fleet-ca.pem,
                                crl.pem): peers only over TLS with fleet agents, as on a private
                                channel (default: plaintext BitTorrent, open to any client)
      """;

  private TransferOptions() {}

  static AgentConfig config(Arguments arguments) throws UsageException {
    AgentConfig defaults = AgentConfig.defaults();
    int port = defaults.listenPort();
    if (arguments.option("port").isPresent()) {
      try {
        port = Integer.parseInt(arguments.option("port").get());
      } catch (NumberFormatException e) {
        throw new UsageException("--port needs a number");
      }
      if (port < 0 || port > 65535) {
        throw new UsageException("--port must be within 0..65535");
      }
    }
    long download =
        arguments.option("download-limit").isPresent()
            ? Sizes.parse(arguments.option("download-limit").get())
            : 0;
    long upload =
        arguments.option("upload-limit").isPresent()
            ? Sizes.parse(arguments.option("upload-limit").get())
            : 0;
    String bind = arguments.option("bind").orElse(defaults.listenHost());
    return defaults.toBuilder()
        .listen(bind, port)
        .rateLimits(upload, download)
        .peerAddressPolicy(peerAddressPolicy(bind, defaults.peerAddressPolicy()))
        .build();
  }

  /**
   * A transfer bound to a loopback address is a rig on one machine: its peers are on loopback too,
   * so loopback addresses may be dialled (only there: the operator chose the bind address). Any
   * other bind keeps the strict policy.
   */
  private static PeerAddressPolicy peerAddressPolicy(String bind, PeerAddressPolicy strict)
      throws UsageException {
    try {
      return InetAddress.getByName(bind).isLoopbackAddress()
          ? strict.allowingLoopback(Set.of())
          : strict;
    } catch (UnknownHostException e) {
      throw new UsageException("bad --bind '" + bind + "': " + e.getMessage());
    }
  }

  /** The fleet identity {@code --identity} names, if any. */
  static Optional<FleetTls> identity(Arguments arguments) throws UsageException {
    if (arguments.option("identity").isEmpty()) {
      return Optional.empty();
    }
    Path folder = Path.of(arguments.option("identity").get());
    try {
      return Optional.of(IdentityFiles.load(folder));
    } catch (IOException | GeneralSecurityException e) {
      throw new UsageException("--identity " + folder + ": " + e.getMessage());
    }
  }

  /** Fleet peers over TLS only with {@code --identity}, plaintext BitTorrent without. */
  static SwarmAccess access(Optional<FleetTls> identity) {
    return identity.isPresent() ? SwarmAccess.FLEET_ONLY : SwarmAccess.OPEN;
  }

  static List<PeerAddress> peers(Arguments arguments) throws UsageException {
    List<PeerAddress> peers = new ArrayList<>();
    for (String peer : arguments.options("peer")) {
      int colon = peer.lastIndexOf(':');
      if (colon <= 0) {
        throw new UsageException("--peer needs host:port, got '" + peer + "'");
      }
      try {
        String host = peer.substring(0, colon).replace("[", "").replace("]", "");
        peers.add(
            new PeerAddress(
                InetAddress.getByName(host), Integer.parseInt(peer.substring(colon + 1))));
      } catch (UnknownHostException | IllegalArgumentException e) {
        throw new UsageException("bad --peer '" + peer + "': " + e.getMessage());
      }
    }
    return peers;
  }
}

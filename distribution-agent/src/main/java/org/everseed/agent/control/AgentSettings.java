package org.everseed.agent.control;

import java.io.IOException;
import java.io.Reader;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import org.everseed.agent.AgentConfig;
import org.everseed.agent.PeerAddressPolicy;

/**
 * The daemon's settings, read from a properties file ({@code everseed-agent run --config
 * agent.properties}). See {@code docs/agent.md} for every key.
 */
public record AgentSettings(
    String serverUrl,
    String tokenUrl,
    String clientId,
    String clientSecret,
    String name,
    String site,
    List<String> channels,
    Path downloadDir,
    Path targetDir,
    Duration pollInterval,
    Duration heartbeatInterval,
    Duration retention,
    int keepVersions,
    Optional<String> postInstallHook,
    Duration hookTimeout,
    AgentConfig engine,
    Optional<Path> serverTrust,
    boolean insecure) {

  public AgentSettings {
    channels = List.copyOf(channels);
    if (!insecure) {
      requireHttps("server.url", serverUrl, false);
      requireHttps("keycloak.token-url", tokenUrl, true);
    }
  }

  /**
   * The server is reached over https only: its URL carries the agent's bearer token, and the
   * torrents it hands out carry the agent's passkey. {@code insecure=true} allows http (a test rig
   * without TLS); Keycloak's token URL may also be http on a loopback address (Keycloak on the same
   * host, as in development), where nothing crosses a network.
   */
  private static void requireHttps(String key, String url, boolean loopbackAllowed) {
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(key + " is not a URL: " + url);
    }
    if ("https".equalsIgnoreCase(uri.getScheme())) {
      return;
    }
    if (loopbackAllowed && "http".equalsIgnoreCase(uri.getScheme()) && isLoopback(uri.getHost())) {
      return;
    }
    throw new IllegalArgumentException(
        key
            + " must be an https URL, not "
            + url
            + " (the agent's token and passkey would cross the network in plaintext);"
            + " set insecure=true to allow http anyway");
  }

  private static boolean isLoopback(String host) {
    if (host == null) {
      return false;
    }
    if (host.equalsIgnoreCase("localhost")) {
      return true;
    }
    if (!host.matches("[0-9.]+|\\[[0-9a-fA-F:]+\\]")) {
      return false; // a name is not resolved here: only literal loopback addresses count
    }
    try {
      return InetAddress.getByName(host.replace("[", "").replace("]", "")).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  /** The folder for resume files and the status file. */
  public Path stateDir() {
    return downloadDir.resolve(".everseed");
  }

  public static AgentSettings load(Path file) throws IOException {
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      properties.load(reader);
    }
    return from(properties);
  }

  public static AgentSettings from(Properties p) {
    AgentConfig engine =
        AgentConfig.builder()
            .listen(
                p.getProperty("listen.host", "0.0.0.0"),
                Integer.parseInt(p.getProperty("listen.port", "6881")))
            .rateLimits(size(p, "rate.upload", 0), size(p, "rate.download", 0))
            .maxPeersPerTorrent(Integer.parseInt(p.getProperty("peers.max", "50")))
            .peerAddressPolicy(peerAddressPolicy(p))
            .maxKnownPeers(Integer.parseInt(p.getProperty("peers.known.max", "500")))
            .build();
    return new AgentSettings(
        stripSlash(required(p, "server.url")),
        required(p, "keycloak.token-url"),
        required(p, "client.id"),
        required(p, "client.secret"),
        p.getProperty("agent.name", hostName()),
        p.getProperty("agent.site", "default"),
        Arrays.stream(required(p, "channels").split(","))
            .map(String::trim)
            .filter(s -> !s.isEmpty())
            .toList(),
        Path.of(required(p, "download.dir")),
        Path.of(required(p, "target.dir")),
        duration(p, "poll.interval", Duration.ofSeconds(30)),
        duration(p, "heartbeat.interval", Duration.ofMinutes(1)),
        duration(p, "retention", Duration.ofDays(7)),
        Integer.parseInt(p.getProperty("keep.versions", "3")),
        Optional.ofNullable(p.getProperty("hook.command")).filter(s -> !s.isBlank()),
        duration(p, "hook.timeout", Duration.ofMinutes(10)),
        engine,
        Optional.ofNullable(p.getProperty("server.trust"))
            .map(String::trim)
            .filter(s -> !s.isEmpty())
            .map(Path::of),
        Boolean.parseBoolean(p.getProperty("insecure", "false").trim()));
  }

  /**
   * {@code peers.ports=1024-65535}; {@code peers.allow-loopback=true} for a fleet on one machine,
   * narrowed by {@code peers.loopback-addresses=127.0.0.1,...} if set.
   */
  private static PeerAddressPolicy peerAddressPolicy(Properties p) {
    PeerAddressPolicy policy = PeerAddressPolicy.strict();
    String ports = p.getProperty("peers.ports");
    if (ports != null && !ports.isBlank()) {
      String[] range = ports.trim().split("-", 2);
      if (range.length != 2) {
        throw new IllegalArgumentException("peers.ports is a range like 1024-65535");
      }
      policy =
          policy.withPorts(Integer.parseInt(range[0].trim()), Integer.parseInt(range[1].trim()));
    }
    if (Boolean.parseBoolean(p.getProperty("peers.allow-loopback", "false").trim())) {
      Set<InetAddress> only = new HashSet<>();
      for (String address : p.getProperty("peers.loopback-addresses", "").split(",")) {
        if (!address.isBlank()) {
          try {
            only.add(InetAddress.getByName(address.trim()));
          } catch (UnknownHostException e) {
            throw new IllegalArgumentException("peers.loopback-addresses: " + e.getMessage());
          }
        }
      }
      policy = policy.allowingLoopback(only);
    }
    return policy;
  }

  private static String required(Properties p, String key) {
    String value = p.getProperty(key);
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("the settings need '" + key + "'");
    }
    return value.trim();
  }

  private static String stripSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  private static long size(Properties p, String key, long fallback) {
    String value = p.getProperty(key);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    String v = value.trim().toUpperCase(Locale.ROOT).replace("IB", "").replace("B", "");
    int shift =
        switch (v.charAt(v.length() - 1)) {
          case 'K' -> 10;
          case 'M' -> 20;
          case 'G' -> 30;
          default -> 0;
        };
    return Long.parseLong(shift == 0 ? v : v.substring(0, v.length() - 1)) << shift;
  }

  private static Duration duration(Properties p, String key, Duration fallback) {
    String value = p.getProperty(key);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    String v = value.trim().toLowerCase(Locale.ROOT);
    if (v.startsWith("p")) {
      return Duration.parse(v.toUpperCase(Locale.ROOT));
    }
    char unit = v.charAt(v.length() - 1);
    long amount = Long.parseLong(Character.isDigit(unit) ? v : v.substring(0, v.length() - 1));
    return switch (unit) {
      case 'm' -> Duration.ofMinutes(amount);
      case 'h' -> Duration.ofHours(amount);
      case 'd' -> Duration.ofDays(amount);
      default -> Duration.ofSeconds(amount);
    };
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "agent";
    }
  }

  @Override
  public String toString() {
    return "AgentSettings[server="
        + serverUrl
        + ", name="
        + name
        + ", site="
        + site
        + ", channels="
        + channels
        + ", clientSecret=…]";
  }
}

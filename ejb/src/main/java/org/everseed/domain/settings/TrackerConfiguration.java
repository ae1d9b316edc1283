package org.everseed.domain.settings;

import java.time.Duration;
import java.util.function.UnaryOperator;

/**
 * The tracker's settings. Each comes from a system property {@code everseed.tracker.<name>} or,
 * failing that, an environment variable {@code EVERSEED_TRACKER_<NAME>}; see {@code
 * docs/tracker.md}.
 *
 * @param interval how often clients should announce ({@code interval}, seconds, default 600)
 * @param minInterval the shortest re-announce period asked of clients ({@code min_interval},
 *     seconds, default 60)
 * @param expiryFactor a peer silent for {@code expiryFactor × interval} is evicted ({@code
 *     expiry_factor}, default 2)
 * @param defaultNumwant peers handed out when the client does not say ({@code default_numwant}, 50)
 * @param maxNumwant the cap on {@code numwant} ({@code max_numwant}, default 200)
 * @param batchWindow how often audit events are written ({@code batch_window_ms}, default 1000); a
 *     crash loses at most one window
 * @param refreshPeriod how often the cached passkeys and torrents are re-read even without a change
 *     event ({@code refresh_seconds}, default 20)
 * @param allowIpParameter honour the announce's {@code ip} / {@code ipv6} parameters ({@code
 *     allow_ip_parameter}, default false: a client could otherwise list someone else's address)
 * @param peerLimits peers held in memory at most: in total, per passkey, per swarm, per passkey in
 *     a swarm ({@code max_peers}, {@code max_peers_per_passkey}, {@code max_peers_per_swarm},
 *     {@code max_peers_per_passkey_per_swarm}; see {@link PeerLimits})
 * @param eventQueueCapacity audit events buffered between writes at most; beyond, they are counted
 *     and dropped rather than ever slowing announces ({@code event_queue_capacity}, 100,000)
 */
public record TrackerConfiguration(
    Duration interval,
    Duration minInterval,
    double expiryFactor,
    int defaultNumwant,
    int maxNumwant,
    Duration batchWindow,
    Duration refreshPeriod,
    boolean allowIpParameter,
    PeerLimits peerLimits,
    int eventQueueCapacity,
    Duration statisticsSnapshotPeriod) {

  public static final TrackerConfiguration DEFAULTS =
      new TrackerConfiguration(
          Duration.ofSeconds(600),
          Duration.ofSeconds(60),
          2.0,
          50,
          200,
          Duration.ofMillis(1000),
          Duration.ofSeconds(20),
          false,
          PeerLimits.DEFAULTS,
          100_000,
          Duration.ofSeconds(5));

  public TrackerConfiguration {
    require(interval.toSeconds() >= 1, "interval must be at least 1 s");
    require(
        !minInterval.isNegative() && minInterval.compareTo(interval) <= 0,
        "min interval must be between 0 and the interval");
    require(expiryFactor >= 1.0, "expiry factor must be at least 1");
    require(
        defaultNumwant >= 0 && defaultNumwant <= maxNumwant,
        "default numwant must be between 0 and max numwant");
    require(maxNumwant >= 1, "max numwant must be at least 1");
    require(batchWindow.toMillis() >= 10, "batch window must be at least 10 ms");
    require(refreshPeriod.toMillis() >= 100, "refresh period must be at least 100 ms");
    require(eventQueueCapacity >= 1, "event queue capacity must be at least 1");
    require(
        statisticsSnapshotPeriod.toSeconds() >= 1, "stats snapshot period must be at least 1 s");
  }

  /** Reads the settings from system properties, then the environment, then the defaults. */
  public static TrackerConfiguration fromSystem() {
    return from(System::getProperty, System::getenv);
  }

  /** Reads the settings through the given lookups (tests pass maps). */
  public static TrackerConfiguration from(
      UnaryOperator<String> systemProperties, UnaryOperator<String> environment) {
    Settings s = new Settings(systemProperties, environment);
    TrackerConfiguration d = DEFAULTS;
    return new TrackerConfiguration(
        Duration.ofSeconds(s.longValue("interval", d.interval.toSeconds())),
        Duration.ofSeconds(s.longValue("min_interval", d.minInterval.toSeconds())),
        s.doubleValue("expiry_factor", d.expiryFactor),
        (int) s.longValue("default_numwant", d.defaultNumwant),
        (int) s.longValue("max_numwant", d.maxNumwant),
        Duration.ofMillis(s.longValue("batch_window_ms", d.batchWindow.toMillis())),
        Duration.ofSeconds(s.longValue("refresh_seconds", d.refreshPeriod.toSeconds())),
        Boolean.parseBoolean(s.text("allow_ip_parameter", String.valueOf(d.allowIpParameter))),
        new PeerLimits(
            s.longValue("max_peers", d.peerLimits.maxPeers()),
            (int) s.longValue("max_peers_per_passkey", d.peerLimits.maxPeersPerPasskey()),
            (int) s.longValue("max_peers_per_swarm", d.peerLimits.maxPeersPerSwarm()),
            (int)
                s.longValue(
                    "max_peers_per_passkey_per_swarm", d.peerLimits.maxPeersPerPasskeyPerSwarm())),
        (int) s.longValue("event_queue_capacity", d.eventQueueCapacity),
        Duration.ofSeconds(
            s.longValue("stats_snapshot_seconds", d.statisticsSnapshotPeriod.toSeconds())));
  }

  /** How long a peer may stay silent before the sweeper evicts it. */
  public Duration peerExpiry() {
    return Duration.ofMillis((long) (interval.toMillis() * expiryFactor));
  }

  /** How often the sweeper runs: often enough that evictions lag the expiry by a quarter. */
  public Duration sweepPeriod() {
    long millis = Math.max(250, Math.min(peerExpiry().toMillis() / 4, 60_000));
    return Duration.ofMillis(millis);
  }

  public int numwant(int requested) {
    return requested < 0 ? defaultNumwant : Math.min(requested, maxNumwant);
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw new IllegalArgumentException("tracker configuration: " + message);
    }
  }

  private record Settings(UnaryOperator<String> properties, UnaryOperator<String> environment) {
    String text(String name, String fallback) {
      String value = properties.apply("everseed.tracker." + name);
      if (value == null || value.isBlank()) {
        value = environment.apply("EVERSEED_TRACKER_" + name.toUpperCase(java.util.Locale.ROOT));
      }
      return value == null || value.isBlank() ? fallback : value.trim();
    }

    long longValue(String name, long fallback) {
      String value = text(name, null);
      try {
        return value == null ? fallback : Long.parseLong(value);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "tracker configuration: " + name + " is not a whole number: '" + value + "'", e);
      }
    }

    double doubleValue(String name, double fallback) {
      String value = text(name, null);
      try {
        return value == null ? fallback : Double.parseDouble(value);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "tracker configuration: " + name + " is not a number: '" + value + "'", e);
      }
    }
  }
}

package org.everseed.it;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.everseed.system.EverseedSystem;
import org.everseed.system.Progress;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Injects the running {@link EverseedSystem}, starting it on first use and stopping it (by PID,
 * also when tests fail) when the test run ends. Test servers run with a port offset of 1000
 * (WildFly on 9080/10990) and Keycloak on 8480/9480 so they never collide with a launcher on the
 * default ports; test runs from other worktrees on the same machine pass their own {@code
 * everseed.it.port.offset}, {@code everseed.it.keycloak.port} and {@code everseed.it.database}.
 */
public class SystemExtension implements ParameterResolver {
  static final int PORT_OFFSET = Integer.getInteger("everseed.it.port.offset", 1000);
  static final int KEYCLOAK_PORT = Integer.getInteger("everseed.it.keycloak.port", 8480);
  static final String DATABASE = System.getProperty("everseed.it.database", "everseed_it");

  /** The upload limit of the test server: 256 MiB. */
  public static final long MAX_UPLOAD_BYTES = 256L << 20;

  /**
   * Tracker settings for the test server: short intervals so expiry and refresh are observable in
   * seconds, quick audit batches, and peer limits a test can reach.
   */
  static final Map<String, String> TRACKER_SETTINGS =
      Map.of(
          "EVERSEED_TRACKER_INTERVAL", "3",
          "EVERSEED_TRACKER_MIN_INTERVAL", "1",
          "EVERSEED_TRACKER_EXPIRY_FACTOR", "2",
          "EVERSEED_TRACKER_REFRESH_SECONDS", "1",
          "EVERSEED_TRACKER_BATCH_WINDOW_MS", "200",
          "EVERSEED_TRACKER_STATS_SNAPSHOT_SECONDS", "1",
          // Small enough for TrackerLimitsIT to reach, large enough for every other test's swarms.
          "EVERSEED_TRACKER_MAX_PEERS_PER_PASSKEY", "40",
          "EVERSEED_TRACKER_MAX_PEERS_PER_SWARM", "16");

  /** The tracker's short intervals and an upload limit small enough to exceed in a test. */
  static Map<String, String> serverSettings() {
    Map<String, String> settings = new java.util.HashMap<>(TRACKER_SETTINGS);
    settings.put("EVERSEED_MAX_UPLOAD_BYTES", String.valueOf(MAX_UPLOAD_BYTES));
    return settings;
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == EverseedSystem.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return context
        .getRoot()
        .getStore(ExtensionContext.Namespace.GLOBAL)
        .getOrComputeIfAbsent(Running.class, key -> new Running(), Running.class)
        .system;
  }

  /** Closed by JUnit when the root context closes, i.e. after the last test of the run. */
  static final class Running implements ExtensionContext.Store.CloseableResource, AutoCloseable {
    final EverseedSystem system;

    Running() {
      Path workDir = Path.of(System.getProperty("everseed.work.dir", "target/it-work"));
      system =
          EverseedSystem.start(
              new EverseedSystem.Settings(
                  Path.of(System.getProperty("everseed.wildfly.home", "target/wildfly")),
                  workDir,
                  PORT_OFFSET,
                  DATABASE,
                  true,
                  Duration.ofSeconds(240),
                  // Small enough that a test can exceed it (PublishingIT), large for any test file.
                  serverSettings(),
                  Path.of(System.getProperty("everseed.keycloak.home", "target/keycloak")),
                  Path.of(
                      System.getProperty(
                          "everseed.keycloak.realm", "src/main/keycloak/everseed-realm.json")),
                  KEYCLOAK_PORT),
              Progress.console());
    }

    @Override
    public void close() {
      system.close();
    }
  }
}

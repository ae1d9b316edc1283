package org.everseed.system;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole system on loopback, started in dependency order and stopped in reverse: Keycloak,
 * PostgreSQL, then WildFly with the EAR, which gets Keycloak's realm as {@code
 * EVERSEED_OIDC_PROVIDER_URL}. Keycloak is launched first and awaited last: it takes the longest to
 * start, and WildFly only contacts it on the first authenticated request.
 */
public final class EverseedSystem implements AutoCloseable {
  /** Keycloak's management port is its HTTP port plus this (8280/9280, 8480/9480). */
  public static final int KEYCLOAK_MANAGEMENT_DISTANCE = 1000;

  private final List<AutoCloseable> started = new ArrayList<>();
  private final Settings settings;
  private final Progress progress;
  private final DatabaseCoordinates database;
  private final Map<String, String> serverEnvironment;
  private WildFlyServer wildFly;
  private final KeycloakServer keycloak;

  private EverseedSystem(Settings settings, Progress progress) {
    this.settings = settings;
    this.progress = progress;
    try {
      KeycloakServer launched =
          remember(
              KeycloakServer.launch(
                  settings.keycloakHome(),
                  settings.realmJson(),
                  settings.keycloakHttpPort(),
                  settings.keycloakHttpPort() + KEYCLOAK_MANAGEMENT_DISTANCE,
                  settings.workDir().resolve("keycloak"),
                  progress));
      database = resolveDatabase(settings, progress);
      database.verifyReachable();
      Map<String, String> env = new HashMap<>(database.asEnvironment());
      env.put("EVERSEED_OIDC_PROVIDER_URL", launched.providerUrl());
      // The data folder (payloads, keys) lives beside the WildFly base directory, which every
      // start recreates from the provisioned server: a restart keeps what was published.
      env.put("EVERSEED_DATA_DIR", settings.workDir().resolve("data").toString());
      env.putAll(settings.extraEnvironment());
      serverEnvironment = Map.copyOf(env);
      wildFly = remember(startWildFly());
      keycloak = launched.awaitReady(settings.startTimeout(), progress);
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  /** Starts everything; on failure stops what was already started and rethrows. */
  public static EverseedSystem start(Settings settings, Progress progress) {
    return new EverseedSystem(settings, progress);
  }

  /**
   * Stops WildFly (by PID) and starts it again on the same ports, database and data folder, as an
   * operator's restart or upgrade would; the base directory is recreated from the provisioned
   * server, the data folder kept.
   */
  public synchronized void restartWildFly() {
    started.remove(wildFly);
    wildFly.close();
    wildFly = remember(startWildFly());
  }

  /** Where the server keeps payloads and keys ({@code EVERSEED_DATA_DIR}). */
  public Path dataDir() {
    return Path.of(serverEnvironment.get("EVERSEED_DATA_DIR"));
  }

  private WildFlyServer startWildFly() {
    return WildFlyServer.start(
        settings.wildFlyHome(),
        settings.workDir().resolve("wildfly"),
        settings.portOffset(),
        serverEnvironment,
        settings.startTimeout(),
        progress,
        DevKeyStore.ensure(settings.workDir().resolve("tls"), progress));
  }

  public DatabaseCoordinates database() {
    return database;
  }

  public synchronized WildFlyServer wildFly() {
    return wildFly;
  }

  public KeycloakServer keycloak() {
    return keycloak;
  }

  @Override
  public void close() {
    List<AutoCloseable> reverse = new ArrayList<>(started);
    Collections.reverse(reverse);
    RuntimeException failure = null;
    for (AutoCloseable component : reverse) {
      try {
        component.close();
      } catch (Exception e) {
        if (failure == null) {
          failure = new HarnessException("could not stop every component", e);
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    started.clear();
    if (failure != null) {
      throw failure;
    }
  }

  private DatabaseCoordinates resolveDatabase(Settings settings, Progress progress) {
    String url = System.getenv("EVERSEED_DB_URL");
    if (url != null && !url.isBlank()) {
      progress.step("PostgreSQL: using EVERSEED_DB_URL " + url);
      return new DatabaseCoordinates(
          url,
          System.getenv().getOrDefault("EVERSEED_DB_USER", "everseed"),
          System.getenv().getOrDefault("EVERSEED_DB_PASSWORD", "everseed"));
    }
    PostgresServer server =
        remember(PostgresServer.resolve(settings.workDir().resolve("postgres"), progress));
    return server.ensureDatabase(
        settings.databaseName(), "everseed", "everseed", settings.freshDatabase());
  }

  private <T extends AutoCloseable> T remember(T component) {
    started.add(component);
    return component;
  }

  /**
   * How to start the system.
   *
   * @param wildFlyHome the provisioned server ({@code system/target/wildfly})
   * @param workDir where this instance keeps its state: {@code wildfly} (the server's base dir,
   *     recreated on every start), {@code data} (payloads and keys, kept), the embedded database
   * @param portOffset added to WildFly's 8080/9990
   * @param databaseName the application database on the resolved PostgreSQL
   * @param freshDatabase drop and re-create it first (tests), or keep its data (launcher)
   * @param startTimeout how long the server may take to become healthy
   * @param extraEnvironment further {@code EVERSEED_*} settings for the server
   * @param keycloakHome the unpacked Keycloak ({@code system/target/keycloak})
   * @param realmJson the realm it imports ({@code system/src/main/keycloak/everseed-realm.json})
   * @param keycloakHttpPort its HTTP port; management listens {@value
   *     #KEYCLOAK_MANAGEMENT_DISTANCE} above
   */
  public record Settings(
      Path wildFlyHome,
      Path workDir,
      int portOffset,
      String databaseName,
      boolean freshDatabase,
      Duration startTimeout,
      Map<String, String> extraEnvironment,
      Path keycloakHome,
      Path realmJson,
      int keycloakHttpPort) {}
}

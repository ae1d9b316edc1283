package org.everseed.system;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole system on loopback, started in dependency order and stopped in reverse: PostgreSQL,
 * then WildFly with the EAR. Components that later issues add (Keycloak, demo agents) plug in as
 * further {@link AutoCloseable} steps.
 */
public final class EverseedSystem implements AutoCloseable {
  private final List<AutoCloseable> started = new ArrayList<>();
  private final DatabaseCoordinates database;
  private final WildFlyServer wildFly;

  private EverseedSystem(Settings settings, Progress progress) {
    try {
      database = resolveDatabase(settings, progress);
      database.verifyReachable();
      Map<String, String> env = new HashMap<>(database.asEnvironment());
      env.putAll(settings.extraEnvironment());
      wildFly =
          remember(
              WildFlyServer.start(
                  settings.wildFlyHome(),
                  settings.workDir().resolve("wildfly"),
                  settings.portOffset(),
                  env,
                  settings.startTimeout(),
                  progress));
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  /** Starts everything; on failure stops what was already started and rethrows. */
  public static EverseedSystem start(Settings settings, Progress progress) {
    return new EverseedSystem(settings, progress);
  }

  public DatabaseCoordinates database() {
    return database;
  }

  public WildFlyServer wildFly() {
    return wildFly;
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
   * @param wildFlyHome the provisioned server ({@code ear/target/wildfly})
   * @param workDir where this instance keeps its state (server base dir, embedded database)
   * @param portOffset added to WildFly's 8080/9990
   * @param databaseName the application database on the resolved PostgreSQL
   * @param freshDatabase drop and re-create it first (tests), or keep its data (launcher)
   * @param startTimeout how long the server may take to become healthy
   * @param extraEnvironment further {@code EVERSEED_*} settings for the server
   */
  public record Settings(
      Path wildFlyHome,
      Path workDir,
      int portOffset,
      String databaseName,
      boolean freshDatabase,
      Duration startTimeout,
      Map<String, String> extraEnvironment) {}
}

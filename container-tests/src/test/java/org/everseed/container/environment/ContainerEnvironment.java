package org.everseed.container.environment;

import java.nio.file.Files;
import java.nio.file.Path;
import org.everseed.system.DatabaseCoordinates;
import org.everseed.system.PostgresServer;
import org.everseed.system.Progress;
import org.jboss.arquillian.config.descriptor.api.ContainerDef;
import org.jboss.arquillian.container.spi.Container;
import org.jboss.arquillian.container.spi.ContainerRegistry;
import org.jboss.arquillian.container.spi.event.container.AfterStop;
import org.jboss.arquillian.container.spi.event.container.BeforeSetup;
import org.jboss.arquillian.core.api.Instance;
import org.jboss.arquillian.core.api.annotation.Inject;
import org.jboss.arquillian.core.api.annotation.Observes;
import org.jboss.arquillian.core.spi.LoadableExtension;

/**
 * Prepares what the managed WildFly of the in-container tests needs before Arquillian starts it, on
 * the client side: a fresh PostgreSQL database of its own (the machine's server on 127.0.0.1:5432,
 * else the harness's embedded one, stopped with the container), a payload folder, and a port offset
 * derived from this run's {@code everseed.it.port.offset} (+50, so it never meets the system tests'
 * servers of any worktree whose offsets are whole hundreds).
 */
public class ContainerEnvironment implements LoadableExtension {
  /** Added to {@code everseed.it.port.offset} for this module's server. */
  static final int OFFSET_FROM_SYSTEM_TESTS = 50;

  private static final int MANAGEMENT_PORT = 9990;

  @Override
  public void register(ExtensionBuilder builder) {
    builder.observer(Preparation.class);
  }

  /** Observes the container's life: sets it up before its start, cleans up after its stop. */
  public static class Preparation {
    @Inject Instance<ContainerRegistry> registry;
    private PostgresServer postgres;

    public void beforeSetup(@Observes BeforeSetup event) throws Exception {
      int offset = Integer.getInteger("everseed.it.port.offset", 1000) + OFFSET_FROM_SYSTEM_TESTS;
      Path work = Path.of(System.getProperty("everseed.work.dir", "target/container-work"));
      Path payload = Files.createDirectories(work.resolve("payload"));
      DatabaseCoordinates database = database(work);
      for (Container container : registry.get().getContainers()) {
        ContainerDef def = container.getContainerConfiguration();
        String vm = def.getContainerProperties().getOrDefault("javaVmArguments", "");
        def.overrideProperty(
            "javaVmArguments",
            vm
                + " -Deverseed.db.url="
                + database.url()
                + " -Deverseed.db.user="
                + database.user()
                + " -Deverseed.db.password="
                + database.password()
                + " -Deverseed.payload.dir="
                + payload
                // Uploads are limited to 32 MiB and need 1 MiB left free; the tracker's periodic
                // refresh waits an hour, so only change events can refresh its admissions here.
                + " -Deverseed.max.upload.bytes="
                + (32 << 20)
                + " -Deverseed.reserved.free.bytes="
                + (1 << 20)
                + " -Deverseed.tracker.refresh_seconds=3600");
        def.overrideProperty("jbossArguments", "-Djboss.socket.binding.port-offset=" + offset);
        def.overrideProperty("managementAddress", "127.0.0.1");
        def.overrideProperty("managementPort", String.valueOf(MANAGEMENT_PORT + offset));
      }
    }

    public void afterStop(@Observes AfterStop event) {
      if (postgres != null) {
        postgres.close();
        postgres = null;
      }
    }

    private DatabaseCoordinates database(Path work) {
      String url = System.getenv("EVERSEED_DB_URL");
      if (url != null && !url.isBlank()) {
        return new DatabaseCoordinates(
            url,
            System.getenv().getOrDefault("EVERSEED_DB_USER", "everseed"),
            System.getenv().getOrDefault("EVERSEED_DB_PASSWORD", "everseed"));
      }
      postgres = PostgresServer.resolve(work.resolve("postgres"), Progress.console());
      String name = System.getProperty("everseed.it.database", "everseed_it") + "_container";
      return postgres.ensureDatabase(name, "everseed", "everseed", true);
    }
  }
}

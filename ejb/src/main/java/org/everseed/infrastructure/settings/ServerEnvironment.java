package org.everseed.infrastructure.settings;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.everseed.domain.settings.PublishingSettings;
import org.everseed.domain.settings.ServerSettings;
import org.everseed.domain.settings.StorageSettings;
import org.everseed.domain.settings.TrackerConfiguration;

/**
 * What the server takes from its environment, produced for injection: the settings records, each
 * read once from an environment variable (or the system property of the same name in lower case
 * with dots, e.g. {@code everseed.payload.dir}), and the clock. Documented in docs/operations.md.
 *
 * <p>The products are {@code @Dependent} (this bean hands out the same instances): a portal page
 * with a passivating scope may only hold dependent or normal-scoped values, and records cannot be
 * proxied.
 */
@ApplicationScoped
public class ServerEnvironment {
  private static final PublishingSettings PUBLISHING = PublishingSettings.DEFAULTS;

  private PublishingSettings publishing;
  private StorageSettings storage;
  private ServerSettings server;
  private TrackerConfiguration tracker;

  @Produces
  synchronized PublishingSettings publishing() {
    if (publishing == null) {
      publishing = readPublishing();
    }
    return publishing;
  }

  @Produces
  synchronized StorageSettings storage() {
    if (storage == null) {
      storage = readStorage();
    }
    return storage;
  }

  @Produces
  synchronized ServerSettings server() {
    if (server == null) {
      server = new ServerSettings(setting("EVERSEED_PUBLIC_URL").orElse(""));
    }
    return server;
  }

  /** The tracker's settings; see {@link TrackerConfiguration#fromSystem()} for their names. */
  @Produces
  synchronized TrackerConfiguration tracker() {
    if (tracker == null) {
      tracker = TrackerConfiguration.fromSystem();
    }
    return tracker;
  }

  /** The time every service stamps its records with. */
  @Produces
  Clock clock() {
    return Clock.systemUTC();
  }

  private static PublishingSettings readPublishing() {
    return new PublishingSettings(
        number("EVERSEED_MAX_UPLOAD_BYTES").orElse(PUBLISHING.maxUploadBytes()),
        number("EVERSEED_RESERVED_FREE_BYTES").orElse(PUBLISHING.reservedFreeBytes()),
        setting("EVERSEED_DEFAULT_CHANNEL").orElse(PUBLISHING.defaultChannel()));
  }

  private static StorageSettings readStorage() {
    Path dataDir =
        setting("EVERSEED_DATA_DIR")
            .map(Path::of)
            .orElseGet(
                () ->
                    Path.of(System.getProperty("jboss.server.data.dir", "data"))
                        .resolve("everseed"));
    StorageSettings defaults = StorageSettings.under(dataDir);
    return new StorageSettings(
        dataDir,
        setting("EVERSEED_PAYLOAD_DIR").map(Path::of).orElse(defaults.payloadDir()),
        number("EVERSEED_PAYLOAD_CHECK_MINUTES")
            .map(Duration::ofMinutes)
            .orElse(defaults.payloadCheckPeriod()));
  }

  static Optional<String> setting(String name) {
    String value = System.getenv(name);
    if (value == null || value.isBlank()) {
      value = System.getProperty(name.toLowerCase().replace('_', '.'));
    }
    return Optional.ofNullable(value).map(String::strip).filter(v -> !v.isEmpty());
  }

  private static Optional<Long> number(String name) {
    return setting(name)
        .map(
            value -> {
              try {
                return Long.parseLong(value);
              } catch (NumberFormatException e) {
                throw new IllegalArgumentException(
                    name + " is not a whole number of bytes: '" + value + "'", e);
              }
            });
  }
}

package org.everseed.infrastructure.settings;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.everseed.domain.settings.PublishingSettings;
import org.everseed.domain.settings.ServerSettings;
import org.everseed.domain.settings.StorageSettings;
import org.everseed.domain.settings.TrackerConfiguration;

/**
 * What the server takes from its environment, produced for injection: the settings records, each
 * read once from an environment variable (or the system property of the same name in lower case
 * with dots, e.g. {@code everseed.payload.dir}), and the clock. Documented in docs/operations.md.
 */
@ApplicationScoped
public class ServerEnvironment {
  private static final PublishingSettings PUBLISHING = PublishingSettings.DEFAULTS;

  @Produces
  @Singleton
  PublishingSettings publishing() {
    return new PublishingSettings(
        number("EVERSEED_MAX_UPLOAD_BYTES").orElse(PUBLISHING.maxUploadBytes()),
        number("EVERSEED_RESERVED_FREE_BYTES").orElse(PUBLISHING.reservedFreeBytes()),
        setting("EVERSEED_DEFAULT_CHANNEL").orElse(PUBLISHING.defaultChannel()));
  }

  @Produces
  @Singleton
  StorageSettings storage() {
    return new StorageSettings(
        setting("EVERSEED_PAYLOAD_DIR")
            .map(Path::of)
            .orElseGet(
                () ->
                    Path.of(System.getProperty("jboss.server.data.dir", "data"))
                        .resolve("everseed")
                        .resolve("payload")));
  }

  @Produces
  @Singleton
  ServerSettings server() {
    return new ServerSettings(setting("EVERSEED_PUBLIC_URL").orElse(""));
  }

  /** The tracker's settings; see {@link TrackerConfiguration#fromSystem()} for their names. */
  @Produces
  @Singleton
  TrackerConfiguration tracker() {
    return TrackerConfiguration.fromSystem();
  }

  /** The time every service stamps its records with. */
  @Produces
  @Singleton
  Clock clock() {
    return Clock.systemUTC();
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

package org.everseed.application;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The server's own settings, each from an environment variable (or the system property of the same
 * name in lower case with dots, e.g. {@code everseed.payload.dir}), with defaults that work on a
 * single machine. Documented in docs/operations.md.
 */
@ApplicationScoped
public class EverseedSettings {
  /** Where payloads are stored; default {@code <jboss.server.data.dir>/everseed/payload}. */
  public Path payloadDir() {
    return setting("EVERSEED_PAYLOAD_DIR")
        .map(Path::of)
        .orElseGet(
            () ->
                Path.of(System.getProperty("jboss.server.data.dir", "data"))
                    .resolve("everseed")
                    .resolve("payload"));
  }

  /** The largest upload accepted; default 64 GiB. */
  public long maxUploadBytes() {
    return setting("EVERSEED_MAX_UPLOAD_BYTES").map(Long::parseLong).orElse(64L << 30);
  }

  /** Space left free on the payload volume after an upload; default 1 GiB. */
  public long reservedFreeBytes() {
    return setting("EVERSEED_RESERVED_FREE_BYTES").map(Long::parseLong).orElse(1L << 30);
  }

  /**
   * The URL agents and clients reach this server at, e.g. {@code https://everseed.corp.example};
   * empty to use the address each request came in on.
   */
  public Optional<String> publicUrl() {
    return setting("EVERSEED_PUBLIC_URL")
        .map(u -> u.endsWith("/") ? u.substring(0, u.length() - 1) : u);
  }

  /** The channel a release goes to when the publisher names none; default {@code default}. */
  public String defaultChannel() {
    return setting("EVERSEED_DEFAULT_CHANNEL").orElse("default");
  }

  static Optional<String> setting(String name) {
    String value = System.getenv(name);
    if (value == null || value.isBlank()) {
      value = System.getProperty(name.toLowerCase().replace('_', '.'));
    }
    return Optional.ofNullable(value).map(String::strip).filter(v -> !v.isEmpty());
  }
}

package org.everseed.domain.settings;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where payloads are kept.
 *
 * @param payloadDir the payload store's root ({@code EVERSEED_PAYLOAD_DIR}, default {@code
 *     <jboss.server.data.dir>/everseed/payload})
 */
public record StorageSettings(Path payloadDir) {
  public StorageSettings {
    Objects.requireNonNull(payloadDir, "payload directory");
  }
}

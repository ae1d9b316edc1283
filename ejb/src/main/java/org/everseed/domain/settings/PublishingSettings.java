package org.everseed.domain.settings;

import java.io.Serializable;
import java.util.Objects;

/**
 * Limits and defaults of publishing. Serializable, as portal pages with a passivating scope may
 * hold it.
 *
 * @param maxUploadBytes the largest upload accepted ({@code EVERSEED_MAX_UPLOAD_BYTES}, default 64
 *     GiB)
 * @param reservedFreeBytes space an upload must leave free on the payload volume ({@code
 *     EVERSEED_RESERVED_FREE_BYTES}, default 1 GiB)
 * @param defaultChannel the channel of a release published without one ({@code
 *     EVERSEED_DEFAULT_CHANNEL}, default {@code default})
 */
public record PublishingSettings(long maxUploadBytes, long reservedFreeBytes, String defaultChannel)
    implements Serializable {
  public static final PublishingSettings DEFAULTS =
      new PublishingSettings(64L << 30, 1L << 30, "default");

  public PublishingSettings {
    if (maxUploadBytes < 1) {
      throw new IllegalArgumentException("the upload limit must be at least 1 byte");
    }
    if (reservedFreeBytes < 0) {
      throw new IllegalArgumentException("the reserved free space cannot be negative");
    }
    Objects.requireNonNull(defaultChannel, "default channel");
  }
}

package org.everseed.domain.settings;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Where the server keeps its files. Nothing here may live inside a folder that an installer or the
 * launcher recreates: the launcher puts the data folder at {@code run/data}, beside (not inside)
 * its disposable WildFly base directory {@code run/wildfly}.
 *
 * @param dataDir the server's data folder ({@code EVERSEED_DATA_DIR}, default {@code
 *     <jboss.server.data.dir>/everseed}); keys and other server state go below it
 * @param payloadDir the payload store's root ({@code EVERSEED_PAYLOAD_DIR}, default {@code <data
 *     dir>/payload})
 * @param payloadCheckPeriod how often every active release's payload is compared with its torrent
 *     (files present, sizes right; {@code EVERSEED_PAYLOAD_CHECK_MINUTES}, default 10); the first
 *     check runs right after start
 */
public record StorageSettings(Path dataDir, Path payloadDir, Duration payloadCheckPeriod) {
  /** The default period of the payload check. */
  public static final Duration DEFAULT_PAYLOAD_CHECK_PERIOD = Duration.ofMinutes(10);

  public StorageSettings {
    Objects.requireNonNull(dataDir, "data directory");
    Objects.requireNonNull(payloadDir, "payload directory");
    if (payloadCheckPeriod.isNegative() || payloadCheckPeriod.isZero()) {
      throw new IllegalArgumentException("the payload check period must be positive");
    }
  }

  /** The default layout below one data folder. */
  public static StorageSettings under(Path dataDir) {
    return new StorageSettings(dataDir, dataDir.resolve("payload"), DEFAULT_PAYLOAD_CHECK_PERIOD);
  }
}

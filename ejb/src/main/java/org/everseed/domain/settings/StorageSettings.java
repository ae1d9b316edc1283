package org.everseed.domain.settings;

import java.nio.file.Path;
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
 */
public record StorageSettings(Path dataDir, Path payloadDir) {
  public StorageSettings {
    Objects.requireNonNull(dataDir, "data directory");
    Objects.requireNonNull(payloadDir, "payload directory");
  }

  /** The default layout below one data folder. */
  public static StorageSettings under(Path dataDir) {
    return new StorageSettings(dataDir, dataDir.resolve("payload"));
  }
}

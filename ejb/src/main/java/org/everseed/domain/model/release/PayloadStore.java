package org.everseed.domain.model.release;

import java.nio.file.Path;
import org.everseed.api.metainfo.InfoHash;

/**
 * Where release payloads live: one folder per info-hash. Uploads are written into a staging folder
 * on the same volume and moved into place in one step once complete, so a payload folder is never
 * half-written. Implemented on the file system by {@code infrastructure.storage}.
 */
public interface PayloadStore {
  /** A new, empty staging folder on the payload volume. */
  Path newStaging();

  /** Bytes that can still be written on the payload volume. */
  long usableSpace();

  /**
   * Moves a complete staging folder to its final place, named by info-hash; a folder left there by
   * an earlier failed publish of the same content is replaced.
   *
   * @return the payload's path relative to the store, as {@link Release#payloadPath()} keeps it
   */
  String commit(Path staging, InfoHash infoHash);

  /**
   * The absolute location of a stored payload.
   *
   * @throws IllegalArgumentException if the path leads out of the store
   */
  Path resolve(String relativePath);

  /** Deletes a staging or payload folder tree, quietly if it is already gone. */
  void delete(Path tree);
}

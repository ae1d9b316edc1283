package org.everseed.agent.storage;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.everseed.api.metainfo.Metainfo;

/**
 * Moves a finished download from its staging folder to where it belongs in one atomic rename, so
 * the target never shows a half-written release, then opens it there for seeding.
 */
public final class Placement {

  private Placement() {}

  /**
   * Renames {@code from} to {@code to} (same file system, atomically) and opens the torrent's files
   * below {@code dataFolderAfterMove} for seeding.
   *
   * @throws FileAlreadyExistsException if {@code to} exists: a release is never overwritten
   */
  public static PieceStorage moveAndReopen(
      Metainfo torrent, Path from, Path to, Path dataFolderAfterMove) throws IOException {
    Path parent = to.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    if (Files.exists(to)) {
      throw new FileAlreadyExistsException(to.toString(), null, "the target already exists");
    }
    Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    return FileStorage.openForSeeding(torrent, dataFolderAfterMove);
  }
}

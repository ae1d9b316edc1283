package org.everseed.agent.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The free-space check made before a download starts, so it fails at once rather than at 97%. */
public final class DiskSpace {

  private DiskSpace() {}

  /**
   * Throws if the file system holding {@code folder} has less than {@code needed} bytes usable,
   * plus a margin of 1% or 64 MiB (whichever is smaller) so the machine keeps room to breathe.
   */
  public static void requireFree(Path folder, long needed) throws IOException {
    Files.createDirectories(folder);
    long usable = Files.getFileStore(folder).getUsableSpace();
    long margin = Math.min(64L << 20, needed / 100);
    if (usable < needed + margin) {
      throw new IOException(
          "not enough disk space in "
              + folder
              + ": "
              + needed
              + " bytes needed, "
              + usable
              + " usable");
    }
  }
}

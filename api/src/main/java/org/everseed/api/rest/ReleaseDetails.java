package org.everseed.api.rest;

import java.time.Instant;
import java.util.List;

/**
 * One release with everything a client needs to fetch it.
 *
 * @param torrentUrl the .torrent with the caller's passkey
 * @param magnetUrl where to get the magnet link with the caller's passkey
 * @param webUrl the release's page in the portal
 * @param payload whether the server's payload store can serve it
 */
public record ReleaseDetails(
    ReleaseSummary release,
    int pieceLength,
    List<FileEntry> files,
    Instant retiredAt,
    String retiredBy,
    String retireReason,
    String torrentUrl,
    String magnetUrl,
    String webUrl,
    PayloadStatus payload) {

  /** One file of the release. */
  public record FileEntry(String path, long length) {}

  /**
   * The payload in the server's store as its last check found it.
   *
   * @param state {@code intact} (or not found wrong yet), {@code missing} or {@code damaged}
   * @param detail for missing or damaged: which file, what is wrong, what to do
   * @param checkedAt when it was found wrong, else null
   */
  public record PayloadStatus(String state, String detail, Instant checkedAt) {
    public static final PayloadStatus INTACT = new PayloadStatus("intact", null, null);
  }
}

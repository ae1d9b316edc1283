package org.everseed.api.rest;

import java.time.Instant;
import java.util.List;

/**
 * One release with everything a client needs to fetch it.
 *
 * @param torrentUrl the .torrent with the caller's passkey
 * @param magnetUrl where to get the magnet link with the caller's passkey
 * @param webUrl the release's page in the portal
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
    String webUrl) {

  /** One file of the release. */
  public record FileEntry(String path, long length) {}
}

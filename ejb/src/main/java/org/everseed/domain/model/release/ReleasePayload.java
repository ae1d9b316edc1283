package org.everseed.domain.model.release;

import java.util.List;
import java.util.Objects;
import org.everseed.api.metainfo.InfoHash;

/**
 * The bytes side of a release, as the publishing path produced them: the torrent, its info-hash,
 * and where the payload lies in the payload store.
 */
public record ReleasePayload(
    InfoHash infoHash,
    int pieceLength,
    long totalSize,
    byte[] torrent,
    String payloadPath,
    List<ReleaseFile> files) {
  public ReleasePayload {
    Objects.requireNonNull(infoHash, "info-hash");
    files = List.copyOf(files);
  }
}

package org.everseed.domain.model.release;

import java.util.List;

/**
 * The bytes side of a release, as the publishing path produced them: the torrent, its info-hash,
 * and where the payload lies in the payload store.
 */
public record ReleasePayload(
    String infoHashHex,
    int pieceLength,
    long totalSize,
    byte[] torrent,
    String payloadPath,
    List<ReleaseFile> files) {}

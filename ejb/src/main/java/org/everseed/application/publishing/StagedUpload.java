package org.everseed.application.publishing;

import java.nio.file.Path;
import java.util.Optional;
import org.everseed.api.metainfo.ContentLayout;
import org.everseed.api.metainfo.Metainfo;

/**
 * A complete upload in its staging folder, hashed: ready to become a release.
 *
 * @param staging the folder to move into the payload store; it holds {@code layout.name()}
 * @param layout the files in torrent order
 * @param pieces the concatenated piece hashes
 * @param imported the torrent the publisher supplied, when publishing an existing one
 * @param firstFileName the first uploaded file's name, for guessing a release name
 * @param hashedWhileWriting false when the files arrived out of torrent order and were hashed again
 *     from disk
 */
public record StagedUpload(
    Path staging,
    ContentLayout layout,
    int pieceLength,
    byte[] pieces,
    Optional<Metainfo> imported,
    String firstFileName,
    boolean hashedWhileWriting) {}

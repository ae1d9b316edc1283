package org.everseed.application.webseed;

import java.time.Instant;
import org.everseed.api.metainfo.InfoHash;
import org.everseed.domain.model.release.ReleaseId;

/**
 * An active release whose payload in the store does not match its torrent: the web seed cannot
 * serve it, and agents that do not hold it can only get it from peers.
 *
 * @param release the release
 * @param infoHash its info-hash
 * @param kind what is wrong
 * @param detail one sentence for an operator: which file, what is wrong, what to do
 * @param checkedAt when this was found
 */
public record PayloadProblem(
    ReleaseId release, InfoHash infoHash, Kind kind, String detail, Instant checkedAt) {
  /** What is wrong with a payload. */
  public enum Kind {
    /** A file (or the whole folder) is not in the store. */
    MISSING,
    /** A file has the wrong size, or a piece does not match its hash. */
    DAMAGED
  }
}

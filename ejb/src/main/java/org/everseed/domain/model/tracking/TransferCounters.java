package org.everseed.domain.model.tracking;

import java.time.Instant;
import org.everseed.api.metainfo.InfoHash;

/**
 * The latest byte counters one passkey reported for one torrent, and how many announces they
 * summarise since the last write.
 */
public record TransferCounters(
    Passkey passkey,
    InfoHash infoHash,
    long uploaded,
    long downloaded,
    long left,
    long announces,
    Instant lastAnnounceAt) {

  /** Keeps the newer counters and adds up the announces. */
  public TransferCounters followedBy(TransferCounters later) {
    return new TransferCounters(
        passkey,
        infoHash,
        later.uploaded,
        later.downloaded,
        later.left,
        announces + later.announces,
        later.lastAnnounceAt);
  }
}

package org.everseed.domain.model.tracking;

import java.util.Map;
import java.util.Set;
import org.everseed.api.metainfo.InfoHash;

/**
 * What the tracker admits, read from the system of record (catalog and fleet): the narrow port
 * through which the tracker learns about passkeys and registered torrents without knowing their
 * entities. Read in bulk, off the announce path, and cached.
 */
public interface TrackerRegistrations {

  /** Every live (not revoked) passkey with its holder; disabled agents included, marked so. */
  Map<Passkey, TrackerAccount> liveAccounts();

  /** Info-hashes of the releases that may be tracked now (active, not retired). */
  Set<InfoHash> trackedTorrents();

  /** Completed downloads recorded so far per torrent, so statistics survive a restart. */
  Map<InfoHash, Long> completedDownloads();
}

package org.everseed.domain.model.tracking;

import org.everseed.api.metainfo.InfoHash;
import org.everseed.api.tracker.AnnounceEvent;

/**
 * What the registry needs from an announce.
 *
 * @param owner the passkey the announce came with: the tracker's limits are per passkey
 * @param compactEndpoint the peer's address and port, compact form (6 or 18 bytes)
 * @param numwant how many peers to hand back (already capped)
 */
public record PeerAnnouncement(
    InfoHash infoHash,
    Passkey owner,
    byte[] compactEndpoint,
    byte[] peerId,
    Site site,
    boolean seeding,
    AnnounceEvent event,
    int numwant) {}

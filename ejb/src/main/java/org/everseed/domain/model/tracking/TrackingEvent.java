package org.everseed.domain.model.tracking;

import java.time.Instant;
import org.everseed.api.metainfo.InfoHash;
import org.everseed.api.tracker.AnnounceEvent;

/**
 * A {@code started}, {@code completed} or {@code stopped} announce, for the audit trail.
 *
 * @param ip the peer's address as text
 * @param peerIdHex the client's peer id, 40 hex digits
 */
public record TrackingEvent(
    Instant occurredAt,
    TrackerAccount account,
    InfoHash infoHash,
    AnnounceEvent event,
    String peerIdHex,
    String ip,
    int port,
    long uploaded,
    long downloaded,
    long left) {}

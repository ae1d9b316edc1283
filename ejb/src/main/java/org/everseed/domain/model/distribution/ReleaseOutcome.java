package org.everseed.domain.model.distribution;

import java.time.Instant;

/** One release an agent reported on: its latest report and how many failures it reported. */
public record ReleaseOutcome(
    long releaseId,
    String name,
    String version,
    String channel,
    DistributionRecord.State state,
    Instant reportedAt,
    long bytesFromPeers,
    long bytesFromWebSeed,
    String message,
    int failures) {}

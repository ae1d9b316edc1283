package org.everseed.domain.model.distribution;

import java.time.Instant;
import java.util.Optional;

/**
 * Where one targeted agent stands with one release: its latest report, if any, and when the tracker
 * saw it complete, if it did.
 */
public record AgentOutcome(
    long agentId,
    String agentName,
    String site,
    Optional<LatestReport> latest,
    Optional<Instant> trackerCompletedAt) {

  /** The agent's latest report on the release. */
  public record LatestReport(
      DistributionRecord.State state,
      Instant reportedAt,
      long bytesFromPeers,
      long bytesFromWebSeed,
      Integer hookExitCode,
      String message) {}
}

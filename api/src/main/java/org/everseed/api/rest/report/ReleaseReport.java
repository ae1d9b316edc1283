package org.everseed.api.rest.report;

import java.time.Instant;
import java.util.List;

/**
 * How a release reached the agents it targets: agents subscribed to its channel or a parent channel
 * (active ones), plus any agent that reported on it.
 *
 * @param started agents that reported anything or that the tracker saw complete
 * @param inProgress started, neither completed nor failed
 * @param offloadRatio bytes from peers over all bytes received, 0 to 1; {@code null} when nothing
 *     was received yet — the share of the traffic the swarm took off the server
 */
public record ReleaseReport(
    long releaseId,
    String name,
    String version,
    String channel,
    String status,
    Instant publishedAt,
    int targeted,
    int started,
    int inProgress,
    int completed,
    int failed,
    int notStarted,
    List<CompletionMilestone> milestones,
    long bytesFromPeers,
    long bytesFromWebSeed,
    Double offloadRatio,
    List<SiteFigures> sites,
    List<AgentDistribution> agents) {}

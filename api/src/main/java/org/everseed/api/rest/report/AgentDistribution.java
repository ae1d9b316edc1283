package org.everseed.api.rest.report;

import java.time.Instant;

/**
 * One targeted agent in a release report.
 *
 * @param state the agent's latest report ({@code STARTED}, {@code PROGRESS}, {@code COMPLETED},
 *     {@code FAILED}), {@code COMPLETED} from the tracker alone when the agent has not reported, or
 *     {@code NOT_STARTED}
 * @param completedAt when it completed, {@code null} unless completed
 * @param millisToComplete time from publication to {@code completedAt}
 * @param bytesFromPeers from its latest report (0 when it has only been seen by the tracker)
 */
public record AgentDistribution(
    long agentId,
    String name,
    String site,
    String state,
    Instant completedAt,
    Long millisToComplete,
    long bytesFromPeers,
    long bytesFromWebSeed,
    Integer hookExitCode,
    String message,
    Instant lastReportAt) {}

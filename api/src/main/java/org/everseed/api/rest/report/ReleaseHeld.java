package org.everseed.api.rest.report;

import java.time.Instant;

/**
 * One release in an agent's fleet report, from the agent's reports on it.
 *
 * @param state its latest report
 * @param completedAt when it reported completion, {@code null} unless its latest report is one
 * @param failures how many failure reports it sent for this release
 */
public record ReleaseHeld(
    long releaseId,
    String name,
    String version,
    String channel,
    String state,
    Instant completedAt,
    long bytesFromPeers,
    long bytesFromWebSeed,
    int failures,
    String lastMessage,
    Instant lastReportAt) {}

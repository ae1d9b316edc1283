package org.everseed.api.rest.report;

import java.time.Instant;
import java.util.List;

/**
 * The fleet report for one agent: which releases it holds and since when, when it was last seen and
 * what failed.
 *
 * @param held releases whose latest report is a completion
 * @param failures failure reports over all releases
 * @param releases every release it reported on, latest report first
 */
public record AgentReport(
    long agentId,
    String name,
    String site,
    String status,
    Instant lastSeenAt,
    int held,
    int failures,
    List<ReleaseHeld> releases) {}

package org.everseed.application.reporting;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * One targeted agent in a release's rollout.
 *
 * @param timeToComplete from publication to {@code completedAt}
 * @param traffic from its latest report (none when only the tracker saw it)
 * @param lastReportAt its latest report, empty when it never reported
 */
public record AgentRollout(
    long agentId,
    String name,
    String site,
    RolloutState state,
    Optional<Instant> completedAt,
    Optional<Duration> timeToComplete,
    Traffic traffic,
    Optional<Integer> hookExitCode,
    String message,
    Optional<Instant> lastReportAt) {}

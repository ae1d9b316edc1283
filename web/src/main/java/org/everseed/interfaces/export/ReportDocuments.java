package org.everseed.interfaces.export;

import java.time.Duration;
import java.time.Instant;
import java.util.OptionalDouble;
import org.everseed.api.rest.report.AgentDistribution;
import org.everseed.api.rest.report.AgentReport;
import org.everseed.api.rest.report.CompletionMilestone;
import org.everseed.api.rest.report.ReleaseHeld;
import org.everseed.api.rest.report.ReleaseReport;
import org.everseed.api.rest.report.SiteFigures;
import org.everseed.application.reporting.AgentHoldings;
import org.everseed.application.reporting.AgentRollout;
import org.everseed.application.reporting.ReleaseRollout;
import org.everseed.domain.model.distribution.DistributionRecord.State;
import org.everseed.domain.model.distribution.ReleaseOutcome;

/**
 * The reports as the documents of the REST API ({@code api.rest.report}), which every format
 * renders from: JSON, CSV, PDF and the portal's pages. The one place the reporting service's
 * records are mapped.
 */
public final class ReportDocuments {
  private ReportDocuments() {}

  public static ReleaseReport release(ReleaseRollout rollout) {
    var heading = rollout.release();
    var traffic = rollout.traffic();
    return new ReleaseReport(
        heading.id().value(),
        heading.name(),
        heading.version(),
        heading.channel(),
        heading.status().name(),
        heading.publishedAt(),
        rollout.targeted(),
        rollout.started(),
        rollout.inProgress(),
        rollout.completed(),
        rollout.failed(),
        rollout.notStarted(),
        rollout.milestones().stream()
            .map(
                m ->
                    new CompletionMilestone(
                        m.percent(),
                        m.agentsNeeded(),
                        m.reachedAfter().map(Duration::toMillis).orElse(null)))
            .toList(),
        traffic.fromPeers(),
        traffic.fromWebSeed(),
        ratio(traffic.offloadRatio()),
        rollout.sites().stream()
            .map(
                s ->
                    new SiteFigures(
                        s.name(),
                        s.targeted(),
                        s.completed(),
                        s.failed(),
                        s.traffic().fromPeers(),
                        s.traffic().fromWebSeed(),
                        ratio(s.traffic().offloadRatio())))
            .toList(),
        rollout.agents().stream().map(ReportDocuments::agent).toList());
  }

  public static AgentReport agent(AgentHoldings holdings) {
    var agent = holdings.agent();
    return new AgentReport(
        agent.id().value(),
        agent.name(),
        agent.site(),
        agent.status().name(),
        agent.lastSeenAt(),
        holdings.held(),
        holdings.failures(),
        holdings.releases().stream().map(ReportDocuments::held).toList());
  }

  private static AgentDistribution agent(AgentRollout a) {
    return new AgentDistribution(
        a.agentId(),
        a.name(),
        a.site(),
        a.state().name(),
        a.completedAt().orElse(null),
        a.timeToComplete().map(Duration::toMillis).orElse(null),
        a.traffic().fromPeers(),
        a.traffic().fromWebSeed(),
        a.hookExitCode().orElse(null),
        a.message(),
        a.lastReportAt().orElse(null));
  }

  private static ReleaseHeld held(ReleaseOutcome outcome) {
    Instant completedAt = outcome.state() == State.COMPLETED ? outcome.reportedAt() : null;
    return new ReleaseHeld(
        outcome.releaseId(),
        outcome.name(),
        outcome.version(),
        outcome.channel(),
        outcome.state().name(),
        completedAt,
        outcome.bytesFromPeers(),
        outcome.bytesFromWebSeed(),
        outcome.failures(),
        outcome.message(),
        outcome.reportedAt());
  }

  private static Double ratio(OptionalDouble ratio) {
    return ratio.isPresent() ? ratio.getAsDouble() : null;
  }
}

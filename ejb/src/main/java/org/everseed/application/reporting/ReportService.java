package org.everseed.application.reporting;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;
import org.everseed.api.rest.report.AgentReport;
import org.everseed.api.rest.report.ReleaseHeld;
import org.everseed.api.rest.report.ReleaseReport;
import org.everseed.application.catalog.ReleaseNotFoundException;
import org.everseed.application.fleet.Roles;
import org.everseed.domain.model.distribution.DistributionHistory;
import org.everseed.domain.model.distribution.DistributionRecord.State;
import org.everseed.domain.model.distribution.ReleaseOutcome;
import org.everseed.domain.model.fleet.Agent;
import org.everseed.domain.model.fleet.AgentId;
import org.everseed.domain.model.fleet.AgentRepository;
import org.everseed.domain.model.fleet.UnknownAgentException;
import org.everseed.domain.model.release.Release;
import org.everseed.domain.model.release.ReleaseId;
import org.everseed.domain.model.release.ReleaseRepository;

/** The distribution reports, read-only, for auditors and administrators. */
@Stateless
@RolesAllowed({Roles.AUDITOR, Roles.ADMIN})
public class ReportService {
  @Inject ReleaseRepository releases;
  @Inject AgentRepository agents;
  @Inject DistributionHistory history;

  public ReleaseReport releaseReport(ReleaseId id) {
    Release release = releases.find(id).orElseThrow(() -> new ReleaseNotFoundException(id));
    return ReleaseReportCalculator.calculate(
        new ReleaseReportCalculator.ReleaseHeading(
            id.value(),
            release.name(),
            release.version(),
            release.channel().name().value(),
            release.status().name(),
            release.createdAt()),
        history.outcomesOf(id));
  }

  public AgentReport agentReport(AgentId id) {
    Agent agent = agents.find(id).orElseThrow(() -> new UnknownAgentException(id));
    List<ReleaseHeld> releasesHeld =
        history.historyOf(id).stream().map(ReportService::held).toList();
    return new AgentReport(
        id.value(),
        agent.name(),
        agent.site(),
        agent.status().name(),
        agent.lastSeenAt(),
        (int) releasesHeld.stream().filter(r -> r.state().equals(State.COMPLETED.name())).count(),
        releasesHeld.stream().mapToInt(ReleaseHeld::failures).sum(),
        releasesHeld);
  }

  private static ReleaseHeld held(ReleaseOutcome outcome) {
    return new ReleaseHeld(
        outcome.releaseId(),
        outcome.name(),
        outcome.version(),
        outcome.channel(),
        outcome.state().name(),
        outcome.state() == State.COMPLETED ? outcome.reportedAt() : null,
        outcome.bytesFromPeers(),
        outcome.bytesFromWebSeed(),
        outcome.failures(),
        outcome.message(),
        outcome.reportedAt());
  }
}

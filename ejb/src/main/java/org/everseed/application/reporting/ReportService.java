package org.everseed.application.reporting;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.everseed.application.catalog.ReleaseNotFoundException;
import org.everseed.application.fleet.Roles;
import org.everseed.domain.model.distribution.DistributionHistory;
import org.everseed.domain.model.fleet.Agent;
import org.everseed.domain.model.fleet.AgentId;
import org.everseed.domain.model.fleet.AgentRepository;
import org.everseed.domain.model.fleet.UnknownAgentException;
import org.everseed.domain.model.release.Release;
import org.everseed.domain.model.release.ReleaseId;
import org.everseed.domain.model.release.ReleaseRepository;

/**
 * The distribution reports, read-only, for auditors and administrators. The adapters render them
 * (JSON, CSV, PDF, the portal's pages).
 */
@Stateless
@RolesAllowed({Roles.AUDITOR, Roles.ADMIN})
public class ReportService {
  @Inject ReleaseRepository releases;
  @Inject AgentRepository agents;
  @Inject DistributionHistory history;

  public ReleaseRollout releaseReport(ReleaseId id) {
    Release release = releases.find(id).orElseThrow(() -> new ReleaseNotFoundException(id));
    return ReleaseReportCalculator.calculate(
        new ReleaseHeading(
            id,
            release.name(),
            release.version(),
            release.channel().name().value(),
            release.status(),
            release.createdAt()),
        history.outcomesOf(id));
  }

  public AgentHoldings agentReport(AgentId id) {
    Agent agent = agents.find(id).orElseThrow(() -> new UnknownAgentException(id));
    return new AgentHoldings(agent, history.historyOf(id));
  }
}

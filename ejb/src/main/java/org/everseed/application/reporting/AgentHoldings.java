package org.everseed.application.reporting;

import java.util.List;
import org.everseed.domain.model.distribution.DistributionRecord.State;
import org.everseed.domain.model.distribution.ReleaseOutcome;
import org.everseed.domain.model.fleet.Agent;

/**
 * The fleet report for one agent: every release it reported on, latest report first.
 *
 * @param releases one outcome per release, latest report first
 */
public record AgentHoldings(Agent agent, List<ReleaseOutcome> releases) {
  public AgentHoldings {
    releases = List.copyOf(releases);
  }

  /** Releases whose latest report is a completion. */
  public int held() {
    return (int) releases.stream().filter(r -> r.state() == State.COMPLETED).count();
  }

  /** Failure reports over all releases. */
  public int failures() {
    return releases.stream().mapToInt(ReleaseOutcome::failures).sum();
  }
}

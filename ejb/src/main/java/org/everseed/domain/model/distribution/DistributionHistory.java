package org.everseed.domain.model.distribution;

import java.util.List;
import org.everseed.domain.model.fleet.AgentId;
import org.everseed.domain.model.release.ReleaseId;

/** What the reports are made of: agents' reports and the tracker's completions, read together. */
public interface DistributionHistory {
  /**
   * Every agent the release targets — active agents subscribed to its channel or a parent channel —
   * and every agent that reported on it or completed it at the tracker, ordered by site and name.
   */
  List<AgentOutcome> outcomesOf(ReleaseId release);

  /** Every release the agent reported on, latest report first. */
  List<ReleaseOutcome> historyOf(AgentId agent);
}

package org.everseed.application.reporting;

import org.everseed.domain.model.distribution.DistributionRecord;

/** Where one targeted agent stands with a release. */
public enum RolloutState {
  /** Neither a report from the agent nor a completion at the tracker. */
  NOT_STARTED,
  STARTED,
  PROGRESS,
  /** Reported complete, or (without any report) seen completing by the tracker. */
  COMPLETED,
  FAILED;

  static RolloutState of(DistributionRecord.State reported) {
    return valueOf(reported.name());
  }
}

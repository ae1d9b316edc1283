package org.everseed.api.rest.agent;

/** Where an agent is with one release, as it reports it. */
public enum DistributionState {
  /** The download began (or resumed after a restart). */
  STARTED,
  /** Sent now and then while downloading. */
  PROGRESS,
  /** Verified, placed in the target folder, post-install hook run. */
  COMPLETED,
  /** Given up; {@code message} says why. */
  FAILED
}

package org.everseed.application.fleet;

/**
 * CDI event: which passkeys open the tracker and the web seed has changed for one agent. The
 * tracker keeps passkeys and agents in a cache and refreshes it on this event, so that a disabled
 * or re-keyed agent is shut out at its next announce. Fired inside the changing transaction;
 * observers that reload from the database observe it {@code during =
 * TransactionPhase.AFTER_SUCCESS}.
 *
 * @param agentId the agent whose passkey or status changed
 * @param change what happened to it
 */
public record FleetChanged(long agentId, Change change) {
  /** What happened to the agent. */
  public enum Change {
    ENROLLED,
    REENROLLED,
    DISABLED,
    ENABLED,
    REKEYED
  }
}

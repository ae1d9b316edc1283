package org.everseed.domain.model.fleet;

/** Whether an agent's passkey opens the tracker and the web seed. */
public enum AgentStatus {
  ACTIVE,
  DISABLED
}

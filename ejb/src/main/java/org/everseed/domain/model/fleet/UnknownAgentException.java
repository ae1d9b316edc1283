package org.everseed.domain.model.fleet;

import jakarta.ejb.ApplicationException;

/** No agent has this id; an application exception so callers see it as such, not wrapped. */
@ApplicationException(rollback = true)
public class UnknownAgentException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public UnknownAgentException(AgentId id) {
    super("no agent with id " + id);
  }
}

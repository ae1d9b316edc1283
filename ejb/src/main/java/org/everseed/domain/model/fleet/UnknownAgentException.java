package org.everseed.domain.model.fleet;

/** No agent has this id. */
public class UnknownAgentException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public UnknownAgentException(AgentId id) {
    super("no agent with id " + id);
  }
}

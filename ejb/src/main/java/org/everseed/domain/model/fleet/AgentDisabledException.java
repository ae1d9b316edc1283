package org.everseed.domain.model.fleet;

/** A disabled agent tried to enrol or report in; only an administrator can let it back. */
public class AgentDisabledException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public AgentDisabledException(String name) {
    super("agent " + name + " is disabled");
  }
}

package org.everseed.domain.model.fleet;

import jakarta.ejb.ApplicationException;

/** A disabled agent tried to enrol or report in; only an administrator can let it back. */
@ApplicationException(rollback = true)
public class AgentDisabledException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public AgentDisabledException(String name) {
    super("agent " + name + " is disabled");
  }
}

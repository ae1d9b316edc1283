package org.everseed.domain.model.fleet;

/** The identity of an enrolled agent (the {@code agent.id} the server assigned). */
public record AgentId(long value) {
  public AgentId {
    if (value <= 0) {
      throw new IllegalArgumentException("an agent id is a positive number");
    }
  }

  @Override
  public String toString() {
    return Long.toString(value);
  }
}

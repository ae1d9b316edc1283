package org.everseed.api.rest.agent;

/**
 * The answer to an enrolment: the agent's identity and its tracker passkey, which goes into the
 * path of its announce and web seed URLs. The passkey is a secret: never log it.
 */
public record AgentEnrolled(long agentId, String passkey) {
  @Override
  public String toString() {
    return "AgentEnrolled[agentId=" + agentId + ", passkey=…]";
  }
}

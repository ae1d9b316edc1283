package org.everseed.api.rest.agent;

import java.util.List;

/**
 * {@code POST /api/v1/agents}: an agent introduces itself. Enrolling again under the same name
 * returns the same agent and updates its site, version and channels.
 *
 * @param name unique name of the agent, usually its host name
 * @param site where it runs; peers of the same site are preferred
 * @param version the agent's software version
 * @param channels the channels it subscribes to, e.g. {@code patches/linux-x64}
 */
public record AgentEnrolment(String name, String site, String version, List<String> channels) {
  public AgentEnrolment {
    channels = channels == null ? List.of() : List.copyOf(channels);
  }
}

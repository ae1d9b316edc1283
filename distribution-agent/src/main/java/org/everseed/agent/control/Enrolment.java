package org.everseed.agent.control;

import java.io.IOException;
import java.util.OptionalLong;
import java.util.function.Consumer;
import org.everseed.api.Version;
import org.everseed.api.rest.agent.AgentEnrolled;
import org.everseed.api.rest.agent.AgentEnrolment;

/**
 * Who this agent is to the server: enrols once with its name, site, version and channels, and
 * remembers the agent id the server gave it. Until then the agent has nothing to report.
 */
final class Enrolment {

  private final AgentSettings settings;
  private final ServerClient server;
  private final Consumer<String> log;
  private volatile long agentId = -1;

  Enrolment(AgentSettings settings, ServerClient server, Consumer<String> log) {
    this.settings = settings;
    this.server = server;
    this.log = log;
  }

  /** The agent id, enrolling first if this agent has none yet. */
  synchronized long ensureEnrolled() throws IOException, InterruptedException {
    if (agentId < 0) {
      AgentEnrolled enrolled =
          server.enrol(
              new AgentEnrolment(
                  settings.name(), settings.site(), Version.current(), settings.channels()));
      agentId = enrolled.agentId();
      log.accept("enrolled as agent " + agentId);
    }
    return agentId;
  }

  /** The agent id, empty before the first successful enrolment. */
  OptionalLong agentId() {
    long id = agentId;
    return id < 0 ? OptionalLong.empty() : OptionalLong.of(id);
  }
}

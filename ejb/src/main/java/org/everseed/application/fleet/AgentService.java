package org.everseed.application.fleet;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJBContext;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.everseed.application.audit.AuditTrail;
import org.everseed.application.fleet.FleetChanged.Change;
import org.everseed.domain.model.audit.AuditAction;
import org.everseed.domain.model.fleet.Agent;
import org.everseed.domain.model.fleet.AgentDisabledException;
import org.everseed.domain.model.fleet.AgentId;
import org.everseed.domain.model.fleet.AgentRegistration;
import org.everseed.domain.model.fleet.AgentRepository;
import org.everseed.domain.model.fleet.PasskeyGrant;
import org.everseed.domain.model.fleet.PasskeyGrantRepository;
import org.everseed.domain.model.fleet.UnknownAgentException;
import org.everseed.domain.model.tracking.Passkey;

/**
 * Enrols distribution agents and lets administrators manage them. Every change to who may use the
 * tracker fires {@link FleetChanged} so the tracker's passkey cache follows.
 */
@Stateless
public class AgentService {
  @Inject AgentRepository agents;
  @Inject PasskeyGrantRepository passkeys;
  @Inject Event<FleetChanged> fleetChanged;
  @Resource EJBContext context;
  @Inject AuditTrail audit;
  @Inject Clock clock;

  /**
   * Enrols an agent, or re-enrols the agent of the same name with its new declaration. Returns its
   * live passkey, issuing one if it has none (first enrolment, or after a re-key by an admin).
   *
   * @throws AgentDisabledException if an administrator disabled the agent of that name
   */
  @RolesAllowed(Roles.AGENT)
  public Enrolment enrol(AgentRegistration registration) {
    Instant now = now();
    Agent agent =
        agents
            .findByName(registration.name())
            .map(
                known -> {
                  if (!known.isActive()) {
                    throw new AgentDisabledException(known.name());
                  }
                  known.reenrol(registration, now);
                  return known;
                })
            .orElseGet(
                () -> Agent.enrol(registration, context.getCallerPrincipal().getName(), now));
    boolean firstTime = !agent.isEnrolled();
    agents.store(agent);
    Passkey passkey = livePasskey(agent, now);
    audit.record(
        caller(),
        firstTime ? AuditAction.AGENT_ENROLLED : AuditAction.AGENT_REENROLLED,
        AuditTrail.agent(agent.id().value()),
        "name",
        agent.name(),
        "site",
        agent.site(),
        "version",
        registration.version(),
        "channels",
        registration.channelList());
    fleetChanged.fire(
        new FleetChanged(agent.id().value(), firstTime ? Change.ENROLLED : Change.REENROLLED));
    return new Enrolment(agent.id(), passkey);
  }

  /** The agent reports in; a disabled agent is refused. */
  @RolesAllowed(Roles.AGENT)
  public void heartbeat(AgentId id, String version) {
    Agent agent = existing(id);
    if (!agent.isActive()) {
      throw new AgentDisabledException(agent.name());
    }
    agent.heartbeat(version, now());
  }

  @RolesAllowed(Roles.ADMIN)
  public List<Agent> listAgents() {
    return agents.findAll();
  }

  /** Shuts the agent out: its live passkey is revoked, so its next announce fails. */
  @RolesAllowed(Roles.ADMIN)
  public Agent disable(AgentId id) {
    Agent agent = existing(id);
    agent.disable();
    passkeys.findLiveForAgent(id.value()).ifPresent(this::revoke);
    audited(AuditAction.AGENT_DISABLED, agent);
    fleetChanged.fire(new FleetChanged(id.value(), Change.DISABLED));
    return agent;
  }

  /** Lets the agent back in with a new passkey, which it receives when it next enrols. */
  @RolesAllowed(Roles.ADMIN)
  public Agent enable(AgentId id) {
    Agent agent = existing(id);
    agent.enable();
    livePasskey(agent, now());
    audited(AuditAction.AGENT_ENABLED, agent);
    fleetChanged.fire(new FleetChanged(id.value(), Change.ENABLED));
    return agent;
  }

  /**
   * Replaces the agent's passkey (for example after it leaked): the old one stops working at once;
   * the agent receives the new one when it next enrols, so no administrator ever sees it.
   *
   * @throws AgentDisabledException if the agent is disabled (it has no passkey to replace)
   */
  @RolesAllowed(Roles.ADMIN)
  public Agent rekey(AgentId id) {
    Agent agent = existing(id);
    if (!agent.isActive()) {
      throw new AgentDisabledException(agent.name());
    }
    passkeys.findLiveForAgent(id.value()).ifPresent(this::revoke);
    livePasskey(agent, now());
    audited(AuditAction.AGENT_REKEYED, agent);
    fleetChanged.fire(new FleetChanged(id.value(), Change.REKEYED));
    return agent;
  }

  private void audited(AuditAction action, Agent agent) {
    audit.record(
        caller(),
        action,
        AuditTrail.agent(agent.id().value()),
        "name",
        agent.name(),
        "site",
        agent.site());
  }

  private String caller() {
    return context.getCallerPrincipal().getName();
  }

  private Agent existing(AgentId id) {
    return agents.find(id).orElseThrow(() -> new UnknownAgentException(id));
  }

  private Passkey livePasskey(Agent agent, Instant now) {
    return passkeys
        .findLiveForAgent(agent.id().value())
        .orElseGet(
            () -> {
              PasskeyGrant issued = PasskeyGrant.forAgent(agent.id().value(), agent.site(), now);
              passkeys.store(issued);
              return issued;
            })
        .passkey();
  }

  private void revoke(PasskeyGrant grant) {
    grant.revoke(now());
    passkeys.store(grant);
  }

  private Instant now() {
    return Instant.now(clock);
  }

  /** The result of an enrolment: who the agent is and the passkey it must use. */
  public record Enrolment(AgentId agentId, Passkey passkey) {}
}

package org.everseed.application.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJBContext;
import jakarta.enterprise.event.Event;
import java.lang.reflect.Field;
import java.lang.reflect.Proxy;
import java.security.Principal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.everseed.application.audit.AuditTrail;
import org.everseed.application.fleet.FleetChanged.Change;
import org.everseed.domain.model.audit.AuditAction;
import org.everseed.domain.model.audit.AuditLog;
import org.everseed.domain.model.audit.AuditQuery;
import org.everseed.domain.model.audit.AuditSearchResult;
import org.everseed.domain.model.channel.ChannelName;
import org.everseed.domain.model.fleet.Agent;
import org.everseed.domain.model.fleet.AgentDisabledException;
import org.everseed.domain.model.fleet.AgentId;
import org.everseed.domain.model.fleet.AgentRegistration;
import org.everseed.domain.model.fleet.AgentRepository;
import org.everseed.domain.model.fleet.AgentStatus;
import org.everseed.domain.model.fleet.PasskeyGrant;
import org.everseed.domain.model.fleet.PasskeyGrantRepository;
import org.everseed.domain.model.fleet.UnknownAgentException;
import org.everseed.domain.model.tracking.Passkey;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The fleet rules without a container: one live passkey per agent, revocation on disable and
 * re-key, and a {@link FleetChanged} event for every change the tracker's cache must follow.
 */
class AgentServiceTest {
  private final InMemoryAgents agents = new InMemoryAgents();
  private final InMemoryPasskeys passkeys = new InMemoryPasskeys();
  private final List<FleetChanged> events = new ArrayList<>();
  private final List<String> audited = new ArrayList<>();
  private final AgentService service = new AgentService();

  @BeforeEach
  @SuppressWarnings("unchecked")
  void wire() {
    service.agents = agents;
    service.clock = Clock.systemUTC();
    service.passkeys = passkeys;
    service.audit =
        new AuditTrail(
            new AuditLog() {
              @Override
              public void append(
                  String actor, AuditAction action, String target, Map<String, String> details) {
                audited.add(actor + " " + action + " " + target);
              }

              @Override
              public AuditSearchResult search(AuditQuery query) {
                throw new UnsupportedOperationException();
              }
            });
    service.fleetChanged =
        (Event<FleetChanged>)
            Proxy.newProxyInstance(
                getClass().getClassLoader(),
                new Class<?>[] {Event.class},
                (proxy, method, args) -> {
                  if (method.getName().equals("fire")) {
                    events.add((FleetChanged) args[0]);
                    return null;
                  }
                  throw new UnsupportedOperationException(method.getName());
                });
    Principal caller = () -> "service-account-everseed-agent";
    service.context =
        (EJBContext)
            Proxy.newProxyInstance(
                getClass().getClassLoader(),
                new Class<?>[] {EJBContext.class},
                (proxy, method, args) -> {
                  if (method.getName().equals("getCallerPrincipal")) {
                    return caller;
                  }
                  throw new UnsupportedOperationException(method.getName());
                });
  }

  @Test
  void enrolmentIssuesOneLivePasskeyAndRecordsWhoEnrolled() {
    AgentService.Enrolment enrolment = service.enrol(registration("host-1", "paris"));

    Agent agent = agents.find(enrolment.agentId()).orElseThrow();
    assertEquals("service-account-everseed-agent", agent.enrolledBy());
    assertEquals(List.of(enrolment.passkey()), passkeys.liveFor(enrolment.agentId()));
    assertEquals(List.of(new FleetChanged(enrolment.agentId().value(), Change.ENROLLED)), events);
  }

  @Test
  void reenrolmentKeepsAgentAndPasskeyAndTakesTheNewDeclaration() {
    AgentService.Enrolment first = service.enrol(registration("host-1", "paris"));

    AgentService.Enrolment again = service.enrol(registration("host-1", "lyon"));

    assertEquals(first, again);
    assertEquals("lyon", agents.find(first.agentId()).orElseThrow().site());
    assertEquals(Change.REENROLLED, events.get(1).change());
  }

  @Test
  void disableRevokesTheLivePasskeyAndTellsTheTracker() {
    AgentId id = service.enrol(registration("host-1", "paris")).agentId();

    service.disable(id);

    assertEquals(AgentStatus.DISABLED, agents.find(id).orElseThrow().status());
    assertTrue(passkeys.liveFor(id).isEmpty());
    assertEquals(new FleetChanged(id.value(), Change.DISABLED), events.get(events.size() - 1));
    assertEquals(
        List.of(
            "service-account-everseed-agent AGENT_ENROLLED agent:" + id.value(),
            "service-account-everseed-agent AGENT_DISABLED agent:" + id.value()),
        audited);
  }

  @Test
  void disabledAgentCannotEnrolHeartbeatOrBeRekeyed() {
    AgentId id = service.enrol(registration("host-1", "paris")).agentId();
    service.disable(id);

    assertThrows(AgentDisabledException.class, () -> service.enrol(registration("host-1", "x")));
    assertThrows(AgentDisabledException.class, () -> service.heartbeat(id, "2.0"));
    assertThrows(AgentDisabledException.class, () -> service.rekey(id));
  }

  @Test
  void enableIssuesAFreshPasskey() {
    AgentService.Enrolment first = service.enrol(registration("host-1", "paris"));
    service.disable(first.agentId());

    service.enable(first.agentId());

    List<Passkey> live = passkeys.liveFor(first.agentId());
    assertEquals(1, live.size());
    assertNotEquals(first.passkey(), live.get(0));
    assertEquals(Change.ENABLED, events.get(events.size() - 1).change());
    assertTrue(audited.get(audited.size() - 1).contains("AGENT_ENABLED"), audited.toString());
  }

  @Test
  void rekeyReplacesThePasskeyAndTellsTheTracker() {
    AgentService.Enrolment first = service.enrol(registration("host-1", "paris"));

    service.rekey(first.agentId());

    List<Passkey> live = passkeys.liveFor(first.agentId());
    assertEquals(1, live.size());
    assertNotEquals(first.passkey(), live.get(0));
    assertFalse(passkeys.isLive(first.passkey()));
    assertEquals(Change.REKEYED, events.get(events.size() - 1).change());
    assertEquals(live.get(0), service.enrol(registration("host-1", "paris")).passkey());
  }

  @Test
  void heartbeatTakesAWellFormedVersionAndRefusesAMalformedOne() {
    AgentId id = service.enrol(registration("host-1", "paris")).agentId();

    service.heartbeat(id, "1.1");
    assertEquals("1.1", agents.find(id).orElseThrow().version());
    assertThrows(IllegalArgumentException.class, () -> service.heartbeat(id, "1.2\nforged"));
    assertEquals("1.1", agents.find(id).orElseThrow().version());
  }

  @Test
  void unknownAgentIsReported() {
    assertThrows(UnknownAgentException.class, () -> service.disable(new AgentId(42)));
  }

  private static AgentRegistration registration(String name, String site) {
    return new AgentRegistration(name, site, "1.0", List.of(new ChannelName("patches/linux-x64")));
  }

  /** Plays the database's part, including handing out identity values. */
  private static final class InMemoryAgents implements AgentRepository {
    private final List<Agent> stored = new ArrayList<>();

    @Override
    public Optional<Agent> find(AgentId id) {
      return stored.stream().filter(a -> a.id().equals(id)).findFirst();
    }

    @Override
    public Optional<Agent> findByName(String name) {
      return stored.stream().filter(a -> a.name().equals(name)).findFirst();
    }

    @Override
    public List<Agent> findAll() {
      return List.copyOf(stored);
    }

    @Override
    public void store(Agent agent) {
      if (!agent.isEnrolled()) {
        assignIdentity(agent, stored.size() + 1L);
        stored.add(agent);
      }
    }

    // The identity column assigns ids in production; the entity deliberately has no setter.
    private static void assignIdentity(Agent agent, long id) {
      try {
        Field field = Agent.class.getDeclaredField("id");
        field.setAccessible(true);
        field.set(agent, id);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  private static final class InMemoryPasskeys implements PasskeyGrantRepository {
    private final List<PasskeyGrant> stored = new ArrayList<>();

    @Override
    public Optional<PasskeyGrant> findLiveForUser(String username) {
      return stored.stream()
          .filter(p -> p.isLive() && p.username().equals(Optional.of(username)))
          .findFirst();
    }

    @Override
    public Optional<PasskeyGrant> findLiveForAgent(long agentId) {
      return stored.stream()
          .filter(p -> p.isLive() && p.agentId().equals(Optional.of(agentId)))
          .findFirst();
    }

    @Override
    public void store(PasskeyGrant grant) {
      if (!stored.contains(grant)) {
        stored.add(grant);
      }
    }

    List<Passkey> liveFor(AgentId id) {
      return stored.stream()
          .filter(p -> p.isLive() && p.agentId().equals(Optional.of(id.value())))
          .map(PasskeyGrant::passkey)
          .toList();
    }

    boolean isLive(Passkey value) {
      return stored.stream().anyMatch(p -> p.passkey().equals(value) && p.isLive());
    }
  }
}

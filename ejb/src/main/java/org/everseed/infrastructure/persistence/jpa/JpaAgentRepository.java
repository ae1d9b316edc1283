package org.everseed.infrastructure.persistence.jpa;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import org.everseed.domain.model.fleet.Agent;
import org.everseed.domain.model.fleet.AgentId;
import org.everseed.domain.model.fleet.AgentRepository;

/** Agents in PostgreSQL. */
@ApplicationScoped
public class JpaAgentRepository implements AgentRepository {
  @PersistenceContext(unitName = "everseed")
  private EntityManager em;

  @Override
  public Optional<Agent> find(AgentId id) {
    return Optional.ofNullable(em.find(Agent.class, id.value()));
  }

  @Override
  public Optional<Agent> findByName(String name) {
    return em.createQuery("select a from Agent a where a.name = :name", Agent.class)
        .setParameter("name", name)
        .getResultStream()
        .findFirst();
  }

  @Override
  public List<Agent> findAll() {
    return em.createQuery("select a from Agent a order by a.name", Agent.class).getResultList();
  }

  @Override
  public void store(Agent agent) {
    if (agent.isEnrolled()) {
      em.merge(agent);
    } else {
      // The identity column gives the new agent its id, which its passkey refers to.
      em.persist(agent);
      em.flush();
    }
  }
}

package org.everseed.infrastructure.persistence.jpa;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import org.everseed.domain.model.fleet.PasskeyGrant;
import org.everseed.domain.model.fleet.PasskeyGrantRepository;

/** Passkey grants in PostgreSQL (table {@code passkey}). */
@ApplicationScoped
public class JpaPasskeyGrantRepository implements PasskeyGrantRepository {
  @PersistenceContext(unitName = "everseed")
  private EntityManager em;

  @Override
  public Optional<PasskeyGrant> findLiveForUser(String username) {
    return em.createQuery(
            "select p from PasskeyGrant p where p.username = :u and p.revokedAt is null",
            PasskeyGrant.class)
        .setParameter("u", username)
        .getResultStream()
        .findFirst();
  }

  @Override
  public Optional<PasskeyGrant> findLiveForAgent(long agentId) {
    return em.createQuery(
            "select p from PasskeyGrant p where p.agentId = :a and p.revokedAt is null",
            PasskeyGrant.class)
        .setParameter("a", agentId)
        .getResultStream()
        .findFirst();
  }

  @Override
  public void store(PasskeyGrant grant) {
    if (em.find(PasskeyGrant.class, grant.passkey().value()) == null) {
      em.persist(grant);
    } else {
      em.merge(grant);
      // Hibernate flushes inserts before updates; a holder's new passkey would then collide with
      // its old one in the "one live passkey per holder" index before the revocation is written.
      em.flush();
    }
  }
}

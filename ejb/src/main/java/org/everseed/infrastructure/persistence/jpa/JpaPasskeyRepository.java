package org.everseed.infrastructure.persistence.jpa;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import org.everseed.domain.model.fleet.Passkey;
import org.everseed.domain.model.fleet.PasskeyRepository;

/** Passkeys in PostgreSQL. */
@ApplicationScoped
public class JpaPasskeyRepository implements PasskeyRepository {
  @PersistenceContext(unitName = "everseed")
  private EntityManager em;

  @Override
  public Optional<Passkey> findLiveForUser(String username) {
    return em.createQuery(
            "select p from Passkey p where p.username = :u and p.revokedAt is null", Passkey.class)
        .setParameter("u", username)
        .getResultStream()
        .findFirst();
  }

  @Override
  public Optional<Passkey> findLiveForAgent(long agentId) {
    return em.createQuery(
            "select p from Passkey p where p.agentId = :a and p.revokedAt is null", Passkey.class)
        .setParameter("a", agentId)
        .getResultStream()
        .findFirst();
  }

  @Override
  public void store(Passkey passkey) {
    if (em.find(Passkey.class, passkey.value().value()) == null) {
      em.persist(passkey);
    } else {
      em.merge(passkey);
      // Hibernate flushes inserts before updates; a holder's new passkey would then collide with
      // its old one in the "one live passkey per holder" index before the revocation is written.
      em.flush();
    }
  }
}

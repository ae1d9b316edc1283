package org.everseed.application;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;

/** Checks that the database answers through the persistence unit. */
@Stateless
public class DatabaseProbe {
  @PersistenceContext(unitName = "everseed")
  EntityManager em;

  /** Never throws: a failure is a {@link DatabaseStatus} that says why. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public DatabaseStatus probe() {
    try {
      Object version =
          em.createNativeQuery(
                  "select version from flyway_schema_history"
                      + " where success order by installed_rank desc limit 1")
              .getSingleResult();
      return new DatabaseStatus(true, String.valueOf(version), "");
    } catch (PersistenceException | IllegalStateException e) {
      return new DatabaseStatus(false, null, rootMessage(e));
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage();
    return message == null ? root.getClass().getSimpleName() : message.lines().findFirst().get();
  }
}

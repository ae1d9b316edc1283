package org.everseed.container.support;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.Stateless;
import java.util.concurrent.Callable;

/**
 * Runs work under the realm role {@code auditor}, as if Keycloak had authenticated the caller with
 * it: the services' own {@code @RolesAllowed} checks stay on.
 */
@Stateless
@PermitAll
@RunAs("auditor")
public class AsAuditor {
  public <T> T call(Callable<T> work) throws Exception {
    return work.call();
  }
}

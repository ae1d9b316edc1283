package org.everseed.interfaces.rest;

import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;
import org.everseed.application.fleet.Roles;

/** Who is calling, as the container authenticated them (Keycloak through elytron-oidc-client). */
final class Caller {
  private Caller() {}

  /** The caller's user name; 401 when the request is anonymous. */
  static String name(SecurityContext security) {
    Principal principal = security.getUserPrincipal();
    if (principal == null || principal.getName() == null || principal.getName().isBlank()) {
      throw new NotAuthorizedException(
          "authentication required",
          Response.status(401).header("WWW-Authenticate", "Bearer").build());
    }
    return principal.getName();
  }

  static boolean isAdmin(SecurityContext security) {
    return security.isUserInRole(Roles.ADMIN);
  }
}

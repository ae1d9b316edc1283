package org.everseed.interfaces.portal;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.util.List;
import java.util.stream.Stream;
import org.everseed.application.fleet.Roles;

/** The signed-in person as the pages show them: name, realm roles and what they may do. */
@Named("user")
@RequestScoped
public class PortalUser {
  @Inject HttpServletRequest request;

  public boolean isSignedIn() {
    return request.getUserPrincipal() != null;
  }

  /** The user name (Keycloak's preferred_username); empty when nobody is signed in. */
  public String getName() {
    Principal principal = request.getUserPrincipal();
    return principal == null ? "" : principal.getName();
  }

  public List<String> getRoles() {
    return Stream.of(Roles.PUBLISHER, Roles.AUDITOR, Roles.ADMIN)
        .filter(request::isUserInRole)
        .toList();
  }

  public boolean isAdmin() {
    return request.isUserInRole(Roles.ADMIN);
  }

  public boolean isAuditor() {
    return request.isUserInRole(Roles.AUDITOR);
  }

  /** Publishing is for publishers and admins, the same roles the REST API allows. */
  public boolean isMayPublish() {
    return request.isUserInRole(Roles.PUBLISHER) || isAdmin();
  }

  /** The token the portal's scripts send back with state-changing calls. */
  public String getCsrfToken() {
    return CsrfToken.of(request.getSession());
  }
}

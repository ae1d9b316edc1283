package org.everseed.application.fleet;

/** The Keycloak realm roles, as names for {@code @RolesAllowed}. */
public final class Roles {
  public static final String PUBLISHER = "publisher";
  public static final String AUDITOR = "auditor";
  public static final String ADMIN = "admin";
  public static final String AGENT = "agent";

  private Roles() {}
}

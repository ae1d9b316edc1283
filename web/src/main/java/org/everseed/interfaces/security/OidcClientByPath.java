package org.everseed.interfaces.security;

import java.util.Map;
import org.wildfly.security.http.oidc.OidcClientConfiguration;
import org.wildfly.security.http.oidc.OidcClientConfigurationBuilder;
import org.wildfly.security.http.oidc.OidcClientConfigurationResolver;
import org.wildfly.security.http.oidc.OidcHttpFacade;
import org.wildfly.security.http.oidc.OidcJsonConfiguration;

/**
 * One WAR serves the REST API and the portal, which Keycloak knows as two clients: {@code /api/*}
 * is checked as the bearer-only resource {@code everseed-api} (no token: 401, never a redirect to a
 * login page; no session cookie is ever accepted there, so the API cannot be driven by cross-site
 * requests), every other path as the confidential {@code everseed-portal} client with the
 * authorization-code flow. Registered in {@code web.xml} as {@code oidc.config.resolver}; WildFly
 * instantiates it once per deployment.
 */
public final class OidcClientByPath implements OidcClientConfigurationResolver {
  static final String API_PATH = "/api/";

  // Built once: each holds the provider's metadata and signing keys, fetched on first use.
  private final OidcClientConfiguration api;
  private final OidcClientConfiguration portal;

  public OidcClientByPath() {
    OidcSettings settings = OidcSettings.fromSystemProperties();
    this.api = OidcClientConfigurationBuilder.build(apiClient(settings));
    this.portal = OidcClientConfigurationBuilder.build(portalClient(settings));
  }

  @Override
  public OidcClientConfiguration resolve(OidcHttpFacade.Request request) {
    String path = request.getRelativePath();
    return path != null && path.startsWith(API_PATH) ? api : portal;
  }

  static OidcJsonConfiguration apiClient(OidcSettings settings) {
    OidcJsonConfiguration json = common(settings);
    json.setClientId("everseed-api");
    json.setBearerOnly(true);
    return json;
  }

  static OidcJsonConfiguration portalClient(OidcSettings settings) {
    OidcJsonConfiguration json = common(settings);
    json.setClientId("everseed-portal");
    json.setCredentials(Map.of("secret", settings.portalClientSecret()));
    json.setPkce(true);
    return json;
  }

  private static OidcJsonConfiguration common(OidcSettings settings) {
    OidcJsonConfiguration json = new OidcJsonConfiguration();
    json.setProviderUrl(settings.providerUrl());
    json.setSslRequired(settings.sslRequired());
    // Audit trails and enrolments name people and service accounts, not Keycloak's UUIDs.
    json.setPrincipalAttribute("preferred_username");
    json.setUseRealmRoleMappings(true);
    return json;
  }
}

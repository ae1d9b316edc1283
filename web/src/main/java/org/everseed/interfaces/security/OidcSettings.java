package org.everseed.interfaces.security;

import java.net.URI;

/**
 * Where Keycloak is and how the application identifies itself to it, read from system properties
 * that the server configuration ({@code configure.cli}) defines from {@code EVERSEED_OIDC_*}
 * environment variables; the application itself knows no address and no secret.
 *
 * @param providerUrl the realm's issuer URL, e.g. {@code http://127.0.0.1:8280/realms/everseed}
 * @param portalClientSecret the secret of the confidential {@code everseed-portal} client
 * @param sslRequired {@code external} (HTTPS except from private addresses), {@code all} or {@code
 *     none}
 */
public record OidcSettings(String providerUrl, String portalClientSecret, String sslRequired) {
  static final String PROVIDER_URL = "everseed.oidc.provider-url";
  static final String PORTAL_CLIENT_SECRET = "everseed.oidc.portal-client-secret";
  static final String SSL_REQUIRED = "everseed.oidc.ssl-required";

  public OidcSettings {
    if (providerUrl == null || providerUrl.isBlank()) {
      throw new IllegalStateException(
          "system property " + PROVIDER_URL + " is not set (see EVERSEED_OIDC_PROVIDER_URL)");
    }
    if (portalClientSecret == null || portalClientSecret.isBlank()) {
      throw new IllegalStateException(
          "system property " + PORTAL_CLIENT_SECRET + " is not set (EVERSEED_OIDC_PORTAL_SECRET)");
    }
    sslRequired = sslRequired == null || sslRequired.isBlank() ? "external" : sslRequired;
  }

  /** The settings of this server. */
  public static OidcSettings fromSystemProperties() {
    return new OidcSettings(
        System.getProperty(PROVIDER_URL),
        System.getProperty(PORTAL_CLIENT_SECRET),
        System.getProperty(SSL_REQUIRED));
  }

  /** Scheme, host and port of the provider, for the portal's Content-Security-Policy. */
  public String providerOrigin() {
    URI uri = URI.create(providerUrl);
    return uri.getScheme() + "://" + uri.getAuthority();
  }

  /** Never the secret. */
  @Override
  public String toString() {
    return "OidcSettings[providerUrl=" + providerUrl + ", sslRequired=" + sslRequired + "]";
  }
}

package org.everseed.interfaces.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Security headers on every response: the portal may not be framed (clickjacking), loads scripts,
 * styles and images only from itself, posts forms only to itself and to Keycloak (login and logout
 * redirect there), and browsers must not guess content types. No referrer leaves the site: tracker
 * and web seed URLs carry passkeys in their path.
 */
@WebFilter(filterName = "security-headers", urlPatterns = "/*")
public class SecurityHeadersFilter extends HttpFilter {
  private static final long serialVersionUID = 1L;

  private String contentSecurityPolicy;

  @Override
  public void init() {
    contentSecurityPolicy = contentSecurityPolicy(OidcSettings.fromSystemProperties());
  }

  /**
   * Inline styles are allowed because Jakarta Faces components render {@code style} attributes;
   * inline scripts are not, so portal pages use script files, never {@code onclick} attributes.
   */
  static String contentSecurityPolicy(OidcSettings settings) {
    return "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline';"
        + " img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self' "
        + settings.providerOrigin()
        + "; frame-ancestors 'none'";
  }

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    response.setHeader("Content-Security-Policy", contentSecurityPolicy);
    response.setHeader("X-Frame-Options", "DENY");
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("Referrer-Policy", "no-referrer");
    chain.doFilter(request, response);
  }
}

package org.everseed.interfaces.portal;

import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.everseed.interfaces.security.OidcSettings;
import org.wildfly.security.http.oidc.OidcSecurityContext;

/**
 * Signs out of the portal and of Keycloak: the session (with its tokens) is dropped, then the
 * browser goes to the realm's end-session endpoint, which comes back to the portal's root. A POST
 * with the CSRF token, so another site cannot sign people out.
 */
@WebServlet("/portal/logout")
public class LogoutServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;
  static final String PORTAL_CLIENT = "everseed-portal";

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException, ServletException {
    HttpSession session = request.getSession(false);
    if (!CsrfToken.matches(session, request.getParameter(CsrfToken.FIELD))) {
      response.sendError(403, "the page is out of date; reload it and sign out again");
      return;
    }
    String idToken = idToken(request, session);
    session.invalidate();
    request.logout();
    String back = requestBase(request) + request.getContextPath() + "/";
    String provider = OidcSettings.fromSystemProperties().providerUrl();
    // With the ID token as a hint Keycloak ends its session at once; without, it asks first.
    response.sendRedirect(
        provider
            + "/protocol/openid-connect/logout?client_id="
            + PORTAL_CLIENT
            + "&post_logout_redirect_uri="
            + URLEncoder.encode(back, StandardCharsets.UTF_8)
            + (idToken == null ? "" : "&id_token_hint=" + idToken));
  }

  /** The signed-in user's ID token, where elytron-oidc-client keeps it for the request. */
  private static String idToken(HttpServletRequest request, HttpSession session) {
    String key = OidcSecurityContext.class.getName();
    Object context = request.getAttribute(key);
    if (context == null) {
      context = session.getAttribute(key);
    }
    return context instanceof OidcSecurityContext oidc ? oidc.getIDTokenString() : null;
  }

  private static String requestBase(HttpServletRequest request) {
    String url = request.getRequestURL().toString();
    return url.substring(0, url.length() - request.getRequestURI().length());
  }
}

package org.everseed.interfaces.portal;

import jakarta.servlet.http.HttpSession;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * A random token per session that the portal's own POST endpoints require in a header or field.
 * Faces forms are protected by their server-side ViewState; these endpoints are called by scripts
 * and plain forms, which a page on another site could otherwise submit with the user's cookie. (The
 * Origin header cannot be used instead: with {@code Referrer-Policy: no-referrer} browsers send
 * {@code Origin: null} on same-origin POSTs.)
 */
final class CsrfToken {
  static final String HEADER = "X-Everseed-Csrf";
  static final String FIELD = "csrf";
  private static final String ATTRIBUTE = CsrfToken.class.getName();
  private static final SecureRandom RANDOM = new SecureRandom();

  private CsrfToken() {}

  static String of(HttpSession session) {
    synchronized (session) {
      Object existing = session.getAttribute(ATTRIBUTE);
      if (existing instanceof String token) {
        return token;
      }
      byte[] bytes = new byte[32];
      RANDOM.nextBytes(bytes);
      String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
      session.setAttribute(ATTRIBUTE, token);
      return token;
    }
  }

  /**
   * Whether {@code given} is the session's token. Callers pass the header or the form field
   * explicitly: reading a parameter of a multipart upload would consume its body.
   */
  static boolean matches(HttpSession session, String given) {
    if (session == null || given == null) {
      return false;
    }
    return session.getAttribute(ATTRIBUTE) instanceof String expected
        && MessageDigest.isEqual(
            expected.getBytes(StandardCharsets.US_ASCII),
            given.getBytes(StandardCharsets.US_ASCII));
  }
}

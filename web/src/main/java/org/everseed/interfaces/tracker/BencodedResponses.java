package org.everseed.interfaces.tracker;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Writes a bencoded tracker answer: 200, {@code text/plain}, exact length, never cached. */
final class BencodedResponses {
  private BencodedResponses() {}

  static void send(HttpServletResponse response, byte[] body) throws IOException {
    response.setStatus(HttpServletResponse.SC_OK);
    response.setContentType("text/plain");
    response.setHeader("Cache-Control", "no-cache");
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }

  /** The passkey is the one path segment after the servlet's path. */
  static String passkey(HttpServletRequest request) {
    String path = request.getPathInfo();
    return path == null || path.length() < 2 ? "" : path.substring(1);
  }
}

package org.everseed.interfaces.tracker;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.everseed.application.tracker.Tracker;

/**
 * {@code GET /announce/{passkey}?info_hash=…&peer_id=…&port=…} (BEP 3, 7, 23). Started with the
 * application, it also hands the {@link Tracker} to {@link TrackerServletExtension}'s I/O-thread
 * handler, which answers announces before they reach the servlet container when enabled.
 */
@WebServlet(urlPatterns = "/announce/*", loadOnStartup = 1)
public class AnnounceServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;

  @Inject transient Tracker tracker;

  @Override
  public void init() {
    getServletContext().setAttribute(Tracker.class.getName(), tracker);
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    // The raw query: the container has not decoded it, so binary values arrive intact.
    BencodedResponses.send(
        response,
        TrackerHttp.announce(
            tracker,
            BencodedResponses.passkey(request),
            request.getQueryString(),
            request.getRemoteAddr()));
  }
}

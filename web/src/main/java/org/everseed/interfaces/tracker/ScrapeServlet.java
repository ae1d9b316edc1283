package org.everseed.interfaces.tracker;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.everseed.application.tracker.Tracker;

/** {@code GET /scrape/{passkey}?info_hash=…[&info_hash=…]} (BEP 48). */
@WebServlet(urlPatterns = "/scrape/*", loadOnStartup = 1)
public class ScrapeServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;

  @Inject transient Tracker tracker;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    BencodedResponses.send(
        response,
        TrackerHttp.scrape(tracker, BencodedResponses.passkey(request), request.getQueryString()));
  }
}

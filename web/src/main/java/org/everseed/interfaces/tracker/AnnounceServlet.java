package org.everseed.interfaces.tracker;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.everseed.api.tracker.QueryParameters;
import org.everseed.api.tracker.TrackerRequestException;
import org.everseed.api.tracker.TrackerResponses;
import org.everseed.application.tracker.AnnounceAnswer;
import org.everseed.application.tracker.Tracker;

/** {@code GET /announce/{passkey}?info_hash=…&peer_id=…&port=…} (BEP 3, 7, 23). */
@WebServlet(urlPatterns = "/announce/*", loadOnStartup = 1)
public class AnnounceServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;

  @Inject transient Tracker tracker;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    byte[] body;
    try {
      // The raw query: the container has not decoded it, so binary values arrive intact.
      AnnounceAnswer answer =
          tracker.announce(
              BencodedResponses.passkey(request),
              QueryParameters.parse(request.getQueryString()),
              request.getRemoteAddr());
      body =
          TrackerResponses.announce(
              answer.intervalSeconds(),
              answer.minIntervalSeconds(),
              answer.swarm().seeders(),
              answer.swarm().leechers(),
              answer.swarm().peers(),
              answer.swarm().count(),
              answer.compact(),
              answer.noPeerId());
    } catch (TrackerRequestException refused) {
      body = TrackerResponses.failure(refused.failureReason());
    }
    BencodedResponses.send(response, body);
  }
}

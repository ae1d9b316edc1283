package org.everseed.interfaces.portal;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.everseed.application.catalog.CatalogService;
import org.everseed.application.catalog.ReleaseNotFoundException;
import org.everseed.domain.model.release.Release;
import org.everseed.domain.model.release.ReleaseId;
import org.everseed.domain.model.release.ReleaseListing;
import org.everseed.domain.settings.ServerSettings;
import org.everseed.interfaces.http.PublicUrl;

/**
 * What the release page fetches with the signed-in session: {@code {id}/torrent}, the .torrent with
 * the user's own passkey, and {@code {id}/swarm}, the live swarm figures its script polls.
 */
@WebServlet("/portal/releases/*")
public class PortalReleaseServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;
  private static final Pattern PATH = Pattern.compile("/([1-9][0-9]{0,17})/(torrent|swarm)");

  @Inject transient CatalogService catalog;
  @Inject transient ServerSettings server;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Matcher path = PATH.matcher(request.getPathInfo() == null ? "" : request.getPathInfo());
    if (!path.matches()) {
      response.sendError(404);
      return;
    }
    ReleaseId id = new ReleaseId(Long.parseLong(path.group(1)));
    response.setHeader("Cache-Control", "private, no-store");
    try {
      if ("torrent".equals(path.group(2))) {
        torrent(id, request, response);
      } else {
        swarm(id, response);
      }
    } catch (ReleaseNotFoundException e) {
      response.sendError(404, e.getMessage());
    }
  }

  private void torrent(ReleaseId id, HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Release release = catalog.release(id);
    byte[] torrent =
        catalog.torrentFor(id, request.getUserPrincipal().getName(), PublicUrl.of(server, request));
    String fileName = (release.name() + "-" + release.version()).replaceAll("[^A-Za-z0-9._-]", "_");
    response.setContentType("application/x-bittorrent");
    response.setHeader("Content-Disposition", "attachment; filename=\"" + fileName + ".torrent\"");
    response.setContentLength(torrent.length);
    response.getOutputStream().write(torrent);
  }

  private void swarm(ReleaseId id, HttpServletResponse response) throws IOException {
    ReleaseListing listing = catalog.listing(id);
    response.setContentType("application/json");
    response.setCharacterEncoding("UTF-8");
    response
        .getWriter()
        .write(
            Json.createObjectBuilder()
                .add("seeders", listing.swarm().seeders())
                .add("leechers", listing.swarm().leechers())
                .add("completed", listing.swarm().completed())
                .add("status", listing.status().name().toLowerCase(java.util.Locale.ROOT))
                .build()
                .toString());
  }
}

package org.everseed.interfaces.portal;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Pattern;

/**
 * Short addresses into the portal: the site root opens the catalog, and {@code /releases/{id}} (the
 * {@code webUrl} the REST API hands to CI pipelines) opens that release's page.
 */
@WebServlet({"", "/releases/*"})
public class PortalEntryServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;
  private static final Pattern RELEASE = Pattern.compile("/[1-9][0-9]{0,17}");

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String base = request.getContextPath();
    if (!"/releases".equals(request.getServletPath())) {
      response.sendRedirect(base + "/catalog.xhtml");
      return;
    }
    String path = request.getPathInfo();
    if (path == null || !RELEASE.matcher(path).matches()) {
      response.sendError(404);
      return;
    }
    response.sendRedirect(base + "/release.xhtml?id=" + path.substring(1));
  }
}

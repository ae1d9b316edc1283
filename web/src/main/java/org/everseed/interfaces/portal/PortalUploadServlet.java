package org.everseed.interfaces.portal;

import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.everseed.api.rest.Problem;
import org.everseed.application.fleet.Roles;
import org.everseed.domain.model.release.Release;
import org.everseed.domain.settings.ServerSettings;
import org.everseed.interfaces.http.ProblemDetails;
import org.everseed.interfaces.http.PublicUrl;
import org.everseed.interfaces.publishing.PublishFormReader;

/**
 * The publish page's upload: the same publish flow as {@code POST /api/v1/releases} ({@link
 * PublishFormReader}) and the same error answers ({@link ProblemDetails}), but authenticated by the
 * portal session (the API takes bearer tokens only) and guarded by the session's CSRF token.
 * Answers the new release as JSON, or problem details that the page shows next to the fields at
 * fault.
 */
@WebServlet(PortalUploadServlet.PATH)
public class PortalUploadServlet extends HttpServlet {
  static final String PATH = "/portal/upload";
  private static final long serialVersionUID = 1L;
  private static final Logger LOG = Logger.getLogger(PortalUploadServlet.class.getName());

  @Inject transient PublishFormReader publishForm;
  @Inject transient ServerSettings server;
  private transient Jsonb json;

  @Override
  public void init() {
    json = JsonbBuilder.create();
  }

  @Override
  public void destroy() {
    try {
      json.close();
    } catch (Exception e) {
      LOG.log(Level.FINE, "closing JSON-B", e);
    }
  }

  /** The answer to a successful upload: where the new release lives. */
  public record Published(long id, String name, String version, String infoHash, String url) {}

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    if (!CsrfToken.matches(request.getSession(false), request.getHeader(CsrfToken.HEADER))) {
      answer(
          response,
          ProblemDetails.status(403, "the page is out of date; reload it and try again", request));
      return;
    }
    if (!request.isUserInRole(Roles.PUBLISHER) && !request.isUserInRole(Roles.ADMIN)) {
      answer(
          response,
          ProblemDetails.status(403, "publishing needs the publisher or admin role", request));
      return;
    }
    Release release;
    try {
      release =
          publishForm.publish(
              request.getInputStream(),
              request.getContentType(),
              request.getContentLengthLong(),
              request.getUserPrincipal().getName(),
              PublicUrl.of(server, request));
    } catch (RuntimeException e) {
      answer(response, ProblemDetails.of(e, request));
      return;
    }
    response.setStatus(201);
    response.setContentType("application/json");
    response.setCharacterEncoding("UTF-8");
    json.toJson(
        new Published(
            release.id().value(),
            release.name(),
            release.version(),
            release.infoHash().toHex(),
            request.getContextPath() + "/release.xhtml?id=" + release.id().value()),
        response.getWriter());
  }

  private void answer(HttpServletResponse response, Problem problem) throws IOException {
    response.setStatus(problem.status());
    response.setContentType(Problem.MEDIA_TYPE);
    response.setCharacterEncoding("UTF-8");
    json.toJson(problem, response.getWriter());
  }
}

package org.everseed.interfaces.rest;

import jakarta.ejb.EJBAccessException;
import jakarta.json.bind.JsonbException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.everseed.api.rest.Problem;
import org.everseed.application.catalog.DuplicateReleaseException;
import org.everseed.application.catalog.NotAllowedException;
import org.everseed.application.catalog.ReleaseNotFoundException;
import org.everseed.application.publishing.UploadRejectedException;
import org.everseed.domain.model.channel.ChannelExistsException;
import org.everseed.domain.model.fleet.AgentDisabledException;
import org.everseed.domain.model.fleet.UnknownAgentException;
import org.everseed.domain.model.release.InvalidReleaseException;
import org.everseed.interfaces.rest.MultipartReader.MalformedMultipartException;

/**
 * Every error of the REST API as RFC 9457 problem details: a status, a title, a detail that says
 * what to change and, for invalid input, the fields at fault. Unexpected failures answer 500 with
 * no internals; they are logged with a reference the answer quotes.
 */
@Provider
public class ProblemMapper implements ExceptionMapper<Throwable> {
  private static final Logger LOG = Logger.getLogger(ProblemMapper.class.getName());

  @Context HttpServletRequest request;

  @Override
  public Response toResponse(Throwable error) {
    Throwable e = unwrap(error);
    if (e instanceof InvalidReleaseException invalid) {
      return field(400, invalid.field(), invalid.getMessage());
    }
    if (e instanceof UploadRejectedException rejected) {
      int status =
          switch (rejected.reason()) {
            case INVALID -> 400;
            case TOO_LARGE -> 413;
            case NO_SPACE -> 507;
          };
      return rejected.field() == null
          ? problem(status, rejected.getMessage(), List.of(), null)
          : field(status, rejected.field(), rejected.getMessage());
    }
    if (e instanceof MalformedMultipartException malformed) {
      return problem(400, "malformed multipart body: " + malformed.getMessage(), List.of(), null);
    }
    if (e instanceof DuplicateReleaseException duplicate) {
      String existing =
          request == null
              ? null
              : PublicUrlFromRequest.base(request) + "/api/v1/releases/" + duplicate.existing();
      return problem(409, duplicate.getMessage(), List.of(), existing);
    }
    if (e instanceof ReleaseNotFoundException || e instanceof UnknownAgentException) {
      return problem(404, e.getMessage(), List.of(), null);
    }
    if (e instanceof NotAllowedException || e instanceof AgentDisabledException) {
      return problem(403, e.getMessage(), List.of(), null);
    }
    if (e instanceof EJBAccessException) {
      // A service's own @RolesAllowed refused a caller the resource let through.
      return problem(403, "not allowed for your roles", List.of(), null);
    }
    if (e instanceof ChannelExistsException) {
      return problem(409, e.getMessage(), List.of(), null);
    }
    if (e instanceof IllegalStateException) {
      return problem(409, e.getMessage(), List.of(), null);
    }
    if (e instanceof IllegalArgumentException) {
      return problem(400, e.getMessage(), List.of(), null);
    }
    JsonbException json = jsonCause(e);
    if (json != null) {
      return problem(400, "malformed JSON: " + firstLine(json.getMessage()), List.of(), null);
    }
    if (e instanceof WebApplicationException web) {
      Response original = web.getResponse();
      int status = original.getStatus();
      String detail = web.getMessage();
      Response.ResponseBuilder answer =
          Response.fromResponse(problem(status, detail, List.of(), null));
      original
          .getHeaders()
          .forEach(
              (name, values) -> {
                if (!name.equalsIgnoreCase("Content-Type")) {
                  values.forEach(v -> answer.header(name, v));
                }
              });
      return answer.build();
    }
    String reference = Long.toHexString(System.nanoTime());
    LOG.log(Level.SEVERE, "Unexpected error (reference " + reference + ")", e);
    return problem(
        500,
        "an unexpected error occurred; reference " + reference + " in the server log",
        List.of(),
        null);
  }

  private Response field(int status, String field, String message) {
    return problem(status, message, List.of(new Problem.FieldError(field, message)), null);
  }

  private Response problem(
      int status, String detail, List<Problem.FieldError> errors, String existing) {
    Response.Status known = Response.Status.fromStatusCode(status);
    String title =
        known != null ? known.getReasonPhrase() : status == 507 ? "Insufficient Storage" : "Error";
    String instance = request == null ? null : request.getRequestURI();
    Problem body = new Problem("about:blank", title, status, detail, instance, errors, existing);
    Response.ResponseBuilder builder =
        Response.status(status).type(Problem.MEDIA_TYPE).entity(body);
    if (existing != null) {
      builder.location(java.net.URI.create(existing));
    }
    return builder.build();
  }

  private static Throwable unwrap(Throwable e) {
    Throwable current = e;
    while ((current instanceof jakarta.ejb.EJBException
            || current instanceof java.lang.reflect.UndeclaredThrowableException)
        && current.getCause() != null) {
      current = current.getCause();
    }
    return current;
  }

  private static JsonbException jsonCause(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof JsonbException json) {
        return json;
      }
    }
    return null;
  }

  private static String firstLine(String message) {
    return message == null ? "" : message.lines().findFirst().orElse("");
  }

  /** The request's own base URL, for links in problems. */
  static final class PublicUrlFromRequest {
    private PublicUrlFromRequest() {}

    static String base(HttpServletRequest request) {
      String url = request.getRequestURL().toString();
      return url.substring(0, url.length() - request.getRequestURI().length());
    }
  }
}

package org.everseed.interfaces.rest;

import jakarta.json.bind.JsonbException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.net.URI;
import org.everseed.api.rest.Problem;
import org.everseed.interfaces.http.ProblemDetails;

/**
 * Every error of the REST API as RFC 9457 problem details, through {@link ProblemDetails} (the
 * mapping the portal uses too); only what JAX-RS itself raises is handled here: its own HTTP errors
 * (404, 405, 406, 415, with their headers) and bodies that are not valid JSON.
 */
@Provider
public class ProblemMapper implements ExceptionMapper<Throwable> {
  @Context HttpServletRequest request;

  @Override
  public Response toResponse(Throwable error) {
    Throwable e = ProblemDetails.unwrap(error);
    JsonbException json = jsonCause(e);
    if (json != null) {
      return answer(
          ProblemDetails.status(400, "malformed JSON: " + firstLine(json.getMessage()), request));
    }
    if (e instanceof WebApplicationException web) {
      Response original = web.getResponse();
      Response.ResponseBuilder answer =
          Response.fromResponse(
              answer(ProblemDetails.status(original.getStatus(), web.getMessage(), request)));
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
    return answer(ProblemDetails.of(e, request));
  }

  private static Response answer(Problem problem) {
    Response.ResponseBuilder builder =
        Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem);
    if (problem.existing() != null) {
      builder.location(URI.create(problem.existing()));
    }
    return builder.build();
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
}

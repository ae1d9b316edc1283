package org.everseed.interfaces.http;

import jakarta.ejb.EJBAccessException;
import jakarta.ejb.EJBException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Response;
import java.lang.reflect.UndeclaredThrowableException;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.everseed.api.rest.Problem;
import org.everseed.application.catalog.DuplicateReleaseException;
import org.everseed.application.catalog.NotAllowedException;
import org.everseed.application.catalog.ReleaseNotFoundException;
import org.everseed.application.publishing.UploadRejectedException;
import org.everseed.domain.model.channel.ChannelExistsException;
import org.everseed.domain.model.channel.ChannelNotFoundException;
import org.everseed.domain.model.fleet.AgentDisabledException;
import org.everseed.domain.model.fleet.UnknownAgentException;
import org.everseed.domain.model.release.InvalidReleaseException;
import org.everseed.interfaces.publishing.MultipartReader.MalformedMultipartException;

/**
 * The one mapping from the server's exceptions to HTTP answers, as RFC 9457 problem details: a
 * status, a title, a detail that says what to change and, for invalid input, the fields at fault.
 * The REST API ({@code ProblemMapper}) and the portal's upload answer through it, so the same error
 * gets the same status everywhere. Unexpected failures answer 500 with no internals; they are
 * logged with a reference the answer quotes.
 */
public final class ProblemDetails {
  private static final Logger LOG = Logger.getLogger(ProblemDetails.class.getName());

  private ProblemDetails() {}

  /**
   * The problem {@code error} stands for in {@code request} (which may be null outside a request).
   * A rule broken by the caller gets its 4xx status; anything else is logged and answers 500.
   */
  public static Problem of(Throwable error, HttpServletRequest request) {
    Throwable e = unwrap(error);
    if (e instanceof InvalidReleaseException invalid) {
      return field(400, invalid.field(), invalid.getMessage(), request);
    }
    if (e instanceof UploadRejectedException rejected) {
      int status =
          switch (rejected.reason()) {
            case INVALID -> 400;
            case TOO_LARGE -> 413;
            case NO_SPACE -> 507;
          };
      return rejected.field() == null
          ? status(status, rejected.getMessage(), request)
          : field(status, rejected.field(), rejected.getMessage(), request);
    }
    if (e instanceof MalformedMultipartException malformed) {
      return status(400, "malformed multipart body: " + malformed.getMessage(), request);
    }
    if (e instanceof DuplicateReleaseException duplicate) {
      String existing =
          request == null
              ? null
              : requestBase(request) + "/api/v1/releases/" + duplicate.existing();
      return problem(409, duplicate.getMessage(), List.of(), existing, request);
    }
    if (e instanceof ReleaseNotFoundException
        || e instanceof UnknownAgentException
        || e instanceof ChannelNotFoundException) {
      return status(404, e.getMessage(), request);
    }
    if (e instanceof NotAllowedException || e instanceof AgentDisabledException) {
      return status(403, e.getMessage(), request);
    }
    if (e instanceof EJBAccessException) {
      // A service's own @RolesAllowed refused a caller the adapter let through.
      return status(403, "not allowed for your roles", request);
    }
    if (e instanceof ChannelExistsException || e instanceof IllegalStateException) {
      return status(409, e.getMessage(), request);
    }
    if (e instanceof IllegalArgumentException) {
      return status(400, e.getMessage(), request);
    }
    String reference = Long.toHexString(System.nanoTime());
    LOG.log(Level.SEVERE, "Unexpected error (reference " + reference + ")", e);
    return status(
        500,
        "an unexpected error occurred; reference " + reference + " in the server log",
        request);
  }

  /** A problem with no field errors. */
  public static Problem status(int status, String detail, HttpServletRequest request) {
    return problem(status, detail, List.of(), null, request);
  }

  /** The innermost exception an EJB or proxy call wrapped around the one that matters. */
  public static Throwable unwrap(Throwable e) {
    Throwable current = e;
    while ((current instanceof EJBException || current instanceof UndeclaredThrowableException)
        && current.getCause() != null) {
      current = current.getCause();
    }
    return current;
  }

  /** The reason phrase of a status, the same in every answer. */
  public static String title(int status) {
    Response.Status known = Response.Status.fromStatusCode(status);
    return known != null
        ? known.getReasonPhrase()
        : status == 507 ? "Insufficient Storage" : "Error";
  }

  private static Problem field(
      int status, String field, String message, HttpServletRequest request) {
    return problem(status, message, List.of(new Problem.FieldError(field, message)), null, request);
  }

  private static Problem problem(
      int status,
      String detail,
      List<Problem.FieldError> errors,
      String existing,
      HttpServletRequest request) {
    String instance = request == null ? null : request.getRequestURI();
    return new Problem("about:blank", title(status), status, detail, instance, errors, existing);
  }

  /** The request's own base URL, for links in problems. */
  private static String requestBase(HttpServletRequest request) {
    String url = request.getRequestURL().toString();
    return url.substring(0, url.length() - request.getRequestURI().length());
  }
}

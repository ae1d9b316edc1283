package org.everseed.interfaces.rest;

import jakarta.ejb.EJBAccessException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.everseed.api.rest.ApiError;
import org.everseed.domain.model.channel.ChannelExistsException;
import org.everseed.domain.model.fleet.AgentDisabledException;
import org.everseed.domain.model.fleet.UnknownAgentException;

/**
 * Turns the application's refusals into HTTP answers with an {@link ApiError} body. Messages are
 * the exceptions' own, which never carry passkeys or tokens.
 */
final class ApiErrorMappers {
  private ApiErrorMappers() {}

  static Response answer(Response.Status status, String message) {
    return Response.status(status)
        .type(MediaType.APPLICATION_JSON)
        .entity(new ApiError(status.getStatusCode(), message))
        .build();
  }

  /** Malformed input: names, sites, channel names. */
  @Provider
  public static final class InvalidInput implements ExceptionMapper<IllegalArgumentException> {
    @Override
    public Response toResponse(IllegalArgumentException e) {
      return answer(Response.Status.BAD_REQUEST, e.getMessage());
    }
  }

  /**
   * A service refused the caller's roles. The resources check roles first, so this answers a caller
   * that passes the web layer but not the service's own {@code @RolesAllowed}.
   */
  @Provider
  public static final class AccessDenied implements ExceptionMapper<EJBAccessException> {
    @Override
    public Response toResponse(EJBAccessException e) {
      return answer(Response.Status.FORBIDDEN, "not allowed for your roles");
    }
  }

  @Provider
  public static final class UnknownAgent implements ExceptionMapper<UnknownAgentException> {
    @Override
    public Response toResponse(UnknownAgentException e) {
      return answer(Response.Status.NOT_FOUND, e.getMessage());
    }
  }

  /** A disabled agent is shut out until an administrator enables it. */
  @Provider
  public static final class AgentDisabled implements ExceptionMapper<AgentDisabledException> {
    @Override
    public Response toResponse(AgentDisabledException e) {
      return answer(Response.Status.FORBIDDEN, e.getMessage());
    }
  }

  @Provider
  public static final class ChannelExists implements ExceptionMapper<ChannelExistsException> {
    @Override
    public Response toResponse(ChannelExistsException e) {
      return answer(Response.Status.CONFLICT, e.getMessage());
    }
  }
}

package org.everseed.interfaces.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.everseed.api.Version;
import org.everseed.api.rest.HealthReport;
import org.everseed.application.DatabaseProbe;
import org.everseed.application.DatabaseStatus;

/** Liveness and readiness of the application for load balancers and the launcher. */
@Path("/health")
@RequestScoped
@PermitAll
public class HealthResource {
  @Inject DatabaseProbe database;

  /** 200 with {@code UP} when every check passes, 503 with {@code DOWN} and reasons otherwise. */
  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public Response health() {
    DatabaseStatus db = database.probe();
    String dbStatus = db.up() ? HealthReport.UP : HealthReport.DOWN;
    HealthReport report =
        new HealthReport(
            dbStatus,
            Version.current(),
            Map.of("database", dbStatus),
            db.up() ? Map.of() : Map.of("database", db.detail()));
    return Response.status(db.up() ? 200 : 503).entity(report).build();
  }
}

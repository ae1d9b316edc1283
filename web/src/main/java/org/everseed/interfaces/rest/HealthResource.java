package org.everseed.interfaces.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.everseed.api.Version;
import org.everseed.api.rest.HealthReport;
import org.everseed.application.DatabaseProbe;
import org.everseed.application.DatabaseStatus;
import org.everseed.application.webseed.PayloadCheck;
import org.everseed.application.webseed.PayloadProblem;

/** Liveness and readiness of the application for load balancers and the launcher. */
@Path("/health")
@RequestScoped
@PermitAll
public class HealthResource {
  /** How many problem releases the details line names before it says "and N more". */
  static final int NAMED_PROBLEMS = 10;

  @Inject DatabaseProbe database;
  @Inject PayloadCheck payloads;

  /**
   * 200 with {@code UP} when every check passes; 200 with {@code DEGRADED} when some releases'
   * payloads are missing or damaged (the server still serves everything else, so a load balancer
   * keeps it); 503 with {@code DOWN} when the database is unreachable.
   */
  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public Response health() {
    DatabaseStatus db = database.probe();
    List<PayloadProblem> problems = payloads.problems();
    Map<String, String> checks = new LinkedHashMap<>();
    Map<String, String> details = new LinkedHashMap<>();
    checks.put("database", db.up() ? HealthReport.UP : HealthReport.DOWN);
    if (!db.up()) {
      details.put("database", db.detail());
    }
    checks.put("payloads", problems.isEmpty() ? HealthReport.UP : HealthReport.DEGRADED);
    if (!problems.isEmpty()) {
      details.put("payloads", describe(problems));
    }
    String status =
        !db.up() ? HealthReport.DOWN : problems.isEmpty() ? HealthReport.UP : HealthReport.DEGRADED;
    HealthReport report = new HealthReport(status, Version.current(), checks, details);
    return Response.status(db.up() ? 200 : 503).entity(report).build();
  }

  static String describe(List<PayloadProblem> problems) {
    String named =
        problems.stream()
            .limit(NAMED_PROBLEMS)
            .map(p -> "release " + p.release().value() + " " + p.kind().name().toLowerCase())
            .collect(Collectors.joining(", "));
    int more = problems.size() - NAMED_PROBLEMS;
    return problems.size()
        + " release(s) cannot be served from the payload store: "
        + named
        + (more > 0 ? " and " + more + " more" : "")
        + " (GET /api/v1/releases/{id} says which file)";
  }
}

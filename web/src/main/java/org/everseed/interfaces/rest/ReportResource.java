package org.everseed.interfaces.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import org.everseed.api.rest.report.AgentReport;
import org.everseed.api.rest.report.ReleaseReport;
import org.everseed.application.fleet.Roles;
import org.everseed.application.reporting.ReportService;
import org.everseed.domain.model.fleet.AgentId;
import org.everseed.domain.model.release.ReleaseId;
import org.everseed.interfaces.export.ReleaseReportPdf;
import org.everseed.interfaces.export.ReportCsv;
import org.everseed.interfaces.export.ReportDocuments;

/**
 * Distribution reports (auditor, admin): a release's rollout and an agent's holdings, as JSON or,
 * with {@code ?format=}, as CSV (both) or PDF (release).
 */
@Path("/reports")
@RequestScoped
public class ReportResource {
  static final String CSV = "text/csv; charset=UTF-8";
  static final String PDF = "application/pdf";

  @Inject ReportService reports;

  @GET
  @Path("/releases/{id}")
  @Produces({MediaType.APPLICATION_JSON, CSV, PDF})
  @RolesAllowed({Roles.AUDITOR, Roles.ADMIN})
  public Response release(
      @PathParam("id") long id, @QueryParam("format") @DefaultValue("json") String format) {
    ReleaseReport report = ReportDocuments.release(reports.releaseReport(new ReleaseId(id)));
    return switch (format) {
      case "json" -> Response.ok(report, MediaType.APPLICATION_JSON).build();
      case "csv" -> download(ReportCsv.of(report), CSV, "release-" + id + "-distribution.csv");
      case "pdf" ->
          download(
              ReleaseReportPdf.of(report, Instant.now()),
              PDF,
              "release-" + id + "-distribution.pdf");
      default -> throw new IllegalArgumentException("format is json, csv or pdf, not " + format);
    };
  }

  @GET
  @Path("/agents/{id}")
  @Produces({MediaType.APPLICATION_JSON, CSV})
  @RolesAllowed({Roles.AUDITOR, Roles.ADMIN})
  public Response agent(
      @PathParam("id") long id, @QueryParam("format") @DefaultValue("json") String format) {
    AgentReport report = ReportDocuments.agent(reports.agentReport(new AgentId(id)));
    return switch (format) {
      case "json" -> Response.ok(report, MediaType.APPLICATION_JSON).build();
      case "csv" -> download(ReportCsv.of(report), CSV, "agent-" + id + "-releases.csv");
      default -> throw new IllegalArgumentException("format is json or csv, not " + format);
    };
  }

  private static Response download(Object body, String type, String fileName) {
    return Response.ok(body, type)
        .header("Content-Disposition", "attachment; filename=\"" + fileName + "\"")
        .header("Cache-Control", "private, no-store")
        .build();
  }
}

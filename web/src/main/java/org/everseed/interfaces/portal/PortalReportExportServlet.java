package org.everseed.interfaces.portal;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.everseed.api.rest.report.ReleaseReport;
import org.everseed.application.catalog.ReleaseNotFoundException;
import org.everseed.application.fleet.Roles;
import org.everseed.application.reporting.ReportService;
import org.everseed.domain.model.release.ReleaseId;
import org.everseed.interfaces.export.ReleaseReportPdf;
import org.everseed.interfaces.export.ReportCsv;
import org.everseed.interfaces.export.ReportDocuments;

/**
 * The release report's CSV and PDF for the signed-in portal user ({@code /portal/reports/{id}.csv},
 * {@code .pdf}); the portal cannot call the bearer-only API with its session.
 */
@WebServlet("/portal/reports/*")
public class PortalReportExportServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;
  private static final Pattern PATH = Pattern.compile("/([1-9][0-9]{0,17})\\.(csv|pdf)");

  @Inject transient ReportService reports;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Matcher path = PATH.matcher(request.getPathInfo() == null ? "" : request.getPathInfo());
    if (!path.matches()) {
      response.sendError(404);
      return;
    }
    if (!request.isUserInRole(Roles.AUDITOR) && !request.isUserInRole(Roles.ADMIN)) {
      response.sendError(403, "reports are for auditors and administrators");
      return;
    }
    long id = Long.parseLong(path.group(1));
    ReleaseReport report;
    try {
      report = ReportDocuments.release(reports.releaseReport(new ReleaseId(id)));
    } catch (ReleaseNotFoundException e) {
      response.sendError(404, e.getMessage());
      return;
    }
    byte[] body =
        "csv".equals(path.group(2))
            ? ReportCsv.of(report).getBytes(StandardCharsets.UTF_8)
            : ReleaseReportPdf.of(report, Instant.now());
    response.setHeader("Cache-Control", "private, no-store");
    response.setContentType(
        "csv".equals(path.group(2)) ? "text/csv; charset=UTF-8" : "application/pdf");
    response.setHeader(
        "Content-Disposition",
        "attachment; filename=\"release-" + id + "-distribution." + path.group(2) + "\"");
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }
}

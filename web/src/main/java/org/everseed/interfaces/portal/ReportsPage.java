package org.everseed.interfaces.portal;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.everseed.api.rest.report.ReleaseReport;
import org.everseed.application.catalog.CatalogService;
import org.everseed.application.catalog.ReleaseNotFoundException;
import org.everseed.application.reporting.ReportService;
import org.everseed.domain.model.release.ReleaseId;
import org.everseed.domain.model.release.ReleaseListing;
import org.everseed.domain.model.release.ReleaseQuery;
import org.everseed.interfaces.export.ReportCharts;
import org.everseed.interfaces.export.ReportDocuments;
import org.everseed.interfaces.export.ReportFigures;

/**
 * The reports pages for auditors and administrators: the newest releases to pick from, and one
 * release's distribution report with its charts. {@link ReportService} enforces the roles; the
 * pages only hide what it would refuse.
 */
@Named
@RequestScoped
public class ReportsPage {
  private static final int NEWEST = 50;
  private static final DateTimeFormatter PUBLISHED =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
          .withZone(ZoneOffset.UTC);

  @Inject ReportService reports;
  @Inject CatalogService catalog;

  private long id;
  private ReleaseReport report;
  private boolean missing;

  public long getId() {
    return id;
  }

  public void setId(long id) {
    this.id = id;
  }

  /** The newest releases, active and retired, to open a report for. */
  public List<ReleaseListing> getReleases() {
    return catalog
        .search(
            new ReleaseQuery(
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                ReleaseQuery.Sort.CREATED,
                0,
                NEWEST))
        .items();
  }

  public boolean isFound() {
    return getReport() != null;
  }

  public ReleaseReport getReport() {
    if (report == null && !missing && id > 0) {
      try {
        report = ReportDocuments.release(reports.releaseReport(new ReleaseId(id)));
      } catch (ReleaseNotFoundException e) {
        missing = true;
      }
    }
    return report;
  }

  public String getPublished() {
    return PUBLISHED.format(getReport().publishedAt());
  }

  public String getPublishedIso() {
    return getReport().publishedAt().toString();
  }

  public String getStatus() {
    return getReport().status().toLowerCase(Locale.ROOT);
  }

  public String getCompletionChart() {
    return ReportCharts.completionOverTime(getReport());
  }

  public String getSitesChart() {
    return ReportCharts.sites(getReport());
  }

  public String getOffloadChart() {
    return ReportCharts.offload(getReport());
  }

  public String percent(Double ratio) {
    return ReportFigures.percent(ratio);
  }

  public String duration(Long millis) {
    return ReportFigures.duration(millis);
  }
}

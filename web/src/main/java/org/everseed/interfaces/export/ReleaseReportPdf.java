package org.everseed.interfaces.export;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.everseed.api.rest.report.AgentDistribution;
import org.everseed.api.rest.report.CompletionMilestone;
import org.everseed.api.rest.report.ReleaseReport;
import org.everseed.api.rest.report.SiteFigures;

/**
 * The release report as a PDF to attach to a change ticket: the figures, the milestones, the sites
 * and the agents' table. Standard PDF fonts only, so nothing is embedded and the file stays small.
 */
public final class ReleaseReportPdf {
  private static final DateTimeFormatter UTC =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);
  private static final Font TITLE = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 16);
  private static final Font HEADING = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 12);
  private static final Font BODY = FontFactory.getFont(FontFactory.HELVETICA, 9);
  private static final Font BOLD = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 9);

  private ReleaseReportPdf() {}

  public static byte[] of(ReleaseReport report, Instant generatedAt) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Document document = new Document(PageSize.A4.rotate(), 36, 36, 36, 36);
    try {
      PdfWriter.getInstance(document, out);
      document.addTitle("Distribution report: " + report.name() + " " + report.version());
      document.addCreator("Everseed");
      document.open();
      document.add(
          new Paragraph("Distribution report: " + report.name() + " " + report.version(), TITLE));
      document.add(
          new Paragraph(
              "Release "
                  + report.releaseId()
                  + " in "
                  + report.channel()
                  + " ("
                  + report.status()
                  + "), published "
                  + UTC.format(report.publishedAt())
                  + "; report generated "
                  + UTC.format(generatedAt),
              BODY));

      document.add(new Paragraph("Summary", HEADING));
      PdfPTable summary = table(2);
      row(summary, "Targeted agents", String.valueOf(report.targeted()));
      row(summary, "Started", String.valueOf(report.started()));
      row(summary, "In progress", String.valueOf(report.inProgress()));
      row(summary, "Completed", String.valueOf(report.completed()));
      row(summary, "Failed", String.valueOf(report.failed()));
      row(summary, "Not started", String.valueOf(report.notStarted()));
      row(summary, "Bytes from peers", ReportFigures.bytes(report.bytesFromPeers()));
      row(summary, "Bytes from the web seed", ReportFigures.bytes(report.bytesFromWebSeed()));
      row(summary, "Offload ratio", ReportFigures.percent(report.offloadRatio()));
      for (CompletionMilestone m : report.milestones()) {
        row(
            summary,
            m.percent() + " % of targeted agents (" + m.agentsNeeded() + ")",
            ReportFigures.duration(m.millisFromPublish()));
      }
      document.add(summary);

      document.add(new Paragraph("Sites", HEADING));
      PdfPTable sites = table(6);
      header(sites, "Site", "Targeted", "Completed", "Failed", "Peers / web seed", "Offload");
      for (SiteFigures s : report.sites()) {
        cells(
            sites,
            s.site(),
            String.valueOf(s.targeted()),
            String.valueOf(s.completed()),
            String.valueOf(s.failed()),
            ReportFigures.bytes(s.bytesFromPeers())
                + " / "
                + ReportFigures.bytes(s.bytesFromWebSeed()),
            ReportFigures.percent(s.offloadRatio()));
      }
      document.add(sites);

      document.add(new Paragraph("Agents", HEADING));
      PdfPTable agents = table(7);
      header(agents, "Agent", "Site", "State", "Completed", "After", "Peers", "Web seed");
      for (AgentDistribution a : report.agents()) {
        cells(
            agents,
            a.name(),
            a.site(),
            a.state(),
            a.completedAt() == null ? "" : UTC.format(a.completedAt()),
            a.millisToComplete() == null ? "" : ReportFigures.duration(a.millisToComplete()),
            ReportFigures.bytes(a.bytesFromPeers()),
            ReportFigures.bytes(a.bytesFromWebSeed()));
      }
      document.add(agents);
    } catch (DocumentException e) {
      throw new IllegalStateException("the PDF report could not be written", e);
    } finally {
      document.close();
    }
    return out.toByteArray();
  }

  private static PdfPTable table(int columns) {
    PdfPTable table = new PdfPTable(columns);
    table.setWidthPercentage(100);
    table.setSpacingBefore(4);
    table.setSpacingAfter(10);
    table.setHeaderRows(columns == 2 ? 0 : 1);
    return table;
  }

  private static void row(PdfPTable table, String name, String value) {
    table.addCell(new PdfPCell(new Phrase(name, BOLD)));
    table.addCell(new PdfPCell(new Phrase(value, BODY)));
  }

  private static void header(PdfPTable table, String... names) {
    for (String name : names) {
      table.addCell(new PdfPCell(new Phrase(name, BOLD)));
    }
  }

  private static void cells(PdfPTable table, String... values) {
    for (String value : values) {
      table.addCell(new PdfPCell(new Phrase(value, BODY)));
    }
  }
}

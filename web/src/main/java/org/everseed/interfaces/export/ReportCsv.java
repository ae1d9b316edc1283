package org.everseed.interfaces.export;

import java.util.List;
import org.everseed.api.rest.report.AgentDistribution;
import org.everseed.api.rest.report.AgentReport;
import org.everseed.api.rest.report.ReleaseHeld;
import org.everseed.api.rest.report.ReleaseReport;

/**
 * The reports' tables as CSV (RFC 4180: comma-separated, CRLF, fields quoted when they hold a
 * comma, quote or line break). Text that a spreadsheet would run as a formula (starting with {@code
 * = + - @}) is prefixed with an apostrophe: agents write their own messages.
 */
public final class ReportCsv {
  public static final String RELEASE_HEADER =
      "agent_id,agent,site,state,completed_at,millis_to_complete,bytes_from_peers,"
          + "bytes_from_web_seed,hook_exit_code,message";
  public static final String AGENT_HEADER =
      "release_id,release,version,channel,state,completed_at,bytes_from_peers,"
          + "bytes_from_web_seed,failures,last_message,last_report_at";

  private ReportCsv() {}

  /** One line per targeted agent. */
  public static String of(ReleaseReport report) {
    StringBuilder csv = new StringBuilder(RELEASE_HEADER).append("\r\n");
    for (AgentDistribution a : report.agents()) {
      line(
          csv,
          List.of(
              String.valueOf(a.agentId()),
              text(a.name()),
              text(a.site()),
              a.state(),
              value(a.completedAt()),
              value(a.millisToComplete()),
              String.valueOf(a.bytesFromPeers()),
              String.valueOf(a.bytesFromWebSeed()),
              value(a.hookExitCode()),
              text(a.message())));
    }
    return csv.toString();
  }

  /** One line per release the agent reported on. */
  public static String of(AgentReport report) {
    StringBuilder csv = new StringBuilder(AGENT_HEADER).append("\r\n");
    for (ReleaseHeld r : report.releases()) {
      line(
          csv,
          List.of(
              String.valueOf(r.releaseId()),
              text(r.name()),
              text(r.version()),
              text(r.channel()),
              r.state(),
              value(r.completedAt()),
              String.valueOf(r.bytesFromPeers()),
              String.valueOf(r.bytesFromWebSeed()),
              String.valueOf(r.failures()),
              text(r.lastMessage()),
              value(r.lastReportAt())));
    }
    return csv.toString();
  }

  private static void line(StringBuilder csv, List<String> fields) {
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) {
        csv.append(',');
      }
      csv.append(quoted(fields.get(i)));
    }
    csv.append("\r\n");
  }

  private static String value(Object value) {
    return value == null ? "" : value.toString();
  }

  private static String text(String value) {
    if (value == null || value.isEmpty()) {
      return "";
    }
    return "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
  }

  static String quoted(String field) {
    if (field.indexOf(',') < 0
        && field.indexOf('"') < 0
        && field.indexOf('\n') < 0
        && field.indexOf('\r') < 0) {
      return field;
    }
    return '"' + field.replace("\"", "\"\"") + '"';
  }
}

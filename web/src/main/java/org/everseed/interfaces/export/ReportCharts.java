package org.everseed.interfaces.export;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.everseed.api.rest.report.AgentDistribution;
import org.everseed.api.rest.report.ReleaseReport;
import org.everseed.api.rest.report.SiteFigures;

/**
 * The release report's charts as SVG drawn on the server: no script runs in the page (the portal's
 * CSP forbids inline scripts, and no charting library is reachable offline), the charts print, and
 * they scale with the page. Every text is XML-escaped: site and agent names come from agents.
 */
public final class ReportCharts {
  private static final int WIDTH = 560;
  private static final int HEIGHT = 220;
  private static final int LEFT = 44;
  private static final int RIGHT = 16;
  private static final int TOP = 12;
  private static final int BOTTOM = 34;

  private ReportCharts() {}

  /**
   * Share of targeted agents completed against time since publication: a step line from 0 % at
   * publication up one step per completion, with the 50 % and 90 % levels marked.
   */
  public static String completionOverTime(ReleaseReport report) {
    List<Long> times = new ArrayList<>();
    for (AgentDistribution a : report.agents()) {
      if (a.millisToComplete() != null) {
        times.add(a.millisToComplete());
      }
    }
    times.sort(Long::compare);
    int targeted = Math.max(1, report.targeted());
    long span = times.isEmpty() ? 1 : Math.max(1, times.get(times.size() - 1));
    double plotWidth = WIDTH - LEFT - RIGHT;
    double plotHeight = HEIGHT - TOP - BOTTOM;
    StringBuilder svg = open("chart-completion", "Share of targeted agents completed over time");
    axes(svg, plotWidth, plotHeight);
    for (int level : new int[] {50, 90}) {
      double y = TOP + plotHeight * (1 - level / 100.0);
      svg.append(line(LEFT, y, LEFT + plotWidth, y, "chart-guide"))
          .append(text(LEFT - 6, y + 4, level + " %", "end"));
    }
    StringBuilder path =
        new StringBuilder("M").append(fmt(LEFT)).append(',').append(fmt(TOP + plotHeight));
    for (int i = 0; i < times.size(); i++) {
      double x = LEFT + plotWidth * times.get(i) / span;
      double y = TOP + plotHeight * (1 - (i + 1) / (double) targeted);
      double previousY = TOP + plotHeight * (1 - i / (double) targeted);
      path.append(" L").append(fmt(x)).append(',').append(fmt(previousY));
      path.append(" L").append(fmt(x)).append(',').append(fmt(y));
    }
    svg.append("<path class=\"chart-line\" fill=\"none\" stroke-width=\"2\" d=\"")
        .append(path)
        .append("\"/>");
    svg.append(text(LEFT - 6, TOP + 4, "100 %", "end"))
        .append(text(LEFT - 6, TOP + plotHeight + 4, "0 %", "end"))
        .append(text(LEFT, HEIGHT - 10, "published", "start"))
        .append(
            text(
                LEFT + plotWidth,
                HEIGHT - 10,
                "+" + ReportFigures.duration(times.isEmpty() ? null : span),
                "end"));
    return svg.append("</svg>").toString();
  }

  /** Per site: completed, failed and the rest of the targeted agents, as stacked bars. */
  public static String sites(ReleaseReport report) {
    List<SiteFigures> sites = report.sites();
    int rowHeight = 28;
    int height = TOP + BOTTOM + Math.max(1, sites.size()) * rowHeight;
    int labelWidth = 110;
    double plotWidth = WIDTH - labelWidth - RIGHT - 60;
    int largest = sites.stream().mapToInt(SiteFigures::targeted).max().orElse(1);
    StringBuilder svg =
        open("chart-sites", "Agents per site: completed, failed, other", WIDTH, height);
    for (int i = 0; i < sites.size(); i++) {
      SiteFigures site = sites.get(i);
      double y = TOP + i * rowHeight;
      double scale = plotWidth / Math.max(1, largest);
      double completed = site.completed() * scale;
      double failed = site.failed() * scale;
      double rest = (site.targeted() - site.completed() - site.failed()) * scale;
      svg.append(text(labelWidth - 8, y + 17, site.site(), "end"));
      svg.append(rect(labelWidth, y + 4, completed, 18, "bar-completed"));
      svg.append(rect(labelWidth + completed, y + 4, failed, 18, "bar-failed"));
      svg.append(rect(labelWidth + completed + failed, y + 4, rest, 18, "bar-other"));
      svg.append(
          text(
              labelWidth + completed + failed + rest + 6,
              y + 17,
              site.completed() + "/" + site.targeted(),
              "start"));
    }
    double legendY = height - 12;
    svg.append(rect(labelWidth, legendY - 9, 10, 10, "bar-completed"))
        .append(text(labelWidth + 14, legendY, "completed", "start"))
        .append(rect(labelWidth + 90, legendY - 9, 10, 10, "bar-failed"))
        .append(text(labelWidth + 104, legendY, "failed", "start"))
        .append(rect(labelWidth + 160, legendY - 9, 10, 10, "bar-other"))
        .append(text(labelWidth + 174, legendY, "not completed", "start"));
    return svg.append("</svg>").toString();
  }

  /** Bytes from peers against bytes from the web seed, as one bar split at the offload ratio. */
  public static String offload(ReleaseReport report) {
    int height = 70;
    double plotWidth = WIDTH - 2 * 16;
    double ratio = report.offloadRatio() == null ? 0 : report.offloadRatio();
    StringBuilder svg =
        open("chart-offload", "Bytes from peers and from the web seed", WIDTH, height);
    if (report.offloadRatio() == null) {
      svg.append(rect(16, 10, plotWidth, 22, "bar-other"));
    } else {
      svg.append(rect(16, 10, plotWidth * ratio, 22, "bar-peers"));
      svg.append(rect(16 + plotWidth * ratio, 10, plotWidth * (1 - ratio), 22, "bar-webseed"));
    }
    svg.append(
            text(
                16,
                52,
                "peers "
                    + ReportFigures.bytes(report.bytesFromPeers())
                    + " ("
                    + ReportFigures.percent(report.offloadRatio())
                    + ")",
                "start"))
        .append(
            text(
                16 + plotWidth,
                52,
                "web seed " + ReportFigures.bytes(report.bytesFromWebSeed()),
                "end"));
    return svg.append("</svg>").toString();
  }

  private static StringBuilder open(String id, String title) {
    return open(id, title, WIDTH, HEIGHT);
  }

  private static StringBuilder open(String id, String title, int width, int height) {
    return new StringBuilder()
        .append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" id=\"")
        .append(id)
        .append("\" role=\"img\" viewBox=\"0 0 ")
        .append(width)
        .append(' ')
        .append(height)
        .append("\" aria-label=\"")
        .append(escape(title))
        .append("\"><title>")
        .append(escape(title))
        .append("</title>");
  }

  private static void axes(StringBuilder svg, double plotWidth, double plotHeight) {
    svg.append(line(LEFT, TOP, LEFT, TOP + plotHeight, "chart-axis"))
        .append(line(LEFT, TOP + plotHeight, LEFT + plotWidth, TOP + plotHeight, "chart-axis"));
  }

  private static String line(double x1, double y1, double x2, double y2, String cssClass) {
    return "<line class=\""
        + cssClass
        + "\" x1=\""
        + fmt(x1)
        + "\" y1=\""
        + fmt(y1)
        + "\" x2=\""
        + fmt(x2)
        + "\" y2=\""
        + fmt(y2)
        + "\"/>";
  }

  private static String rect(double x, double y, double width, double height, String cssClass) {
    return "<rect class=\""
        + cssClass
        + "\" x=\""
        + fmt(x)
        + "\" y=\""
        + fmt(y)
        + "\" width=\""
        + fmt(Math.max(0, width))
        + "\" height=\""
        + fmt(height)
        + "\"/>";
  }

  private static String text(double x, double y, String content, String anchor) {
    return "<text x=\""
        + fmt(x)
        + "\" y=\""
        + fmt(y)
        + "\" text-anchor=\""
        + anchor
        + "\">"
        + escape(content)
        + "</text>";
  }

  private static String fmt(double value) {
    return String.format(Locale.ROOT, "%.1f", value);
  }

  static String escape(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;")
        .replace("'", "&#39;");
  }
}

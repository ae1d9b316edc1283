package org.everseed.interfaces.export;

import java.time.Duration;
import java.util.Locale;

/** How the reports print their figures, the same in every format. */
public final class ReportFigures {
  private ReportFigures() {}

  /** {@code 0.75} → {@code 75.0 %}; {@code null} → {@code n/a}. */
  public static String percent(Double ratio) {
    return ratio == null ? "n/a" : String.format(Locale.ROOT, "%.1f %%", ratio * 100);
  }

  /** {@code 5_400_000} → {@code 1h 30m 0s}; {@code null} → {@code not reached}. */
  public static String duration(Long millis) {
    if (millis == null) {
      return "not reached";
    }
    Duration d = Duration.ofMillis(millis);
    if (d.toHours() > 0) {
      return d.toHours() + "h " + d.toMinutesPart() + "m " + d.toSecondsPart() + "s";
    }
    if (d.toMinutes() > 0) {
      return d.toMinutes() + "m " + d.toSecondsPart() + "s";
    }
    return String.format(Locale.ROOT, "%.1fs", millis / 1000.0);
  }

  /** {@code 1536} → {@code 1.5 KiB}. */
  public static String bytes(long bytes) {
    String[] units = {"B", "KiB", "MiB", "GiB", "TiB"};
    double value = bytes;
    int unit = 0;
    while (value >= 1024 && unit < units.length - 1) {
      value /= 1024;
      unit++;
    }
    return unit == 0 ? bytes + " B" : String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
  }
}

package org.everseed.agent.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import org.everseed.agent.swarm.SessionStats;

/** The one-line progress display on stderr: bar, percent, rate, peers, ETA. */
final class ProgressLine {

  private static final int BAR_WIDTH = 30;

  private ProgressLine() {}

  static String render(SessionStats stats) {
    double fraction = stats.fraction();
    int filled = (int) Math.round(fraction * BAR_WIDTH);
    String bar = "#".repeat(filled) + ".".repeat(BAR_WIDTH - filled);
    double rate = stats.downloadRate();
    long left = stats.totalBytes() - stats.bytesVerified();
    String eta =
        left == 0 ? "done" : rate < 1 ? "--:--" : format(Duration.ofSeconds((long) (left / rate)));
    return String.format(
        Locale.ROOT,
        "[%s] %5.1f%%  %s/s  peers %d  web seed %s  ETA %s",
        bar,
        fraction * 100,
        Sizes.format((long) rate),
        stats.peers(),
        Sizes.format(stats.bytesFromWebSeed()),
        eta);
  }

  /** Rewrites the current terminal line. */
  static void print(PrintStream err, SessionStats stats) {
    err.print("\r" + render(stats) + "   ");
    err.flush();
  }

  static String format(Duration duration) {
    long seconds = duration.toSeconds();
    return seconds >= 3600
        ? String.format(
            Locale.ROOT, "%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
        : String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
  }
}

package org.everseed.agent.cli;

import java.util.Locale;

/** Byte counts as people write and read them. */
final class Sizes {

  private Sizes() {}

  /** Parses {@code 262144}, {@code 256K}, {@code 256KiB}, {@code 1M}, {@code 1MiB}, {@code 1G}. */
  static long parse(String text) throws UsageException {
    String normalized = text.trim().toUpperCase(Locale.ROOT);
    if (normalized.endsWith("IB")) {
      normalized = normalized.substring(0, normalized.length() - 2);
    } else if (normalized.endsWith("B")) {
      normalized = normalized.substring(0, normalized.length() - 1);
    }
    int shift = 0;
    if (!normalized.isEmpty()) {
      switch (normalized.charAt(normalized.length() - 1)) {
        case 'K' -> shift = 10;
        case 'M' -> shift = 20;
        case 'G' -> shift = 30;
        default -> shift = 0;
      }
    }
    String digits = shift == 0 ? normalized : normalized.substring(0, normalized.length() - 1);
    try {
      long value = Long.parseLong(digits);
      if (value < 0 || value > (Long.MAX_VALUE >> shift)) {
        throw new UsageException("size out of range: " + text);
      }
      return value << shift;
    } catch (NumberFormatException e) {
      throw new UsageException("not a size: '" + text + "' (examples: 262144, 256K, 1MiB)");
    }
  }

  /** {@code 1.5 MiB}-style text for people. */
  static String format(long bytes) {
    if (bytes < 1024) {
      return bytes + " B";
    }
    String[] units = {"KiB", "MiB", "GiB", "TiB", "PiB"};
    double value = bytes;
    int unit = -1;
    while (value >= 1024 && unit < units.length - 1) {
      value /= 1024;
      unit++;
    }
    return String.format(Locale.ROOT, "%.2f %s", value, units[unit]);
  }
}

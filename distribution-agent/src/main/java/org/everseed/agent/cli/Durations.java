package org.everseed.agent.cli;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * Durations as operators write them: {@code 30s}, {@code 10m}, {@code 2h}, {@code 1d}, ISO-8601.
 */
final class Durations {

  private Durations() {}

  static Duration parse(String text) throws UsageException {
    String trimmed = text.trim().toLowerCase(Locale.ROOT);
    try {
      if (trimmed.startsWith("p")) {
        return Duration.parse(trimmed.toUpperCase(Locale.ROOT));
      }
      char unit = trimmed.charAt(trimmed.length() - 1);
      long value =
          Long.parseLong(
              Character.isDigit(unit) ? trimmed : trimmed.substring(0, trimmed.length() - 1));
      return switch (unit) {
        case 'm' -> Duration.ofMinutes(value);
        case 'h' -> Duration.ofHours(value);
        case 'd' -> Duration.ofDays(value);
        default -> Duration.ofSeconds(value);
      };
    } catch (NumberFormatException | DateTimeParseException | StringIndexOutOfBoundsException e) {
      throw new UsageException("not a duration: '" + text + "' (examples: 30s, 10m, 2h, PT1H)");
    }
  }
}

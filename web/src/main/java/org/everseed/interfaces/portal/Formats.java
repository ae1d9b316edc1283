package org.everseed.interfaces.portal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** How the pages write sizes, instants and ratings, the same way everywhere. */
@Named("formats")
@ApplicationScoped
public class Formats {
  private static final String[] UNITS = {"B", "KiB", "MiB", "GiB", "TiB", "PiB"};
  private static final DateTimeFormatter INSTANT =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

  /** {@code 1536} is {@code 1.5 KiB}; below a KiB the exact byte count. */
  public String bytes(long bytes) {
    if (bytes < 1024) {
      return bytes + " B";
    }
    double value = bytes;
    int unit = 0;
    while (value >= 1024 && unit < UNITS.length - 1) {
      value /= 1024;
      unit++;
    }
    if (value == Math.rint(value)) {
      return String.format(Locale.ROOT, "%.0f %s", value, UNITS[unit]);
    }
    return String.format(Locale.ROOT, value < 10 ? "%.2f %s" : "%.1f %s", value, UNITS[unit]);
  }

  public String instant(Instant instant) {
    return instant == null ? "" : INSTANT.format(instant);
  }

  /** The ISO-8601 form, for {@code <time datetime>}. */
  public String iso(Instant instant) {
    return instant == null ? "" : instant.toString();
  }

  /** An average rating as {@code 4.3}, or a dash when nobody rated. */
  public String rating(double average, long count) {
    return count == 0 ? "–" : String.format(Locale.ROOT, "%.1f", average);
  }

  /** Tags and similar lists, comma-separated, or a dash when there are none. */
  public String list(List<?> values) {
    return values == null || values.isEmpty()
        ? "–"
        : values.stream().map(String::valueOf).collect(Collectors.joining(", "));
  }

  /** {@code APPLICATION} as {@code application}, as filters and the API spell kinds. */
  public String lower(Enum<?> value) {
    return value == null ? "" : value.name().toLowerCase(Locale.ROOT);
  }
}

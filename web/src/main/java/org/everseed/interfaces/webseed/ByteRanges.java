package org.everseed.interfaces.webseed;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Parses an HTTP {@code Range} header (RFC 9110 §14.1.2) against a representation of known length.
 * Ranges are returned as they were asked for; ranges that overlap are coalesced (RFC 9110 allows it
 * and it keeps a hostile header from multiplying the response).
 */
public final class ByteRanges {
  /** More ranges than this in one request are refused as abusive. */
  static final int MAX_RANGES = 64;

  private ByteRanges() {}

  /** An inclusive byte range. */
  public record Range(long first, long last) {
    public long length() {
      return last - first + 1;
    }
  }

  /** What a Range header means for a representation of {@code length} bytes. */
  public sealed interface Outcome {
    /** No usable Range header: send everything (200). */
    record Whole() implements Outcome {}

    /** Send these ranges (206). */
    record Partial(List<Range> ranges) implements Outcome {}

    /** No range overlaps the representation (416). */
    record Unsatisfiable() implements Outcome {}
  }

  public static Outcome parse(Optional<String> header, long length) {
    if (header.isEmpty()) {
      return new Outcome.Whole();
    }
    String value = header.get().strip();
    if (!value.regionMatches(true, 0, "bytes=", 0, 6)) {
      // Other units are ignored, as RFC 9110 says.
      return new Outcome.Whole();
    }
    String[] specs = value.substring(6).split(",");
    if (specs.length > MAX_RANGES) {
      return new Outcome.Unsatisfiable();
    }
    List<Range> ranges = new ArrayList<>();
    for (String raw : specs) {
      String spec = raw.strip();
      int dash = spec.indexOf('-');
      if (dash < 0) {
        return new Outcome.Whole(); // Malformed: ignore the header.
      }
      String from = spec.substring(0, dash).strip();
      String to = spec.substring(dash + 1).strip();
      try {
        if (from.isEmpty()) {
          long suffix = Long.parseLong(to);
          if (suffix <= 0 || to.startsWith("+")) {
            if (suffix < 0 || to.startsWith("+")) {
              return new Outcome.Whole();
            }
            continue; // "-0" selects nothing
          }
          if (length > 0) {
            ranges.add(new Range(Math.max(0, length - suffix), length - 1));
          }
        } else {
          long first = Long.parseLong(from);
          long last = to.isEmpty() ? Long.MAX_VALUE : Long.parseLong(to);
          if (first < 0 || from.startsWith("+") || to.startsWith("+") || last < first) {
            return new Outcome.Whole();
          }
          if (first < length) {
            ranges.add(new Range(first, Math.min(last, length - 1)));
          }
        }
      } catch (NumberFormatException e) {
        return new Outcome.Whole();
      }
    }
    if (ranges.isEmpty()) {
      return new Outcome.Unsatisfiable();
    }
    return new Outcome.Partial(coalesce(ranges));
  }

  private static List<Range> coalesce(List<Range> ranges) {
    if (ranges.size() == 1) {
      return ranges;
    }
    List<Range> sorted = new ArrayList<>(ranges);
    sorted.sort((a, b) -> Long.compare(a.first(), b.first()));
    List<Range> merged = new ArrayList<>();
    Range open = sorted.get(0);
    for (Range next : sorted.subList(1, sorted.size())) {
      if (next.first() <= open.last() + 1) {
        open = new Range(open.first(), Math.max(open.last(), next.last()));
      } else {
        merged.add(open);
        open = next;
      }
    }
    merged.add(open);
    if (merged.size() == ranges.size()) {
      return ranges; // Nothing overlapped: keep the client's order.
    }
    return merged;
  }
}

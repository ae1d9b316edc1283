package org.everseed.domain.model.release;

import java.util.Locale;
import java.util.Optional;

/**
 * A catalog search: optional full-text words, filters, an order and a page.
 *
 * @param text words to find in name, version, tags and description (all must match); empty for all
 * @param channel a channel and its sub-channels ({@code patches} includes {@code
 *     patches/linux-x64})
 * @param page zero-based
 * @param size 1–200
 */
public record ReleaseQuery(
    Optional<String> text,
    Optional<String> channel,
    Optional<ReleaseKind> kind,
    Optional<ReleaseStatus> status,
    Sort sort,
    int page,
    int size) {
  public static final int MAX_PAGE_SIZE = 200;

  public ReleaseQuery {
    text = text.map(String::strip).filter(t -> !t.isEmpty());
    channel = channel.map(String::strip).filter(c -> !c.isEmpty());
    if (page < 0) {
      throw new InvalidReleaseException("page", "page must be 0 or more");
    }
    if (size < 1 || size > MAX_PAGE_SIZE) {
      throw new InvalidReleaseException("size", "size must be between 1 and " + MAX_PAGE_SIZE);
    }
  }

  /** The orders the catalog offers; each is descending (newest, most seeded, best rated). */
  public enum Sort {
    CREATED,
    SEEDERS,
    COMPLETED,
    RATING,
    NAME;

    public static Sort parse(String text) {
      try {
        return valueOf(text.strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new InvalidReleaseException(
            "sort",
            "unknown sort '" + text + "'; one of created, seeders, completed, rating, name");
      }
    }
  }
}

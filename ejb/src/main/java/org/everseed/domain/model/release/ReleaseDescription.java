package org.everseed.domain.model.release;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What a publisher says about a release. Validated here so that every way in (REST, portal) gets
 * the same rules and messages.
 */
public record ReleaseDescription(
    String name, String version, ReleaseKind kind, String text, List<String> tags) {
  public static final int MAX_NAME = 200;
  public static final int MAX_VERSION = 100;
  public static final int MAX_TAGS = 1000;

  public ReleaseDescription {
    name = requireText("name", name, MAX_NAME);
    version = requireText("version", version, MAX_VERSION);
    Objects.requireNonNull(kind, "kind");
    text = text == null ? "" : text.strip();
    tags =
        tags == null
            ? List.of()
            : tags.stream()
                .map(t -> t.strip().toLowerCase(Locale.ROOT))
                .filter(t -> !t.isEmpty())
                .distinct()
                .toList();
    for (String tag : tags) {
      if (tag.contains(",")) {
        throw new InvalidReleaseException("tags", "a tag cannot contain a comma: '" + tag + "'");
      }
    }
    if (String.join(",", tags).length() > MAX_TAGS) {
      throw new InvalidReleaseException("tags", "tags are longer than " + MAX_TAGS + " characters");
    }
  }

  private static String requireText(String field, String value, int max) {
    if (value == null || value.isBlank()) {
      throw new InvalidReleaseException(field, field + " must not be blank");
    }
    String stripped = value.strip();
    if (stripped.length() > max) {
      throw new InvalidReleaseException(field, field + " is longer than " + max + " characters");
    }
    if (stripped.chars().anyMatch(Character::isISOControl)) {
      throw new InvalidReleaseException(field, field + " contains control characters");
    }
    return stripped;
  }
}

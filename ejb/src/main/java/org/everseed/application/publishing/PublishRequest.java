package org.everseed.application.publishing;

import java.util.List;
import java.util.Optional;

/**
 * What the publisher said about an upload; every field optional, since good defaults are guessed
 * from the first file's name.
 */
public record PublishRequest(
    Optional<String> name,
    Optional<String> version,
    Optional<String> channel,
    Optional<String> kind,
    Optional<String> description,
    List<String> tags) {
  public static PublishRequest empty() {
    return new PublishRequest(
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        List.of());
  }
}

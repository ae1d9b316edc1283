package org.everseed.api.bencode;

import java.util.Map;
import java.util.Optional;

/**
 * A top-level dictionary together with the span of each of its values in the input, for callers
 * that must hash or copy a value's original bytes (the {@code info} dictionary of a torrent).
 */
public record DecodedDictionary(BDictionary value, Map<BString, Span> valueSpans) {

  public DecodedDictionary {
    valueSpans = Map.copyOf(valueSpans);
  }

  /** The span of the value under {@code key}, if present. */
  public Optional<Span> spanOf(String key) {
    return Optional.ofNullable(valueSpans.get(BString.of(key)));
  }
}

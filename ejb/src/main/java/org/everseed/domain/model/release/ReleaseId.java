package org.everseed.domain.model.release;

/** A release's identity, as it appears in URLs ({@code /api/v1/releases/42}). */
public record ReleaseId(long value) {
  public ReleaseId {
    if (value <= 0) {
      throw new IllegalArgumentException("a release id is a positive number");
    }
  }

  @Override
  public String toString() {
    return Long.toString(value);
  }
}

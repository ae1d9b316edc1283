package org.everseed.application.catalog;

import org.everseed.domain.model.release.ReleaseId;

/** The same content (or the same channel, name and version) is already published. */
public class DuplicateReleaseException extends RuntimeException {
  private final ReleaseId existing;

  public DuplicateReleaseException(ReleaseId existing, String message) {
    super(message);
    this.existing = existing;
  }

  public ReleaseId existing() {
    return existing;
  }
}

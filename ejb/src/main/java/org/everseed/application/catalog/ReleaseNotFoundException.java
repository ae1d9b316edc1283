package org.everseed.application.catalog;

import org.everseed.domain.model.release.ReleaseId;

/** No release has this id. */
public class ReleaseNotFoundException extends RuntimeException {
  public ReleaseNotFoundException(ReleaseId id) {
    super("no release with id " + id);
  }
}

package org.everseed.domain.model.release;

/** Whether a release is still tracked and web-seeded. */
public enum ReleaseStatus {
  ACTIVE,
  RETIRED
}

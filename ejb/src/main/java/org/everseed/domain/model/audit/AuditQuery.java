package org.everseed.domain.model.audit;

import java.time.Instant;
import java.util.Optional;

/**
 * A page of the audit trail, oldest first, filtered by time ({@code from} inclusive, {@code to}
 * exclusive), actor and action.
 */
public record AuditQuery(
    Optional<Instant> from,
    Optional<Instant> to,
    Optional<String> actor,
    Optional<AuditAction> action,
    int page,
    int size) {
  public static final int MAX_SIZE = 500;

  public AuditQuery {
    if (page < 0) {
      throw new IllegalArgumentException("page starts at 0");
    }
    if (size < 1 || size > MAX_SIZE) {
      throw new IllegalArgumentException("size is between 1 and " + MAX_SIZE);
    }
    if (from.isPresent() && to.isPresent() && !from.get().isBefore(to.get())) {
      throw new IllegalArgumentException("from must be before to");
    }
  }
}

package org.everseed.domain.model.audit;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One recorded action.
 *
 * @param target what the action was applied to, as {@code kind:id} (e.g. {@code release:42})
 * @param details what else matters for this action (name, version, reason, stars...)
 */
public record AuditEvent(
    long id,
    Instant occurredAt,
    String actor,
    AuditAction action,
    String target,
    Map<String, String> details) {
  public AuditEvent {
    Objects.requireNonNull(occurredAt, "occurredAt");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(target, "target");
    details = Map.copyOf(details);
  }
}

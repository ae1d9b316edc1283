package org.everseed.api.rest.audit;

import java.time.Instant;
import java.util.Map;

/**
 * One recorded action.
 *
 * @param target {@code kind:id}, e.g. {@code release:42}, {@code agent:7}, {@code channel:tools}
 */
public record AuditEntry(
    long id,
    Instant occurredAt,
    String actor,
    String action,
    String target,
    Map<String, String> details) {}

package org.everseed.api.rest.agent;

import java.time.Instant;
import java.util.List;

/**
 * An agent as administrators see it in {@code GET /api/v1/agents}; never carries the passkey.
 *
 * @param status {@code ACTIVE} or {@code DISABLED}
 * @param enrolledBy the Keycloak principal that enrolled it
 * @param lastSeenAt the last enrolment or heartbeat, {@code null} if none since enrolment
 */
public record AgentSummary(
    long id,
    String name,
    String site,
    String version,
    List<String> channels,
    String status,
    String enrolledBy,
    Instant enrolledAt,
    Instant lastSeenAt) {}

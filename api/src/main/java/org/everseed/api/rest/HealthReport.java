package org.everseed.api.rest;

import java.util.Map;

/**
 * {@code GET /api/v1/health}: {@code UP} when every check is up, {@code DEGRADED} when the server
 * works but some releases cannot be served (their payload is missing or damaged), {@code DOWN} when
 * it cannot work (the database is unreachable).
 *
 * @param status {@code UP}, {@code DEGRADED} or {@code DOWN}
 * @param version the server's product version
 * @param checks each component's status, e.g. {@code database -> UP}
 * @param details one line per failed or degraded check saying why
 */
public record HealthReport(
    String status, String version, Map<String, String> checks, Map<String, String> details) {
  public static final String UP = "UP";
  public static final String DEGRADED = "DEGRADED";
  public static final String DOWN = "DOWN";
}

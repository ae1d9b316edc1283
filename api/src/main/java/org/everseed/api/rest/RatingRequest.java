package org.everseed.api.rest;

/** {@code PUT /api/v1/releases/{id}/rating}: 1 to 5 stars. */
public record RatingRequest(Integer stars) {}

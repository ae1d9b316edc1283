package org.everseed.api.rest;

/** {@code POST /api/v1/releases/{id}/comments}. */
public record NewComment(String body) {}

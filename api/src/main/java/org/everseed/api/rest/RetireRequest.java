package org.everseed.api.rest;

/** {@code POST /api/v1/releases/{id}/retire}. */
public record RetireRequest(String reason) {}

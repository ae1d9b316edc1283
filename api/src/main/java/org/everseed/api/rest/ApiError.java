package org.everseed.api.rest;

/**
 * The body of every 4xx answer of the REST API that the application itself produces.
 *
 * @param status the HTTP status, repeated for clients that only keep the body
 * @param message what was wrong, for a person to read
 */
public record ApiError(int status, String message) {}

package org.everseed.api.rest;

import java.time.Instant;

/** A channel as listed by {@code GET /api/v1/channels}. */
public record ChannelSummary(String name, String description, Instant createdAt) {}

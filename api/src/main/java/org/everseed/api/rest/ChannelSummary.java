package org.everseed.api.rest;

import java.time.Instant;

/**
 * A channel as listed by {@code GET /api/v1/channels}.
 *
 * @param openToStandardClients whether plaintext BitTorrent peers may join its swarms (default:
 *     only fleet agents over TLS)
 */
public record ChannelSummary(
    String name, String description, Instant createdAt, boolean openToStandardClients) {}

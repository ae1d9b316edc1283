package org.everseed.api.rest;

/**
 * {@code PUT /api/v1/channels/{name}/access} (admin): who may join the channel's swarms.
 *
 * @param openToStandardClients {@code true}: plaintext BitTorrent peers too (aria2c, Transmission,
 *     qBittorrent); {@code false} (the default): only fleet agents, over mutually authenticated TLS
 */
public record ChannelAccess(boolean openToStandardClients) {}

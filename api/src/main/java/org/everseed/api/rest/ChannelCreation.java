package org.everseed.api.rest;

/**
 * {@code POST /api/v1/channels}: opens a channel.
 *
 * @param name path-like name, e.g. {@code patches/linux-x64}
 * @param description for people browsing the catalog; may be empty
 */
public record ChannelCreation(String name, String description) {}

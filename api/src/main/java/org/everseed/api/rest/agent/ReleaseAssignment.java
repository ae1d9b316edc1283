package org.everseed.api.rest.agent;

/**
 * One element of {@code GET /api/v1/agents/{agentId}/releases}: a release published in one of the
 * agent's channels, which the agent should have.
 *
 * @param releaseId the release's id, quoted back in reports
 * @param channel the channel it was published in, e.g. {@code patches/linux-x64}
 * @param infoHash the v1 info-hash as 40 hex digits
 * @param torrentUrl where the agent gets the {@code .torrent}, with its own passkey in the announce
 *     and web seed URLs; fetched with the agent's bearer token
 * @param openToStandardClients whether its channel takes plaintext BitTorrent peers; when false
 *     (the default) the agent exchanges it only with fleet agents over mutually authenticated TLS
 */
public record ReleaseAssignment(
    long releaseId,
    String name,
    String version,
    String channel,
    String infoHash,
    String torrentUrl,
    boolean openToStandardClients) {}

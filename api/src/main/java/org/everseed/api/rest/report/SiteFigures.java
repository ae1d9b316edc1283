package org.everseed.api.rest.report;

/**
 * One site's share of a release's distribution.
 *
 * @param offloadRatio bytes from peers over all bytes received, 0 to 1; {@code null} when nothing
 *     was received yet
 */
public record SiteFigures(
    String site,
    int targeted,
    int completed,
    int failed,
    long bytesFromPeers,
    long bytesFromWebSeed,
    Double offloadRatio) {}

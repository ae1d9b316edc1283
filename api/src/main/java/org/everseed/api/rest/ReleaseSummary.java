package org.everseed.api.rest;

import java.time.Instant;
import java.util.List;

/**
 * A release as the catalog lists it.
 *
 * @param seeders peers holding the whole release now (from the tracker)
 * @param leechers peers still downloading it now
 * @param completed downloads completed so far
 * @param averageRating 0 when nobody rated it
 */
public record ReleaseSummary(
    long id,
    String name,
    String version,
    String channel,
    String kind,
    String description,
    List<String> tags,
    String infoHash,
    long totalSize,
    String publisher,
    Instant createdAt,
    String status,
    long seeders,
    long leechers,
    long completed,
    double averageRating,
    long ratingCount) {}

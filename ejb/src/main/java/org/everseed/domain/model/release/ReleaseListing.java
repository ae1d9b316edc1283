package org.everseed.domain.model.release;

import java.time.Instant;
import java.util.List;
import org.everseed.api.metainfo.InfoHash;

/** A release as the catalog lists it, with its swarm and rating figures. */
public record ReleaseListing(
    ReleaseId id,
    String name,
    String version,
    String channel,
    ReleaseKind kind,
    String description,
    List<String> tags,
    InfoHash infoHash,
    long totalSize,
    String publisher,
    Instant createdAt,
    ReleaseStatus status,
    SwarmFigures swarm,
    double averageRating,
    long ratingCount) {}

package org.everseed.application.reporting;

import java.time.Instant;
import org.everseed.domain.model.release.ReleaseId;
import org.everseed.domain.model.release.ReleaseStatus;

/** The release a report is about, as the report heads it. */
public record ReleaseHeading(
    ReleaseId id,
    String name,
    String version,
    String channel,
    ReleaseStatus status,
    Instant publishedAt) {}

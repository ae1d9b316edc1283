package org.everseed.domain.model.release;

import java.util.List;

/** One page of a search, and how many releases match in all. */
public record ReleaseSearchResult(List<ReleaseListing> items, long total) {}

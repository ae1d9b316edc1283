package org.everseed.api.rest;

import java.util.List;

/** One page of catalog results. */
public record ReleasePage(List<ReleaseSummary> items, int page, int size, long total) {}

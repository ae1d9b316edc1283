package org.everseed.api.rest;

import java.time.Instant;

/** A comment on a release. */
public record CommentView(long id, String author, String body, Instant createdAt) {}

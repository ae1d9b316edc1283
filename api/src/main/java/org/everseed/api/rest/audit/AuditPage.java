package org.everseed.api.rest.audit;

import java.util.List;

/** One page of the audit trail, oldest first. */
public record AuditPage(List<AuditEntry> items, int page, int size, long total) {}

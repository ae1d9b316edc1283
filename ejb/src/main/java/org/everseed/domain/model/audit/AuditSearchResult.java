package org.everseed.domain.model.audit;

import java.util.List;

/** One page of audit events and how many match in all. */
public record AuditSearchResult(List<AuditEvent> items, long total) {
  public AuditSearchResult {
    items = List.copyOf(items);
  }
}

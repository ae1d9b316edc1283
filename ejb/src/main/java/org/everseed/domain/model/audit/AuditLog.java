package org.everseed.domain.model.audit;

import java.util.Map;

/** The append-only store of audit events. There is deliberately no way to change or remove one. */
public interface AuditLog {
  /** Records an action in the caller's transaction. */
  void append(String actor, AuditAction action, String target, Map<String, String> details);

  AuditSearchResult search(AuditQuery query);
}

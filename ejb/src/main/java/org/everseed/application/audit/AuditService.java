package org.everseed.application.audit;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.everseed.application.fleet.Roles;
import org.everseed.domain.model.audit.AuditLog;
import org.everseed.domain.model.audit.AuditQuery;
import org.everseed.domain.model.audit.AuditSearchResult;

/** Reading the audit trail; there is no operation that changes it. */
@Stateless
@RolesAllowed({Roles.AUDITOR, Roles.ADMIN})
public class AuditService {
  @Inject AuditLog log;

  public AuditSearchResult search(AuditQuery query) {
    return log.search(query);
  }
}

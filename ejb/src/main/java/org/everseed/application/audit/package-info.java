/**
 * The audit trail as the application writes and reads it: {@link
 * org.everseed.application.audit.AuditTrail} is called by the services that change the catalog and
 * the fleet, inside their transactions; {@link org.everseed.application.audit.AuditService} lets
 * auditors and administrators read it.
 */
package org.everseed.application.audit;

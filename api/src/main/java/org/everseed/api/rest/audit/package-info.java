/** JSON documents of the audit trail ({@code GET /api/v1/audit}). */
package org.everseed.api.rest.audit;

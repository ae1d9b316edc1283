package org.everseed.interfaces.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.everseed.api.rest.audit.AuditEntry;
import org.everseed.api.rest.audit.AuditPage;
import org.everseed.application.audit.AuditService;
import org.everseed.application.fleet.Roles;
import org.everseed.domain.model.audit.AuditAction;
import org.everseed.domain.model.audit.AuditQuery;
import org.everseed.domain.model.audit.AuditSearchResult;

/** The audit trail, read-only (auditor, admin): no method here or anywhere changes it. */
@Path("/audit")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {
  @Inject AuditService audit;

  /**
   * Audit events oldest first; {@code from} (inclusive) and {@code to} (exclusive) are ISO-8601
   * instants such as {@code 2026-11-22T00:00:00Z}.
   */
  @GET
  @RolesAllowed({Roles.AUDITOR, Roles.ADMIN})
  public AuditPage search(
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("actor") String actor,
      @QueryParam("action") String action,
      @QueryParam("page") @DefaultValue("0") int page,
      @QueryParam("size") @DefaultValue("50") int size) {
    AuditQuery query =
        new AuditQuery(
            instant("from", from),
            instant("to", to),
            present(actor),
            present(action).map(AuditAction::parse),
            page,
            size);
    AuditSearchResult result = audit.search(query);
    return new AuditPage(
        result.items().stream()
            .map(
                e ->
                    new AuditEntry(
                        e.id(),
                        e.occurredAt(),
                        e.actor(),
                        e.action().name(),
                        e.target(),
                        e.details()))
            .toList(),
        page,
        size,
        result.total());
  }

  private static Optional<String> present(String value) {
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
  }

  private static Optional<Instant> instant(String name, String value) {
    try {
      return present(value).map(Instant::parse);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          name + " must be an ISO-8601 instant such as 2026-11-22T00:00:00Z", e);
    }
  }
}

package org.everseed.application.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import org.everseed.domain.model.audit.AuditAction;
import org.everseed.domain.model.audit.AuditLog;

/**
 * Records significant actions in the audit trail. A CDI bean rather than an EJB so that it joins
 * the calling service's transaction without a security check of its own: the action and its audit
 * row commit or roll back together.
 */
@ApplicationScoped
public class AuditTrail {
  private final AuditLog log;

  @Inject
  public AuditTrail(AuditLog log) {
    this.log = log;
  }

  /** For the CDI container's client proxy only. */
  protected AuditTrail() {
    this.log = null;
  }

  /**
   * Records that {@code actor} did {@code action} to {@code target}.
   *
   * @param details pairs of names and values; a {@code null} value is left out
   */
  public void record(String actor, AuditAction action, String target, String... details) {
    if (details.length % 2 != 0) {
      throw new IllegalArgumentException("details come in name/value pairs");
    }
    Map<String, String> pairs = new LinkedHashMap<>();
    for (int i = 0; i < details.length; i += 2) {
      if (details[i + 1] != null) {
        pairs.put(details[i], details[i + 1]);
      }
    }
    log.append(actor, action, target, pairs);
  }

  public static String release(Object id) {
    return "release:" + id;
  }

  public static String agent(Object id) {
    return "agent:" + id;
  }

  public static String channel(Object name) {
    return "channel:" + name;
  }
}

package org.everseed.infrastructure.persistence.jpa;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.io.StringReader;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.everseed.domain.model.audit.AuditAction;
import org.everseed.domain.model.audit.AuditEvent;
import org.everseed.domain.model.audit.AuditLog;
import org.everseed.domain.model.audit.AuditQuery;
import org.everseed.domain.model.audit.AuditSearchResult;

/**
 * The audit trail in PostgreSQL ({@code audit_event}). Plain SQL rather than an entity: rows are
 * never loaded to be changed, and the details column is {@code jsonb}.
 */
@ApplicationScoped
public class JpaAuditLog implements AuditLog {
  @PersistenceContext(unitName = "everseed")
  private EntityManager em;

  @Override
  public void append(String actor, AuditAction action, String target, Map<String, String> details) {
    JsonObjectBuilder json = Json.createObjectBuilder();
    details.forEach(json::add);
    em.createNativeQuery(
            "insert into audit_event (actor, action, target, details)"
                + " values (?1, ?2, ?3, cast(?4 as jsonb))")
        .setParameter(1, actor)
        .setParameter(2, action.name())
        .setParameter(3, target)
        .setParameter(4, json.build().toString())
        .executeUpdate();
  }

  @Override
  public AuditSearchResult search(AuditQuery query) {
    StringBuilder where = new StringBuilder(" where true");
    List<Object> parameters = new ArrayList<>();
    query.from().ifPresent(from -> condition(where, parameters, "occurred_at >= ", at(from)));
    query.to().ifPresent(to -> condition(where, parameters, "occurred_at < ", at(to)));
    query.actor().ifPresent(actor -> condition(where, parameters, "actor = ", actor));
    query.action().ifPresent(action -> condition(where, parameters, "action = ", action.name()));

    Query count = em.createNativeQuery("select count(*) from audit_event" + where);
    bind(count, parameters);
    long total = ((Number) count.getSingleResult()).longValue();

    Query page =
        em.createNativeQuery(
            "select id, occurred_at, actor, action, target, details::text from audit_event"
                + where
                + " order by occurred_at, id");
    bind(page, parameters);
    page.setFirstResult(query.page() * query.size()).setMaxResults(query.size());
    List<AuditEvent> items = new ArrayList<>();
    for (Object row : page.getResultList()) {
      Object[] columns = (Object[]) row;
      items.add(
          new AuditEvent(
              ((Number) columns[0]).longValue(),
              instant(columns[1]),
              (String) columns[2],
              AuditAction.valueOf((String) columns[3]),
              (String) columns[4],
              details((String) columns[5])));
    }
    return new AuditSearchResult(items, total);
  }

  private static void condition(
      StringBuilder where, List<Object> parameters, String test, Object value) {
    parameters.add(value);
    where.append(" and ").append(test).append('?').append(parameters.size());
  }

  private static void bind(Query query, List<Object> parameters) {
    for (int i = 0; i < parameters.size(); i++) {
      query.setParameter(i + 1, parameters.get(i));
    }
  }

  private static Timestamp at(Instant instant) {
    return Timestamp.from(instant);
  }

  static Instant instant(Object column) {
    if (column instanceof Timestamp timestamp) {
      return timestamp.toInstant();
    }
    if (column instanceof OffsetDateTime offset) {
      return offset.toInstant();
    }
    return (Instant) column;
  }

  private static Map<String, String> details(String json) {
    JsonObject object = Json.createReader(new StringReader(json)).readObject();
    Map<String, String> details = new LinkedHashMap<>();
    object.forEach(
        (key, value) ->
            details.put(
                key,
                value.getValueType() == JsonValue.ValueType.STRING
                    ? object.getString(key)
                    : value.toString()));
    return details;
  }
}

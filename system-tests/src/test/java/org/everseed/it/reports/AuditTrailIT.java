package org.everseed.it.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import org.everseed.it.Http;
import org.everseed.it.SystemExtension;
import org.everseed.system.EverseedSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The audit trail: written by the services, readable by auditors, unchangeable by anyone. */
@ExtendWith(SystemExtension.class)
class AuditTrailIT {
  private static final String CI_ACTOR = "service-account-ci-pipeline";

  @Test
  void publishCommentRetireAndAgentDisableAreAudited(EverseedSystem system) throws Exception {
    Instant before = Instant.now().minusSeconds(5);
    Rollout rollout = new Rollout(system);
    String ci = Rollout.token(system, "ci");
    long release = rollout.publish(ci, "it/audited-" + System.nanoTime(), "audited-1.0.bin");
    String auditor = Rollout.token(system, "auditor");
    assertEquals(
        201,
        Http.postJson(
                Rollout.api(system, "/releases/" + release + "/comments"),
                auditor,
                "{\"body\":\"checked the change ticket\"}")
            .statusCode());
    assertEquals(
        200,
        Http.postJson(
                Rollout.api(system, "/releases/" + release + "/retire"),
                ci,
                "{\"reason\":\"superseded\"}")
            .statusCode());
    long agent = rollout.enrol("audited-" + System.nanoTime(), "lyon", "it/audited");
    String admin = Rollout.token(system, "admin");
    assertEquals(
        200,
        Http.postJson(Rollout.api(system, "/agents/" + agent + "/disable"), admin, "{}")
            .statusCode());

    String target = "release:" + release;
    JsonObject published =
        only(system, auditor, "action=RELEASE_PUBLISHED&actor=" + CI_ACTOR, target);
    assertEquals("audited", published.getJsonObject("details").getString("name"));
    assertEquals("1.0", published.getJsonObject("details").getString("version"));
    JsonObject commented = only(system, auditor, "action=RELEASE_COMMENTED", target);
    assertEquals("auditor", commented.getString("actor"));
    JsonObject retired = only(system, auditor, "action=RELEASE_RETIRED", target);
    assertEquals(CI_ACTOR, retired.getString("actor"));
    assertEquals("superseded", retired.getJsonObject("details").getString("reason"));
    JsonObject disabled = only(system, admin, "action=AGENT_DISABLED", "agent:" + agent);
    assertEquals("admin", disabled.getString("actor"));
    JsonObject enrolled = only(system, admin, "action=AGENT_ENROLLED", "agent:" + agent);
    assertEquals("lyon", enrolled.getJsonObject("details").getString("site"));

    // The time window and paging: everything since the test began, one event per page.
    String since = "from=" + URLEncoder.encode(before.toString(), StandardCharsets.UTF_8);
    JsonObject firstPage =
        Rollout.json(
            Http.get(Rollout.api(system, "/audit?" + since + "&size=1&page=0"), auditor), 200);
    assertTrue(firstPage.getJsonNumber("total").longValue() >= 5, firstPage.toString());
    assertEquals(1, firstPage.getJsonArray("items").size());
    JsonObject future =
        Rollout.json(
            Http.get(Rollout.api(system, "/audit?from=2999-01-01T00:00:00Z"), auditor), 200);
    assertEquals(0, future.getJsonNumber("total").longValue());
  }

  @Test
  void theAuditTrailIsForAuditorsAndAdminsAndHasNoWriteMethod(EverseedSystem system)
      throws Exception {
    String url = Rollout.api(system, "/audit");
    assertEquals(403, Http.get(url, Rollout.token(system, "ci")).statusCode());
    assertEquals(403, Http.get(url, Rollout.token(system, null)).statusCode());
    assertEquals(401, Http.get(url).statusCode());
    String admin = Rollout.token(system, "admin");
    assertEquals(405, Http.postJson(url, admin, "{}").statusCode());
    assertEquals(405, Http.sendJson("DELETE", url, admin, "").statusCode());
    assertEquals(400, Http.get(url + "?action=NOT_AN_ACTION", admin).statusCode());
    assertEquals(400, Http.get(url + "?from=yesterday", admin).statusCode());
  }

  @Test
  void theApplicationsDatabaseUserCannotUpdateDeleteOrTruncateIt(EverseedSystem system)
      throws Exception {
    Rollout rollout = new Rollout(system);
    rollout.enrol("append-only-" + System.nanoTime(), "lyon", "it/append-only");
    try (Connection c = system.database().connect();
        Statement statement = c.createStatement()) {
      try (var rs = statement.executeQuery("select count(*) from audit_event")) {
        rs.next();
        assertTrue(rs.getLong(1) > 0);
      }
      for (String change :
          List.of(
              "update audit_event set actor = 'someone else'",
              "delete from audit_event",
              "truncate audit_event")) {
        SQLException refused =
            assertThrows(SQLException.class, () -> statement.executeUpdate(change), change);
        assertTrue(refused.getMessage().contains("append-only"), refused.getMessage());
      }
    }
  }

  private static JsonObject only(EverseedSystem system, String token, String query, String target)
      throws Exception {
    JsonObject page =
        Rollout.json(Http.get(Rollout.api(system, "/audit?size=500&" + query), token), 200);
    List<JsonObject> matching =
        page.getJsonArray("items").getValuesAs(JsonObject.class).stream()
            .filter(e -> e.getString("target").equals(target))
            .toList();
    assertEquals(1, matching.size(), query + " " + target + ": " + page);
    return matching.get(0);
  }
}

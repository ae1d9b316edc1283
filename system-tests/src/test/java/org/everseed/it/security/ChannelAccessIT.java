package org.everseed.it.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import org.everseed.it.Http;
import org.everseed.it.SystemExtension;
import org.everseed.system.EverseedSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A channel's "open to standard clients" setting (issue 13): private by default, changed by admins
 * only (audited), and carried to the agents in their release list, where it decides whether
 * plaintext peers may join.
 */
@ExtendWith(SystemExtension.class)
class ChannelAccessIT {

  @Test
  void onlyAnAdminOpensAChannelAndTheAgentSeesItInItsReleaseList(EverseedSystem system)
      throws Exception {
    String run = Long.toString(System.nanoTime(), 36);
    String channel = "access/it-" + run;
    String ci = RoleEnforcementIT.ci(system);
    String admin = RoleEnforcementIT.user(system, "admin", "admin-demo");
    String agent = RoleEnforcementIT.agent(system);
    assertEquals(201, RoleEnforcementIT.createChannel(system, ci, channel).statusCode());
    String listed = Web.get(system.wildFly().baseUrl() + "/api/v1/channels", ci).body();
    assertTrue(
        Json.objectWith(listed, "name", channel).contains("\"openToStandardClients\":false"),
        "private by default: " + listed);

    HttpResponse<String> enrolled =
        Web.postJson(
            system.wildFly().baseUrl() + "/api/v1/agents",
            agent,
            "{\"name\":\"access-"
                + run
                + "\",\"site\":\"paris\",\"version\":\"1\",\"channels\":["
                + Json.quote(channel)
                + "]}");
    long agentId = Json.number(enrolled.body(), "agentId");
    HttpResponse<String> published =
        Http.postMultipart(
            system.wildFly().baseUrl() + "/api/v1/releases",
            ci,
            new Http.Multipart()
                .field("name", "access-" + run)
                .field("version", "1.0")
                .field("channel", channel)
                .file("file", "access.bin", new byte[] {1, 2, 3}));
    assertEquals(201, published.statusCode(), published.body());
    String releases = system.wildFly().baseUrl() + "/api/v1/agents/" + agentId + "/releases";
    assertTrue(
        Web.get(releases, agent).body().contains("\"openToStandardClients\":false"),
        "the assignment says private");

    String access = accessUrl(system, channel);
    String open = "{\"openToStandardClients\":true}";
    assertEquals(403, Http.sendJson("PUT", access, ci, open).statusCode(), "publisher");
    assertEquals(403, Http.sendJson("PUT", access, agent, open).statusCode(), "agent");
    assertEquals(401, Http.sendJson("PUT", access, null, open).statusCode(), "anonymous");
    assertTrue(Web.get(releases, agent).body().contains("\"openToStandardClients\":false"));

    HttpResponse<String> opened = Http.sendJson("PUT", access, admin, open);
    assertEquals(200, opened.statusCode(), opened.body());
    assertTrue(opened.body().contains("\"openToStandardClients\":true"), opened.body());
    assertTrue(
        Web.get(releases, agent).body().contains("\"openToStandardClients\":true"),
        "the assignment says open");
    assertEquals(1, auditRows(system, "CHANNEL_OPENED_TO_STANDARD_CLIENTS", channel));

    HttpResponse<String> closed =
        Http.sendJson("PUT", access, admin, "{\"openToStandardClients\":false}");
    assertEquals(200, closed.statusCode(), closed.body());
    assertTrue(Web.get(releases, agent).body().contains("\"openToStandardClients\":false"));
    assertEquals(1, auditRows(system, "CHANNEL_CLOSED_TO_STANDARD_CLIENTS", channel));
  }

  @Test
  void anUnknownChannelIs404(EverseedSystem system) throws Exception {
    String admin = RoleEnforcementIT.user(system, "admin", "admin-demo");
    HttpResponse<String> response =
        Http.sendJson(
            "PUT", accessUrl(system, "no/such-channel"), admin, "{\"openToStandardClients\":true}");
    assertEquals(404, response.statusCode(), response.body());
  }

  private static String accessUrl(EverseedSystem system, String channel) {
    return system.wildFly().baseUrl() + "/api/v1/channels/" + channel + "/access";
  }

  private static long auditRows(EverseedSystem system, String action, String channel)
      throws Exception {
    try (Connection c = system.database().connect();
        PreparedStatement st =
            c.prepareStatement(
                "select count(*) from audit_event where action = ? and target like ?")) {
      st.setString(1, action);
      st.setString(2, "%" + channel);
      try (ResultSet rs = st.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }
}

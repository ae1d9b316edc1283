package org.everseed.it.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import org.everseed.it.SystemExtension;
import org.everseed.system.EverseedSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Agents enrol with client credentials and receive their tracker passkey; administrators disable,
 * enable and re-key them, and a disabled agent's passkey is revoked at once. Each test enrols an
 * agent of its own name.
 */
@ExtendWith(SystemExtension.class)
class AgentEnrolmentIT {

  @Test
  void agentEnrolsAndReceivesALivePasskey(EverseedSystem system) throws Exception {
    HttpResponse<String> response = enrol(system, "enrol-1", "paris", "1.0.0");

    assertEquals(200, response.statusCode(), response.body());
    long agentId = Json.number(response.body(), "agentId");
    String passkey = Json.string(response.body(), "passkey");
    assertTrue(passkey.matches("[0-9a-f]{32}"), passkey);
    assertEquals(agentId, passkeyHolder(system, passkey));
    assertNull(revokedAt(system, passkey));
  }

  @Test
  void theServiceSeesTheAgentsKeycloakIdentity(EverseedSystem system) throws Exception {
    enrol(system, "identity-1", "paris", "1.0.0");

    HttpResponse<String> agents = Web.get(agentsUrl(system), admin(system));

    // enrolled_by is the caller principal as the EJB sees it: the OIDC identity propagated from
    // the web layer into the EJB module of the EAR, not "anonymous".
    assertEquals(200, agents.statusCode(), agents.body());
    assertTrue(
        agents.body().contains("\"enrolledBy\":\"service-account-everseed-agent\""), agents.body());
  }

  @Test
  void reenrolmentReturnsTheSameAgentAndPasskeyAndUpdatesItsDeclaration(EverseedSystem system)
      throws Exception {
    HttpResponse<String> first = enrol(system, "reenrol-1", "paris", "1.0.0");
    HttpResponse<String> again = enrol(system, "reenrol-1", "lyon", "1.1.0");

    assertEquals(200, again.statusCode(), again.body());
    assertEquals(Json.number(first.body(), "agentId"), Json.number(again.body(), "agentId"));
    assertEquals(Json.string(first.body(), "passkey"), Json.string(again.body(), "passkey"));
    String listed = Web.get(agentsUrl(system), admin(system)).body();
    String agent = Json.objectWith(listed, "name", "reenrol-1");
    assertEquals("lyon", Json.string(agent, "site"));
    assertEquals("1.1.0", Json.string(agent, "version"));
    assertEquals(1, Json.strings(listed, "name").stream().filter("reenrol-1"::equals).count());
  }

  @Test
  void disablingRevokesTheLivePasskeyAndShutsTheAgentOut(EverseedSystem system) throws Exception {
    HttpResponse<String> enrolled = enrol(system, "disable-1", "paris", "1.0.0");
    long agentId = Json.number(enrolled.body(), "agentId");
    String passkey = Json.string(enrolled.body(), "passkey");

    HttpResponse<String> disabled =
        Web.post(agentsUrl(system) + "/" + agentId + "/disable", admin(system));

    assertEquals(200, disabled.statusCode(), disabled.body());
    assertTrue(disabled.body().contains("\"status\":\"DISABLED\""), disabled.body());
    assertNotNull(revokedAt(system, passkey), "the live passkey must be revoked");
    assertEquals(403, enrol(system, "disable-1", "paris", "1.0.0").statusCode());
    assertEquals(
        403,
        Web.postJson(agentsUrl(system) + "/" + agentId + "/heartbeat", agent(system), "{}")
            .statusCode());
  }

  @Test
  void enablingLetsTheAgentBackWithANewPasskey(EverseedSystem system) throws Exception {
    HttpResponse<String> enrolled = enrol(system, "enable-1", "paris", "1.0.0");
    long agentId = Json.number(enrolled.body(), "agentId");
    String oldPasskey = Json.string(enrolled.body(), "passkey");
    Web.post(agentsUrl(system) + "/" + agentId + "/disable", admin(system));

    HttpResponse<String> enabled =
        Web.post(agentsUrl(system) + "/" + agentId + "/enable", admin(system));
    HttpResponse<String> back = enrol(system, "enable-1", "paris", "1.0.0");

    assertEquals(200, enabled.statusCode(), enabled.body());
    assertEquals(200, back.statusCode(), back.body());
    String newPasskey = Json.string(back.body(), "passkey");
    assertNotEquals(oldPasskey, newPasskey);
    assertNull(revokedAt(system, newPasskey));
    assertNotNull(revokedAt(system, oldPasskey));
  }

  @Test
  void rekeyRevokesThePasskeyAndTheAgentGetsTheNewOneOnEnrolment(EverseedSystem system)
      throws Exception {
    HttpResponse<String> enrolled = enrol(system, "rekey-1", "paris", "1.0.0");
    long agentId = Json.number(enrolled.body(), "agentId");
    String oldPasskey = Json.string(enrolled.body(), "passkey");

    HttpResponse<String> rekeyed =
        Web.post(agentsUrl(system) + "/" + agentId + "/rekey", admin(system));

    assertEquals(200, rekeyed.statusCode(), rekeyed.body());
    assertTrue(!rekeyed.body().contains(oldPasskey) && !rekeyed.body().contains("passkey"));
    assertNotNull(revokedAt(system, oldPasskey));
    String newPasskey = Json.string(enrol(system, "rekey-1", "paris", "1.0.0").body(), "passkey");
    assertNotEquals(oldPasskey, newPasskey);
    assertEquals(agentId, passkeyHolder(system, newPasskey));
  }

  @Test
  void heartbeatRecordsTheAgentAsSeen(EverseedSystem system) throws Exception {
    long agentId = Json.number(enrol(system, "heartbeat-1", "paris", "1.0.0").body(), "agentId");
    Timestamp before = lastSeen(system, agentId);

    HttpResponse<String> beat =
        Web.postJson(
            agentsUrl(system) + "/" + agentId + "/heartbeat",
            agent(system),
            "{\"version\":\"1.0.1\"}");

    assertEquals(204, beat.statusCode(), beat.body());
    assertTrue(lastSeen(system, agentId).after(before));
    assertTrue(Web.get(agentsUrl(system), admin(system)).body().contains("\"version\":\"1.0.1\""));
  }

  @Test
  void unknownAgentAnswers404(EverseedSystem system) throws Exception {
    assertEquals(404, Web.post(agentsUrl(system) + "/999999/disable", admin(system)).statusCode());
  }

  @Test
  void malformedEnrolmentAnswers400(EverseedSystem system) throws Exception {
    HttpResponse<String> response =
        Web.postJson(
            agentsUrl(system),
            agent(system),
            "{\"name\":\"bad-channels\",\"site\":\"paris\",\"version\":\"1\","
                + "\"channels\":[\"Not A Channel\"]}");

    assertEquals(400, response.statusCode(), response.body());
    assertTrue(response.body().contains("channel name"), response.body());
  }

  @Test
  void passkeysTokensAndClientSecretsNeverReachTheServerLog(EverseedSystem system)
      throws Exception {
    String token = agent(system);
    String passkey = Json.string(enrol(system, "log-1", "paris", "1.0.0").body(), "passkey");
    Web.get(agentsUrl(system), Keycloak.withTamperedSignature(token));
    Web.post(agentsUrl(system) + "/999999/rekey", admin(system));

    String log = Files.readString(system.wildFly().log());

    assertFalse(log.contains(passkey), "passkey in " + system.wildFly().log());
    assertFalse(log.contains(token.substring(token.lastIndexOf('.') + 1)), "token in the log");
    assertFalse(log.contains(Keycloak.PORTAL_SECRET), "portal client secret in the log");
  }

  static HttpResponse<String> enrol(EverseedSystem system, String name, String site, String version)
      throws Exception {
    return Web.postJson(
        agentsUrl(system),
        agent(system),
        "{\"name\":"
            + Json.quote(name)
            + ",\"site\":"
            + Json.quote(site)
            + ",\"version\":"
            + Json.quote(version)
            + ",\"channels\":[\"patches/linux-x64\",\"apps/tools\"]}");
  }

  private static String agentsUrl(EverseedSystem system) {
    return system.wildFly().baseUrl() + "/api/v1/agents";
  }

  private static String agent(EverseedSystem system) throws Exception {
    return RoleEnforcementIT.agent(system);
  }

  private static String admin(EverseedSystem system) throws Exception {
    return RoleEnforcementIT.user(system, "admin", "admin-demo");
  }

  private static long passkeyHolder(EverseedSystem system, String passkey) throws Exception {
    try (Connection c = system.database().connect();
        PreparedStatement st =
            c.prepareStatement("select agent_id from passkey where passkey = ?")) {
      st.setString(1, passkey);
      try (ResultSet rs = st.executeQuery()) {
        assertTrue(rs.next(), "no passkey row");
        return rs.getLong(1);
      }
    }
  }

  private static Timestamp revokedAt(EverseedSystem system, String passkey) throws Exception {
    try (Connection c = system.database().connect();
        PreparedStatement st =
            c.prepareStatement("select revoked_at from passkey where passkey = ?")) {
      st.setString(1, passkey);
      try (ResultSet rs = st.executeQuery()) {
        assertTrue(rs.next(), "no passkey row");
        return rs.getTimestamp(1);
      }
    }
  }

  private static Timestamp lastSeen(EverseedSystem system, long agentId) throws Exception {
    try (Connection c = system.database().connect();
        PreparedStatement st = c.prepareStatement("select last_seen_at from agent where id = ?")) {
      st.setLong(1, agentId);
      try (ResultSet rs = st.executeQuery()) {
        assertTrue(rs.next(), "no agent row");
        return rs.getTimestamp(1);
      }
    }
  }
}

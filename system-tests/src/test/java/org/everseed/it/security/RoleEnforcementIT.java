package org.everseed.it.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.everseed.it.SystemExtension;
import org.everseed.system.EverseedSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Signed in is not enough: each realm role reaches what it needs and gets 403 elsewhere. People
 * sign in as the demo users through Keycloak's login page; CI and agents use client credentials.
 */
@ExtendWith(SystemExtension.class)
class RoleEnforcementIT {

  @Test
  void publisherCannotReadTheAdminAgentList(EverseedSystem system) throws Exception {
    String agents = system.wildFly().baseUrl() + "/api/v1/agents";

    assertEquals(403, Web.get(agents, user(system, "publisher", "publisher-demo")).statusCode());
    assertEquals(403, Web.get(agents, ci(system)).statusCode());
  }

  @Test
  void auditorCannotPublish(EverseedSystem system) throws Exception {
    HttpResponse<String> response =
        createChannel(system, user(system, "auditor", "auditor-demo"), "auditor/denied");

    assertEquals(403, response.statusCode(), response.body());
  }

  @Test
  void agentCannotPublish(EverseedSystem system) throws Exception {
    HttpResponse<String> response = createChannel(system, agent(system), "agent/denied");

    assertEquals(403, response.statusCode(), response.body());
  }

  @Test
  void auditorCannotPublishAReleaseNorCanAnAgent(EverseedSystem system) throws Exception {
    assertEquals(403, publishRelease(system, user(system, "auditor", "auditor-demo")).statusCode());
    assertEquals(403, publishRelease(system, agent(system)).statusCode());
    assertEquals(401, publishRelease(system, null).statusCode());
  }

  @Test
  void agentCannotAdministerTheFleet(EverseedSystem system) throws Exception {
    String base = system.wildFly().baseUrl() + "/api/v1/agents";
    String token = agent(system);

    assertEquals(403, Web.get(base, token).statusCode());
    assertEquals(403, Web.post(base + "/1/disable", token).statusCode());
    assertEquals(403, Web.post(base + "/1/rekey", token).statusCode());
  }

  @Test
  void publisherCannotEnrolAnAgent(EverseedSystem system) throws Exception {
    HttpResponse<String> response =
        Web.postJson(
            system.wildFly().baseUrl() + "/api/v1/agents",
            ci(system),
            "{\"name\":\"rogue\",\"site\":\"x\",\"version\":\"1\",\"channels\":[]}");

    assertEquals(403, response.statusCode(), response.body());
  }

  @Test
  void publisherUserPublishes(EverseedSystem system) throws Exception {
    HttpResponse<String> response =
        createChannel(system, user(system, "publisher", "publisher-demo"), "roles/publisher");

    assertEquals(201, response.statusCode(), response.body());
  }

  @Test
  void adminReadsTheAgentList(EverseedSystem system) throws Exception {
    HttpResponse<String> response =
        Web.get(system.wildFly().baseUrl() + "/api/v1/agents", user(system, "admin", "admin-demo"));

    assertEquals(200, response.statusCode(), response.body());
  }

  @Test
  void everyRoleReadsTheChannels(EverseedSystem system) throws Exception {
    String channels = system.wildFly().baseUrl() + "/api/v1/channels";

    assertEquals(200, Web.get(channels, user(system, "auditor", "auditor-demo")).statusCode());
    assertEquals(200, Web.get(channels, user(system, "admin", "admin-demo")).statusCode());
    assertEquals(200, Web.get(channels, ci(system)).statusCode());
    assertEquals(200, Web.get(channels, agent(system)).statusCode());
  }

  /** A one-file multipart publish, as {@code curl -F} sends it. */
  static HttpResponse<String> publishRelease(EverseedSystem system, String token) throws Exception {
    String boundary = "everseed-it-boundary";
    String body =
        "--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\nforbidden\r\n--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"x.bin\"\r\n"
            + "Content-Type: application/octet-stream\r\n\r\nnot to be published\r\n--"
            + boundary
            + "--\r\n";
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(system.wildFly().baseUrl() + "/api/v1/releases"))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return Web.client().send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  static HttpResponse<String> createChannel(EverseedSystem system, String token, String name)
      throws Exception {
    return Web.postJson(
        system.wildFly().baseUrl() + "/api/v1/channels",
        token,
        "{\"name\":" + Json.quote(name) + ",\"description\":\"made by a test\"}");
  }

  static String user(EverseedSystem system, String username, String password) throws Exception {
    return new Keycloak(system.keycloak())
        .userToken(username, password, system.wildFly().baseUrl() + "/");
  }

  static String ci(EverseedSystem system) throws Exception {
    return new Keycloak(system.keycloak())
        .clientCredentials(Keycloak.CI_CLIENT, Keycloak.CI_SECRET);
  }

  static String agent(EverseedSystem system) throws Exception {
    return new Keycloak(system.keycloak())
        .clientCredentials(Keycloak.AGENT_CLIENT, Keycloak.AGENT_SECRET);
  }
}

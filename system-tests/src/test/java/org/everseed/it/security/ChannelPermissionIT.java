package org.everseed.it.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Random;
import org.everseed.it.Http;
import org.everseed.it.SystemExtension;
import org.everseed.system.EverseedSystem;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Channel permissions through REST with real Keycloak tokens: an admin restricts a channel to a
 * realm role; a publisher without it gets 403 (audited) there and below it; granting its role lets
 * it publish; only admins manage the grants.
 */
@ExtendWith(SystemExtension.class)
class ChannelPermissionIT {
  String base;
  String admin;
  String publisher;
  String channel;

  @BeforeEach
  void setUp(EverseedSystem system) throws Exception {
    base = system.wildFly().baseUrl() + "/api/v1";
    admin = RoleEnforcementIT.user(system, "admin", "admin-demo");
    publisher = RoleEnforcementIT.user(system, "publisher", "publisher-demo");
    channel = "perm/team-" + System.nanoTime();
    HttpResponse<String> created = RoleEnforcementIT.createChannel(system, publisher, channel);
    assertEquals(201, created.statusCode(), created.body());
  }

  HttpResponse<String> grant(String token, String role) throws Exception {
    return Http.sendJson("PUT", base + "/channels/" + channel + "/publishers/" + role, token, "");
  }

  HttpResponse<String> revoke(String token, String role) throws Exception {
    return Http.sendJson(
        "DELETE", base + "/channels/" + channel + "/publishers/" + role, token, "");
  }

  HttpResponse<String> publish(String token, String into) throws Exception {
    byte[] content = new byte[10_000];
    new Random(System.nanoTime()).nextBytes(content);
    return Http.postMultipart(
        base + "/releases",
        token,
        new Http.Multipart()
            .field("channel", into)
            .file("file", "perm-" + System.nanoTime() + "-1.0.bin", content));
  }

  @Test
  void publishingIntoAChannelRestrictedToAnotherRoleIs403AndAudited() throws Exception {
    Instant start = Instant.now().minusSeconds(1);
    assertEquals(201, grant(admin, "team-nobody-has").statusCode());

    HttpResponse<String> refused = publish(publisher, channel);
    assertEquals(403, refused.statusCode(), refused.body());
    assertTrue(refused.body().contains("team-nobody-has"), refused.body());
    HttpResponse<String> below = publish(publisher, channel + "/below");
    assertEquals(403, below.statusCode(), "a channel below a restricted one: " + below.body());

    HttpResponse<String> audit =
        Http.get(
            base
                + "/audit?action=PUBLISH_DENIED&size=200&from="
                + URLEncoder.encode(start.toString(), StandardCharsets.UTF_8),
            admin);
    assertEquals(200, audit.statusCode(), audit.body());
    assertTrue(audit.body().contains("channel:" + channel + "\""), audit.body());
    assertTrue(audit.body().contains("channel:" + channel + "/below\""), audit.body());

    HttpResponse<String> elsewhere = publish(publisher, "perm/open-" + System.nanoTime());
    assertEquals(201, elsewhere.statusCode(), "other channels stay open: " + elsewhere.body());
  }

  @Test
  void adminGrantsThePublishersRoleAndThePublisherPublishes() throws Exception {
    assertEquals(201, grant(admin, "team-nobody-has").statusCode());
    assertEquals(403, publish(publisher, channel).statusCode());

    HttpResponse<String> granted = grant(admin, "publisher");
    assertEquals(201, granted.statusCode(), granted.body());
    assertEquals(200, grant(admin, "publisher").statusCode(), "granting twice changes nothing");
    HttpResponse<String> listed =
        Http.get(base + "/channels/" + channel + "/publishers", publisher);
    assertEquals(200, listed.statusCode(), listed.body());
    assertTrue(listed.body().contains("\"restricted\":true"), listed.body());
    assertTrue(listed.body().contains("\"role\":\"publisher\""), listed.body());
    assertTrue(listed.body().contains("\"grantedBy\":\"admin\""), listed.body());

    HttpResponse<String> published = publish(publisher, channel);
    assertEquals(201, published.statusCode(), published.body());
    assertEquals(201, publish(publisher, channel + "/below").statusCode());

    assertEquals(204, revoke(admin, "publisher").statusCode());
    assertEquals(404, revoke(admin, "publisher").statusCode());
    assertEquals(403, publish(publisher, channel).statusCode(), "restricted again");
    assertEquals(204, revoke(admin, "team-nobody-has").statusCode());
    HttpResponse<String> open = Http.get(base + "/channels/" + channel + "/publishers", admin);
    assertTrue(open.body().contains("\"restricted\":false"), open.body());
    assertEquals(201, publish(publisher, channel).statusCode(), "open again without grants");
  }

  /**
   * A team's own realm role, as an operator would create it in Keycloak (and give it to a group or
   * a CI client): granting it lets that team's pipeline publish, and the channel stays closed to
   * the other publishers.
   */
  @Test
  void aTeamsRealmRoleOpensTheChannelToThatTeamAlone(EverseedSystem system) throws Exception {
    String team = "team-it-" + System.nanoTime();
    KeycloakAdmin keycloak = new KeycloakAdmin(system.keycloak());
    keycloak.createRealmRole(team);
    String secret =
        keycloak.createServiceAccountClient(
            "ci-" + team, java.util.List.of("publisher", team), 300);
    String teamPipeline = new Keycloak(system.keycloak()).clientCredentials("ci-" + team, secret);

    assertEquals(201, grant(admin, team).statusCode());

    HttpResponse<String> published = publish(teamPipeline, channel + "/nightly");
    assertEquals(201, published.statusCode(), published.body());
    assertEquals(403, publish(publisher, channel).statusCode(), "other publishers stay out");
  }

  @Test
  void onlyAdminsManagePublishers(EverseedSystem system) throws Exception {
    String auditor = RoleEnforcementIT.user(system, "auditor", "auditor-demo");
    String ci = RoleEnforcementIT.ci(system);
    assertEquals(403, grant(publisher, "publisher").statusCode());
    assertEquals(403, grant(ci, "publisher").statusCode());
    assertEquals(403, grant(auditor, "publisher").statusCode());
    assertEquals(403, grant(RoleEnforcementIT.agent(system), "publisher").statusCode());
    assertEquals(201, grant(admin, "publisher").statusCode());
    assertEquals(403, revoke(publisher, "publisher").statusCode());
    assertEquals(
        200, Http.get(base + "/channels/" + channel + "/publishers", auditor).statusCode());
    assertEquals(
        403,
        Http.get(base + "/channels/" + channel + "/publishers", RoleEnforcementIT.agent(system))
            .statusCode());
    assertEquals(
        404, Http.get(base + "/channels/perm/no-such-channel/publishers", admin).statusCode());
    assertEquals(400, grant(admin, "not%20a%20role").statusCode());
    assertFalse(
        Http.get(base + "/channels/" + channel + "/publishers", admin).body().contains("not a"));
  }
}

package org.everseed.it.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Random;
import org.everseed.api.bencode.BDictionary;
import org.everseed.api.bencode.BencodeDecoder;
import org.everseed.api.metainfo.InfoHash;
import org.everseed.api.metainfo.PercentEncoding;
import org.everseed.it.Http;
import org.everseed.it.SystemExtension;
import org.everseed.system.EverseedSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The whole chain of agent access: an agent enrols with its Keycloak client credentials, announces
 * a published release with the passkey it received and fetches from the web seed; once an admin
 * disables it, the very next announce gets a bencoded failure reason and the web seed refuses.
 */
@ExtendWith(SystemExtension.class)
class AgentAnnounceIT {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @Test
  void enrolledAgentAnnouncesUntilAnAdminDisablesIt(EverseedSystem system) throws Exception {
    String base = system.wildFly().baseUrl();
    byte[] payload = new byte[40_000];
    new Random(21).nextBytes(payload);
    String published =
        Http.postMultipart(
                base + "/api/v1/releases",
                RoleEnforcementIT.ci(system),
                new Http.Multipart()
                    .field("channel", "patches/linux-x64")
                    .file("file", "announce-check-1.0.bin", payload))
            .body();
    InfoHash infoHash = InfoHash.fromHex(Json.string(published, "infoHash"));

    String name = "announcer-" + System.nanoTime();
    HttpResponse<String> enrolled =
        Http.postJson(
            base + "/api/v1/agents",
            RoleEnforcementIT.agent(system),
            "{\"name\":\""
                + name
                + "\",\"site\":\"berlin\",\"version\":\"1.0\",\"channels\":[\"patches/linux-x64\"]}");
    assertTrue(enrolled.statusCode() == 200 || enrolled.statusCode() == 201, enrolled.body());
    String passkey = Json.string(enrolled.body(), "passkey");
    long agentId = Json.number(enrolled.body(), "agentId");

    BDictionary admitted = announce(base, passkey, infoHash);
    assertNull(admitted.optionalText("failure reason").orElse(null), admitted.toString());
    assertTrue(admitted.containsKey("interval"));
    assertEquals(200, seed(base, passkey, infoHash).statusCode());

    HttpResponse<String> disabled =
        Http.postJson(
            base + "/api/v1/agents/" + agentId + "/disable",
            RoleEnforcementIT.user(system, "admin", "admin-demo"),
            "{}");
    assertTrue(disabled.statusCode() < 300, disabled.body());

    BDictionary refused = announce(base, passkey, infoHash);
    String reason = refused.optionalText("failure reason").orElse("");
    assertFalse(reason.isEmpty(), "a disabled agent's announce must fail: " + refused);
    assertFalse(refused.containsKey("peers"));
    assertEquals(403, seed(base, passkey, infoHash).statusCode());
  }

  private static BDictionary announce(String base, String passkey, InfoHash infoHash)
      throws Exception {
    String query =
        "info_hash="
            + PercentEncoding.encode(infoHash.bytes())
            + "&peer_id=-IT0001-AGENTANNOUNC&port=51413&uploaded=0&downloaded=0&left=40000"
            + "&event=started&compact=1";
    HttpResponse<byte[]> response =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(base + "/announce/" + passkey + "?" + query))
                .timeout(Duration.ofSeconds(20))
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, response.statusCode());
    return (BDictionary) new BencodeDecoder().decode(response.body());
  }

  private static HttpResponse<Void> seed(String base, String passkey, InfoHash infoHash)
      throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(
                URI.create(
                    base + "/seed/" + passkey + "/" + infoHash.toHex() + "/announce-check-1.0.bin"))
            .timeout(Duration.ofSeconds(20))
            .build(),
        HttpResponse.BodyHandlers.discarding());
  }
}

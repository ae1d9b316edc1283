package org.everseed.it.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Random;
import org.everseed.api.metainfo.Metainfo;
import org.everseed.it.Http;
import org.everseed.it.SystemExtension;
import org.everseed.system.EverseedSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What an agent is given (its channels' releases, torrents with its passkey) and reports back. */
@ExtendWith(SystemExtension.class)
class AgentDistributionIT {
  @Test
  void agentGetsItsChannelsReleasesWithItsPasskeyAndReportsCompletion(EverseedSystem system)
      throws Exception {
    String base = system.wildFly().baseUrl();
    String channel = "it/feed-" + System.nanoTime();
    String ci = RoleEnforcementIT.ci(system);
    long first = publish(system, ci, channel, "first-1.0.bin", 1);
    long second = publish(system, ci, channel + "/sub", "second-1.0.bin", 2);
    publish(system, ci, "it/not-subscribed-" + System.nanoTime(), "other-1.0.bin", 3);

    String agentToken = RoleEnforcementIT.agent(system);
    HttpResponse<String> enrolled =
        Http.postJson(
            base + "/api/v1/agents",
            agentToken,
            "{\"name\":\"feed-"
                + System.nanoTime()
                + "\",\"site\":\"paris\",\"version\":\"1.0\",\"channels\":[\""
                + channel
                + "\"]}");
    long agentId = Json.number(enrolled.body(), "agentId");
    String passkey = Json.string(enrolled.body(), "passkey");

    HttpResponse<String> feed =
        Http.get(base + "/api/v1/agents/" + agentId + "/releases", agentToken);
    assertEquals(200, feed.statusCode(), feed.body());
    List<String> torrentUrls = Json.strings(feed.body(), "torrentUrl");
    assertEquals(2, torrentUrls.size(), feed.body());
    assertTrue(
        feed.body().indexOf("\"releaseId\":" + second)
            < feed.body().indexOf("\"releaseId\":" + first));

    HttpResponse<byte[]> torrent = Http.getBytes(torrentUrls.get(0), agentToken);
    assertEquals(200, torrent.statusCode());
    Metainfo metainfo = Metainfo.parse(torrent.body());
    assertEquals(base + "/announce/" + passkey, metainfo.announce().orElseThrow());

    HttpResponse<String> report =
        Http.postJson(
            base + "/api/v1/agents/" + agentId + "/reports",
            agentToken,
            "{\"releaseId\":"
                + first
                + ",\"state\":\"COMPLETED\",\"bytesFromPeers\":30000,\"bytesFromWebSeed\":10000,"
                + "\"durationMillis\":1234,\"hookExitCode\":0,\"message\":\"installed\"}");
    assertEquals(204, report.statusCode(), report.body());
    try (Connection c = system.database().connect();
        PreparedStatement ps =
            c.prepareStatement(
                "select state, bytes_from_peers, bytes_from_web_seed, hook_exit_code"
                    + " from distribution_report where agent_id = ? and release_id = ?")) {
      ps.setLong(1, agentId);
      ps.setLong(2, first);
      try (ResultSet rs = ps.executeQuery()) {
        assertTrue(rs.next());
        assertEquals("COMPLETED", rs.getString(1));
        assertEquals(30_000, rs.getLong(2));
        assertEquals(10_000, rs.getLong(3));
        assertEquals(0, rs.getInt(4));
      }
    }

    HttpResponse<String> unknown =
        Http.postJson(
            base + "/api/v1/agents/" + agentId + "/reports",
            agentToken,
            "{\"releaseId\":999999999,\"state\":\"FAILED\",\"bytesFromPeers\":0,"
                + "\"bytesFromWebSeed\":0,\"durationMillis\":0,\"message\":\"x\"}");
    assertEquals(404, unknown.statusCode(), unknown.body());
    assertEquals(
        403,
        Http.get(base + "/api/v1/agents/" + agentId + "/releases", RoleEnforcementIT.ci(system))
            .statusCode());
  }

  /** Regression: the sub-channel LIKE pattern did not escape '_', so a_b took in axb/... */
  @Test
  void underscoreInAChannelNameIsNotAWildcard(EverseedSystem system) throws Exception {
    String base = system.wildFly().baseUrl();
    long n = System.nanoTime();
    String channel = "it/esc_" + n;
    String ci = RoleEnforcementIT.ci(system);
    long below = publish(system, ci, channel + "/sub", "below-1.0.bin", 4);
    long lookalike = publish(system, ci, "it/escx" + n + "/sub", "lookalike-1.0.bin", 5);

    String agentToken = RoleEnforcementIT.agent(system);
    HttpResponse<String> enrolled =
        Http.postJson(
            base + "/api/v1/agents",
            agentToken,
            "{\"name\":\"esc-"
                + n
                + "\",\"site\":\"paris\",\"version\":\"1.0\",\"channels\":[\""
                + channel
                + "\"]}");
    long agentId = Json.number(enrolled.body(), "agentId");
    HttpResponse<String> feed =
        Http.get(base + "/api/v1/agents/" + agentId + "/releases", agentToken);
    assertEquals(200, feed.statusCode(), feed.body());
    assertEquals(1, Json.strings(feed.body(), "torrentUrl").size(), feed.body());
    assertTrue(feed.body().contains("\"releaseId\":" + below), feed.body());

    HttpResponse<String> search = Http.get(base + "/api/v1/releases?channel=" + channel, ci);
    assertEquals(200, search.statusCode(), search.body());
    assertTrue(search.body().contains("\"id\":" + below + ","), search.body());
    assertFalse(search.body().contains("\"id\":" + lookalike + ","), search.body());
  }

  private static long publish(
      EverseedSystem system, String token, String channel, String file, long seed)
      throws Exception {
    byte[] content = new byte[20_000];
    new Random(seed + System.nanoTime()).nextBytes(content);
    HttpResponse<String> created =
        Http.postMultipart(
            system.wildFly().baseUrl() + "/api/v1/releases",
            token,
            new Http.Multipart().field("channel", channel).file("file", file, content));
    assertEquals(201, created.statusCode(), created.body());
    return Json.number(created.body(), "id");
  }
}

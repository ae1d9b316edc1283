package org.everseed.agent.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import org.everseed.agent.Agent;
import org.everseed.agent.RangeServer;
import org.everseed.agent.TestPayloads;
import org.everseed.api.metainfo.Metainfo;
import org.everseed.api.metainfo.MetainfoBuilder;
import org.everseed.api.metainfo.TorrentCreator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The daemon's control plane against a tiny in-test server that plays Keycloak's token endpoint and
 * the Everseed agent API, with a web seed as the only source: the agent enrols with a bearer token,
 * picks up the release of its channel, installs it at {@code <target>/<channel>/<name>/<version>},
 * runs the hook with the release in its environment and reports each step.
 */
class ControlPlaneTest {

  private record Call(String method, String path, String authorization, String body) {}

  @TempDir Path temp;

  private final List<Call> calls = new CopyOnWriteArrayList<>();
  private HttpServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop(0);
    }
  }

  private void answer(String path, int status, String contentType, byte[] body) {
    server.createContext(
        path,
        exchange -> {
          record(exchange);
          exchange.getResponseHeaders().add("Content-Type", contentType);
          exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
  }

  private void record(HttpExchange exchange) throws IOException {
    calls.add(
        new Call(
            exchange.getRequestMethod(),
            exchange.getRequestURI().getPath(),
            exchange.getRequestHeaders().getFirst("Authorization"),
            new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  @Timeout(60)
  void enrolsFetchesInstallsRunsTheHookAndReports() throws Exception {
    Path origin = temp.resolve("origin");
    Path source = TestPayloads.write(origin.resolve("tool.tar"), 3_000_000, 8);
    Path hookOutput = temp.resolve("hook.out");
    try (RangeServer webSeed = RangeServer.start(origin, 0)) {
      Metainfo created = TorrentCreator.of(source).pieceLength(128 * 1024).create();
      Metainfo torrent =
          new MetainfoBuilder(created.layout(), created.pieceLength(), created.pieceHashes())
              .webSeed(webSeed.baseUrl())
              .build();
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
      server.setExecutor(Executors.newFixedThreadPool(4));
      String base = "http://127.0.0.1:" + server.getAddress().getPort();
      answer(
          "/realms/everseed/protocol/openid-connect/token",
          200,
          "application/json",
          utf8("{\"access_token\":\"tok-1\",\"expires_in\":300,\"token_type\":\"Bearer\"}"));
      answer(
          "/api/v1/agents/7/releases",
          200,
          "application/json",
          utf8(
              "[{\"releaseId\":42,\"name\":\"tool\",\"version\":\"1.2\",\"channel\":\"patches/linux-x64\","
                  + "\"infoHash\":\""
                  + torrent.infoHash().toHex()
                  + "\",\"torrentUrl\":\"/api/v1/releases/42/torrent\"}]"));
      answer("/api/v1/agents/7/reports", 204, "application/json", new byte[0]);
      answer("/api/v1/agents/7/heartbeat", 204, "application/json", new byte[0]);
      answer(
          "/api/v1/agents",
          200,
          "application/json",
          utf8("{\"agentId\":7,\"passkey\":\"secret-pk\"}"));
      answer("/api/v1/releases/42/torrent", 200, "application/x-bittorrent", torrent.encoded());
      server.start();

      Properties properties = new Properties();
      properties.putAll(
          Map.of(
              "server.url", base + "/",
              "keycloak.token-url", base + "/realms/everseed/protocol/openid-connect/token",
              "client.id", "agent-client",
              "client.secret", "s3cret",
              "agent.name", "host-1",
              "agent.site", "paris",
              "channels", "patches/linux-x64, tools",
              "download.dir", temp.resolve("downloads").toString(),
              "target.dir", temp.resolve("target").toString(),
              "listen.host", "127.0.0.1"));
      properties.setProperty("insecure", "true"); // a plain-http test server
      properties.putAll(
          Map.of(
              "listen.port", "0",
              "poll.interval", "1s",
              "heartbeat.interval", "1s",
              "hook.command",
                  "echo \"$EVERSEED_RELEASE_NAME $EVERSEED_RELEASE_VERSION $EVERSEED_RELEASE_CHANNEL"
                      + " $EVERSEED_RELEASE_INFO_HASH $EVERSEED_RELEASE_PATH\" > '"
                      + hookOutput
                      + "'; exit 3"));
      AgentSettings settings = AgentSettings.from(properties);
      try (Agent agent = Agent.start(settings.engine());
          ControlPlane control =
              new ControlPlane(
                  settings,
                  agent,
                  new ServerClient(HttpClient.newHttpClient(), settings),
                  settings
                      .postInstallHook()
                      .map(
                          c -> new PostInstallHook(c, settings.hookTimeout(), settings.stateDir())),
                  Executors.newScheduledThreadPool(2),
                  message -> System.err.println("control: " + message))) {
        control.start();
        Path installed = temp.resolve("target/patches/linux-x64/tool/1.2");
        while (calls.stream()
            .noneMatch(c -> c.path().endsWith("/reports") && c.body().contains("COMPLETED"))) {
          Thread.sleep(50);
        }
        assertEquals(
            TestPayloads.sha256(source), TestPayloads.sha256(installed.resolve("tool.tar")));
        assertEquals(
            "tool 1.2 patches/linux-x64 "
                + torrent.infoHash().toHex()
                + " "
                + installed.toAbsolutePath(),
            Files.readString(hookOutput).trim());
        assertTrue(Files.notExists(temp.resolve("downloads").resolve(torrent.infoHash().toHex())));
      }

      // A restart finds the release in place: it seeds it and owes the server nothing.
      restart(settings, 1);
      // A restart after a crash between placing and reporting still runs the hook and reports.
      Files.delete(settings.stateDir().resolve(torrent.infoHash().toHex() + ".installed"));
      Files.delete(hookOutput);
      restart(settings, 2);
      assertTrue(Files.exists(hookOutput), "the hook ran after the restart");
    }

    Call token = calls.get(0);
    assertEquals("/realms/everseed/protocol/openid-connect/token", token.path());
    assertTrue(token.body().contains("grant_type=client_credentials"), token.body());
    assertTrue(token.body().contains("client_id=agent-client"), token.body());
    for (Call call : calls) {
      if (call.path().startsWith("/api/")) {
        assertEquals("Bearer tok-1", call.authorization(), call.toString());
      }
    }
    Call enrol =
        calls.stream().filter(c -> c.path().equals("/api/v1/agents")).findFirst().orElseThrow();
    assertEquals("POST", enrol.method());
    Map<?, ?> enrolment = (Map<?, ?>) Json.parse(enrol.body());
    assertEquals("host-1", enrolment.get("name"));
    assertEquals("paris", enrolment.get("site"));
    assertEquals(List.of("patches/linux-x64", "tools"), enrolment.get("channels"));

    List<Map<?, ?>> reports =
        calls.stream()
            .filter(c -> c.path().equals("/api/v1/agents/7/reports"))
            .<Map<?, ?>>map(c -> (Map<?, ?>) Json.parse(c.body()))
            .toList();
    assertEquals("STARTED", reports.get(0).get("state"));
    Map<?, ?> completed =
        reports.stream().filter(r -> "COMPLETED".equals(r.get("state"))).findFirst().orElseThrow();
    assertEquals("COMPLETED", completed.get("state"));
    assertEquals(42L, completed.get("releaseId"));
    assertEquals(3L, completed.get("hookExitCode"));
    assertEquals(3_000_000L, completed.get("bytesFromWebSeed"));
    assertEquals(0L, completed.get("bytesFromPeers"));
    assertTrue(((Long) completed.get("durationMillis")) >= 0);
    assertEquals(Optional.empty(), Optional.ofNullable(reports.get(0).get("hookExitCode")));
  }

  private long completedReports() {
    return calls.stream()
        .filter(c -> c.path().endsWith("/reports") && c.body().contains("COMPLETED"))
        .count();
  }

  private void restart(AgentSettings settings, long expectedCompletedReports) throws Exception {
    long polls = calls.stream().filter(c -> c.path().endsWith("/releases")).count();
    try (Agent agent = Agent.start(settings.engine());
        ControlPlane control =
            new ControlPlane(
                settings,
                agent,
                new ServerClient(HttpClient.newHttpClient(), settings),
                settings
                    .postInstallHook()
                    .map(c -> new PostInstallHook(c, settings.hookTimeout(), settings.stateDir())),
                Executors.newScheduledThreadPool(2),
                message -> System.err.println("restarted: " + message))) {
      control.start();
      // Two more polls: the release was seen and whatever it owed was done.
      while (calls.stream().filter(c -> c.path().endsWith("/releases")).count() < polls + 2
          || completedReports() < expectedCompletedReports) {
        Thread.sleep(50);
      }
      assertEquals(1, agent.sessions().size(), "the installed release is seeded");
    }
    assertEquals(expectedCompletedReports, completedReports());
  }
}

package org.everseed.agent.control;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.everseed.agent.Agent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14: a server (or anything answering in its name) that sends a hostile release list must not
 * stop the poll loop. Before, 100,000 nested brackets overflowed the hand-written parser's stack
 * and the StackOverflowError cancelled every later poll; an endless answer was buffered whole.
 */
class HostileServerAnswersTest {

  @TempDir Path temp;

  @Test
  @Timeout(60)
  void hostileReleaseListsAreLoggedAndPollingGoesOn() throws Exception {
    List<String> hostile =
        List.of(
            "[".repeat(100_000) + "]".repeat(100_000),
            "{\"a\":".repeat(100_000) + "1" + "}".repeat(100_000),
            "{\"not\":\"a list\"}",
            "[{\"releaseId\":\"x\"}]");
    AtomicInteger polls = new AtomicInteger();
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
    server.setExecutor(Executors.newFixedThreadPool(2));
    server.createContext(
        "/token",
        exchange -> send(exchange, "{\"access_token\":\"t\",\"expires_in\":300}".getBytes()));
    server.createContext(
        "/api/v1/agents",
        exchange -> send(exchange, "{\"agentId\":7,\"passkey\":\"p\"}".getBytes()));
    server.createContext(
        "/api/v1/agents/7/releases",
        exchange -> {
          int poll = polls.getAndIncrement();
          if (poll < hostile.size()) {
            send(exchange, hostile.get(poll).getBytes(StandardCharsets.UTF_8));
          } else if (poll == hostile.size()) {
            // An endless answer: 1 MiB chunks until the agent hangs up.
            exchange.sendResponseHeaders(200, 0);
            byte[] chunk = new byte[1 << 20];
            Arrays.fill(chunk, (byte) ' ');
            try (OutputStream out = exchange.getResponseBody()) {
              out.write('[');
              for (int i = 0; i < 64; i++) {
                out.write(chunk);
              }
            } catch (IOException hungUp) {
              // expected: the agent stops reading at its limit
            }
            exchange.close();
          } else {
            send(exchange, "[]".getBytes());
          }
        });
    server.start();
    List<String> log = new CopyOnWriteArrayList<>();
    try {
      String base = "http://127.0.0.1:" + server.getAddress().getPort();
      Properties p = new Properties();
      p.putAll(
          Map.of(
              "server.url", base,
              "keycloak.token-url", base + "/token",
              "client.id", "c",
              "client.secret", "s",
              "channels", "tools",
              "download.dir", temp.resolve("d").toString(),
              "target.dir", temp.resolve("t").toString(),
              "listen.host", "127.0.0.1",
              "listen.port", "0",
              "poll.interval", "1s"));
      p.setProperty("insecure", "true"); // a plain-http test server
      AgentSettings settings = AgentSettings.from(p);
      try (Agent agent = Agent.start(settings.engine());
          ControlPlane control =
              new ControlPlane(
                  settings,
                  agent,
                  new ServerClient(HttpClient.newHttpClient(), settings),
                  Optional.empty(),
                  Executors.newScheduledThreadPool(2),
                  log::add)) {
        control.start();
        while (polls.get() < hostile.size() + 3) {
          Thread.sleep(50);
        }
      }
    } finally {
      server.stop(0);
    }
    long failures = log.stream().filter(m -> m.startsWith("polling the server failed")).count();
    assertTrue(failures >= hostile.size() + 1, "each hostile answer failed one poll: " + log);
    assertTrue(
        log.stream().anyMatch(m -> m.contains("exceeds " + Json.MAX_DOCUMENT_CHARS + " bytes")),
        "the endless answer was cut at the limit: " + log);
    assertTrue(log.stream().noneMatch(m -> m.contains("StackOverflowError")), log.toString());
  }

  private static void send(HttpExchange exchange, byte[] body) throws IOException {
    exchange.getRequestBody().readAllBytes();
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(200, body.length);
    exchange.getResponseBody().write(body);
    exchange.close();
  }
}

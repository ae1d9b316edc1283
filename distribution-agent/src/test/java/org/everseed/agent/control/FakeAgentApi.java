package org.everseed.agent.control;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import org.everseed.api.metainfo.Metainfo;

/**
 * Plays Keycloak's token endpoint and the Everseed agent API on 127.0.0.1 for control-plane tests:
 * one agent (id 7), the releases added with {@link #publish}, every report kept.
 */
final class FakeAgentApi implements AutoCloseable {

  private final HttpServer server;
  private final ExecutorService threads = Executors.newFixedThreadPool(4);
  private final List<String> releases = new CopyOnWriteArrayList<>();
  private final Map<Long, byte[]> torrents = new ConcurrentHashMap<>();
  private final List<Map<?, ?>> reports = new CopyOnWriteArrayList<>();
  private volatile int polls;

  FakeAgentApi() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
    server.setExecutor(threads);
    server.createContext("/token", e -> send(e, "{\"access_token\":\"t\",\"expires_in\":300}"));
    server.createContext("/api/v1/agents", e -> send(e, "{\"agentId\":7,\"passkey\":\"pk\"}"));
    server.createContext(
        "/api/v1/agents/7/releases",
        e -> {
          polls++;
          send(e, releases.stream().collect(Collectors.joining(",", "[", "]")));
        });
    server.createContext(
        "/api/v1/agents/7/reports",
        e -> {
          reports.add((Map<?, ?>) Json.parse(new String(e.getRequestBody().readAllBytes())));
          send(e, "");
        });
    server.createContext("/api/v1/agents/7/heartbeat", e -> send(e, ""));
    server.createContext(
        "/torrents/",
        e -> {
          byte[] torrent = torrents.get(Long.parseLong(e.getRequestURI().getPath().substring(10)));
          e.sendResponseHeaders(200, torrent.length);
          e.getResponseBody().write(torrent);
          e.close();
        });
    server.start();
  }

  String base() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  void publish(long id, String name, String version, String channel, Metainfo torrent) {
    torrents.put(id, torrent.encoded());
    releases.add(
        "{\"releaseId\":"
            + id
            + ",\"name\":"
            + Json.quote(name)
            + ",\"version\":"
            + Json.quote(version)
            + ",\"channel\":"
            + Json.quote(channel)
            + ",\"infoHash\":\""
            + torrent.infoHash().toHex()
            + "\",\"torrentUrl\":\"/torrents/"
            + id
            + "\"}");
  }

  int polls() {
    return polls;
  }

  /** The reports of {@code state} for release {@code id}. */
  long reports(long id, String state) {
    return reports.stream()
        .filter(r -> Long.valueOf(id).equals(r.get("releaseId")) && state.equals(r.get("state")))
        .count();
  }

  /** Settings for an agent of this API, with its folders below {@code dir}. */
  Properties settings(Path dir, String channels) {
    Properties p = new Properties();
    p.putAll(
        Map.of(
            "server.url",
            base(),
            "keycloak.token-url",
            base() + "/token",
            "client.id",
            "c",
            "client.secret",
            "s",
            "channels",
            channels,
            "download.dir",
            dir.resolve("downloads").toString(),
            "target.dir",
            dir.resolve("target").toString(),
            "listen.host",
            "127.0.0.1",
            "listen.port",
            "0",
            "poll.interval",
            "1s"));
    p.setProperty("peers.allow-loopback", "true");
    p.setProperty("peers.loopback-addresses", "127.0.0.1");
    p.setProperty("insecure", "true"); // a plain-http test server
    return p;
  }

  private static void send(HttpExchange exchange, String body) throws IOException {
    exchange.getRequestBody().readAllBytes();
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(
        bytes.length == 0 ? 204 : 200, bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      exchange.getResponseBody().write(bytes);
    }
    exchange.close();
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}

package org.everseed.agent.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.everseed.agent.RangeServer;
import org.everseed.agent.TestPayloads;
import org.everseed.api.metainfo.Metainfo;
import org.everseed.api.metainfo.MetainfoBuilder;
import org.everseed.api.metainfo.TorrentCreator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code fetch --config agent.properties 42}: the release's torrent comes from the server. */
class FetchReleaseByIdTest {

  @TempDir Path temp;

  private static void answer(HttpServer server, String path, String type, byte[] body) {
    server.createContext(
        path,
        exchange -> {
          exchange.getRequestBody().readAllBytes();
          exchange.getResponseHeaders().add("Content-Type", type);
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
  }

  @Test
  @Timeout(60)
  void releaseIdIsResolvedThroughTheServer() throws Exception {
    Path origin = temp.resolve("origin");
    Path source = TestPayloads.write(origin.resolve("tool.bin"), 800_000, 4);
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 8);
    try (RangeServer webSeed = RangeServer.start(origin, 0)) {
      Metainfo created = TorrentCreator.of(source).pieceLength(64 * 1024).create();
      Metainfo torrent =
          new MetainfoBuilder(created.layout(), created.pieceLength(), created.pieceHashes())
              .webSeed(webSeed.baseUrl())
              .build();
      String base = "http://127.0.0.1:" + server.getAddress().getPort();
      answer(
          server,
          "/token",
          "application/json",
          "{\"access_token\":\"t\",\"expires_in\":60}".getBytes(UTF_8));
      answer(
          server,
          "/api/v1/agents",
          "application/json",
          "{\"agentId\":5,\"passkey\":\"p\"}".getBytes(UTF_8));
      answer(
          server,
          "/api/v1/agents/5/releases",
          "application/json",
          ("[{\"releaseId\":42,\"name\":\"tool\",\"version\":\"2\",\"channel\":\"c\",\"infoHash\":\""
                  + torrent.infoHash().toHex()
                  + "\",\"torrentUrl\":\""
                  + base
                  + "/t/42\"}]")
              .getBytes(UTF_8));
      answer(server, "/t/42", "application/x-bittorrent", torrent.encoded());
      server.start();
      Path config = temp.resolve("agent.properties");
      Files.writeString(
          config,
          String.join(
              "\n",
              "server.url=" + base,
              "insecure=true",
              "keycloak.token-url=" + base + "/token",
              "client.id=a",
              "client.secret=b",
              "channels=c",
              "download.dir=" + temp.resolve("d"),
              "target.dir=" + temp.resolve("t")));
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      int code =
          Main.standard()
              .run(
                  List.of(
                      "fetch",
                      "--quiet",
                      "--bind",
                      "127.0.0.1",
                      "--port",
                      "0",
                      "--config",
                      config.toString(),
                      "--dir",
                      temp.resolve("got").toString(),
                      "42"),
                  new PrintStream(out, true, UTF_8),
                  new PrintStream(out, true, UTF_8));
      assertEquals(0, code, out.toString(UTF_8));
      assertEquals(TestPayloads.sha256(source), TestPayloads.sha256(temp.resolve("got/tool.bin")));
    } finally {
      server.stop(0);
    }
  }
}

package org.everseed.it.catalog;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import org.everseed.api.metainfo.Metainfo;
import org.everseed.it.Http;
import org.everseed.it.SystemExtension;
import org.everseed.system.EverseedSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The server as the permanent seed (BEP 19): HTTP Range semantics and a real client. */
@ExtendWith(SystemExtension.class)
class WebSeedIT {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @TempDir Path temp;

  @Test
  void aria2cCompletesFromTheWebSeedAloneWithTheTorrentFromTheApi(EverseedSystem system)
      throws Exception {
    byte[] a = PublishingIT.random(3_000_000, 11);
    byte[] b = PublishingIT.random(1_234_567, 12);
    JsonObject created =
        Api.ok(
            Http.postMultipart(
                Api.url(system, "/releases"),
                Api.ci(system),
                Api.upload()
                    .field("channel", "it/webseed")
                    .field("folder", "suite-1.0")
                    .file("file", "bin/a.bin", a)
                    .file("file", "docs/b with space.txt", b)),
            201);
    HttpResponse<byte[]> torrent =
        Http.getBytes(created.getString("torrentUrl"), Api.user(system, "auditor"));
    Path torrentFile = Files.write(temp.resolve("suite.torrent"), torrent.body());
    Path downloads = Files.createDirectories(temp.resolve("downloads"));

    Process aria2 =
        new ProcessBuilder(
                "aria2c",
                "--dir=" + downloads,
                "--seed-time=0",
                "--enable-dht=false",
                "--enable-dht6=false",
                "--bt-enable-lpd=false",
                "--enable-peer-exchange=false",
                "--listen-port=" + (47000 + (int) (ProcessHandle.current().pid() % 1000)),
                "--file-allocation=none",
                "--summary-interval=0",
                "--console-log-level=warn",
                "--bt-stop-timeout=60",
                torrentFile.toString())
            .redirectErrorStream(true)
            .start();
    try {
      assertTrue(aria2.waitFor(120, TimeUnit.SECONDS), "aria2c did not finish within 120 s");
      String log = new String(aria2.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertEquals(0, aria2.exitValue(), log);
    } finally {
      aria2.destroyForcibly();
    }
    assertArrayEquals(
        sha256(a), sha256(Files.readAllBytes(downloads.resolve("suite-1.0/bin/a.bin"))));
    assertArrayEquals(
        sha256(b),
        sha256(Files.readAllBytes(downloads.resolve("suite-1.0/docs/b with space.txt"))));
    assertEquals(
        created.getJsonObject("release").getString("infoHash"),
        Metainfo.read(torrentFile).infoHash().toHex());
  }

  @Test
  void rangesAnswerAsRfc9110SaysAndRefusalsSayNothing(EverseedSystem system) throws Exception {
    byte[] content = PublishingIT.random(100_000, 13);
    JsonObject created =
        Api.ok(
            Http.postMultipart(
                Api.url(system, "/releases"),
                Api.ci(system),
                Api.upload()
                    .field("channel", "it/webseed")
                    .file("file", "ranges-1.0.bin", content)),
            201);
    Metainfo torrent =
        Metainfo.parse(
            Http.getBytes(created.getString("torrentUrl"), Api.user(system, "auditor")).body());
    String url = torrent.webSeeds().get(0) + "ranges-1.0.bin";

    HttpResponse<byte[]> whole = get(url, null);
    assertEquals(200, whole.statusCode());
    assertEquals("bytes", whole.headers().firstValue("accept-ranges").orElse(""));
    assertArrayEquals(content, whole.body());
    String etag = whole.headers().firstValue("etag").orElseThrow();

    HttpResponse<byte[]> one = get(url, "bytes=1000-1999");
    assertEquals(206, one.statusCode());
    assertEquals("bytes 1000-1999/100000", one.headers().firstValue("content-range").orElse(""));
    assertArrayEquals(Arrays.copyOfRange(content, 1000, 2000), one.body());

    HttpResponse<byte[]> suffix = get(url, "bytes=-10");
    assertArrayEquals(Arrays.copyOfRange(content, 99_990, 100_000), suffix.body());

    HttpResponse<byte[]> two = get(url, "bytes=0-9,50000-50009");
    assertEquals(206, two.statusCode());
    String type = two.headers().firstValue("content-type").orElse("");
    assertTrue(type.startsWith("multipart/byteranges; boundary="), type);
    String body = new String(two.body(), StandardCharsets.ISO_8859_1);
    assertTrue(body.contains("Content-Range: bytes 0-9/100000"), body);
    assertTrue(body.contains("Content-Range: bytes 50000-50009/100000"), body);
    assertTrue(
        body.contains(
            new String(Arrays.copyOfRange(content, 50_000, 50_010), StandardCharsets.ISO_8859_1)));

    HttpResponse<byte[]> beyond = get(url, "bytes=100000-");
    assertEquals(416, beyond.statusCode());
    assertEquals("bytes */100000", beyond.headers().firstValue("content-range").orElse(""));

    HttpRequest conditional =
        HttpRequest.newBuilder(URI.create(url)).header("If-None-Match", etag).build();
    assertEquals(304, HTTP.send(conditional, HttpResponse.BodyHandlers.discarding()).statusCode());

    String wrongPasskey = url.replaceFirst("/seed/[0-9a-f]{32}/", "/seed/" + "0".repeat(32) + "/");
    assertEquals(403, get(wrongPasskey, null).statusCode());
    assertEquals(404, get(url.replace("ranges-1.0.bin", "other.bin"), null).statusCode());

    long id = created.getJsonObject("release").getInt("id");
    Http.postJson(Api.url(system, "/releases/" + id + "/retire"), Api.ci(system), "{}");
    assertEquals(403, get(url, null).statusCode(), "a retired release is no longer web-seeded");
  }

  private static HttpResponse<byte[]> get(String url, String range) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
    if (range != null) {
      request.header("Range", range);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private static byte[] sha256(byte[] data) throws Exception {
    return MessageDigest.getInstance("SHA-256").digest(data);
  }

  static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }
}

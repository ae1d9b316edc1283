package org.everseed.it.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.everseed.api.metainfo.Metainfo;
import org.everseed.it.Http;
import org.everseed.it.SystemExtension;
import org.everseed.system.EverseedSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Publishing through the REST API, as a CI pipeline does, against the real server. */
@ExtendWith(SystemExtension.class)
class PublishingIT {
  @TempDir Path temp;

  @Test
  void multiFileUploadGivesTheInfoHashMktorrentGives(EverseedSystem system) throws Exception {
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put("README.txt", random(1_000, 1));
    files.put("bin/tool", random(70_000, 2));
    files.put("lib/a.jar", random(33, 3));
    files.put("lib/z.jar", random(45_678, 4));
    Path dir = temp.resolve("erp-suite-3.2.0");
    for (Map.Entry<String, byte[]> f : files.entrySet()) {
      Files.createDirectories(dir.resolve(f.getKey()).getParent());
      Files.write(dir.resolve(f.getKey()), f.getValue());
    }
    Path reference = temp.resolve("mktorrent.torrent");
    run(
        temp,
        "mktorrent",
        "-p",
        "-l",
        "15",
        "-a",
        "http://x/announce",
        "-o",
        reference.toString(),
        dir.toString());

    Http.Multipart body =
        Api.upload()
            .field("pieceLength", "32768")
            .field("channel", "it/publishing")
            .field("folder", "erp-suite-3.2.0")
            .field("tags", "erp, suite");
    // Deliberately not in torrent order: the server hashes again from disk in that case.
    for (String name : new String[] {"lib/z.jar", "README.txt", "bin/tool", "lib/a.jar"}) {
      body.file("file", name, files.get(name));
    }
    JsonObject created =
        Api.ok(Http.postMultipart(Api.url(system, "/releases"), Api.ci(system), body), 201);

    JsonObject release = created.getJsonObject("release");
    assertEquals(Metainfo.read(reference).infoHash().toHex(), release.getString("infoHash"));
    assertEquals("erp-suite", release.getString("name"));
    assertEquals("3.2.0", release.getString("version"));
    assertEquals("it/publishing", release.getString("channel"));
    assertEquals(4, created.getJsonArray("files").size());
    assertEquals(32768, created.getInt("pieceLength"));
    assertEquals(116_711, release.getJsonNumber("totalSize").longValue());
    assertEquals("service-account-ci-pipeline", release.getString("publisher"));
  }

  @Test
  void aBareFileGetsNameVersionKindAndChannelByDefault(EverseedSystem system) throws Exception {
    byte[] content = random(300_000, 5);
    HttpResponse<String> response =
        Http.postMultipart(
            Api.url(system, "/releases"),
            Api.ci(system),
            Api.upload().file("file", "backup-agent-7.4.1.deb", content));

    JsonObject created = Api.ok(response, 201);
    JsonObject release = created.getJsonObject("release");
    assertEquals("backup-agent", release.getString("name"));
    assertEquals("7.4.1", release.getString("version"));
    assertEquals("application", release.getString("kind"));
    assertEquals("default", release.getString("channel"));
    assertEquals("active", release.getString("status"));
    assertEquals(
        URI.create(system.wildFly().baseUrl() + "/api/v1/releases/" + release.getInt("id")),
        response.headers().firstValue("Location").map(URI::create).orElseThrow());

    // The torrent a user downloads carries their passkey, the info-hash is the published one.
    HttpResponse<byte[]> torrent =
        Http.getBytes(created.getString("torrentUrl"), Api.user(system, "auditor"));
    assertEquals(200, torrent.statusCode());
    Metainfo metainfo = Metainfo.parse(torrent.body());
    assertEquals(release.getString("infoHash"), metainfo.infoHash().toHex());
    assertTrue(metainfo.isPrivate());
    assertEquals("Everseed", metainfo.createdBy().orElseThrow());
    assertTrue(
        metainfo.announce().orElseThrow().matches(".*/announce/[0-9a-f]{32}"),
        metainfo.announce().orElseThrow());
    assertTrue(
        metainfo.webSeeds().get(0).endsWith("/" + release.getString("infoHash") + "/"),
        metainfo.webSeeds().toString());
  }

  @Test
  void theSameContentTwiceAnswers409WithALinkToTheFirst(EverseedSystem system) throws Exception {
    byte[] content = random(50_000, 6);
    JsonObject first =
        Api.ok(
            Http.postMultipart(
                Api.url(system, "/releases"),
                Api.ci(system),
                Api.upload().file("file", "dup-1.0.bin", content)),
            201);

    HttpResponse<String> again =
        Http.postMultipart(
            Api.url(system, "/releases"),
            Api.ci(system),
            Api.upload().field("version", "1.1").file("file", "dup-1.0.bin", content));

    assertEquals(409, again.statusCode(), again.body());
    assertEquals("application/problem+json", again.headers().firstValue("content-type").orElse(""));
    JsonObject problem = Api.json(again);
    assertEquals(
        system.wildFly().baseUrl()
            + "/api/v1/releases/"
            + first.getJsonObject("release").getInt("id"),
        problem.getString("existing"));
    assertTrue(problem.getString("detail").contains("already published"), again.body());
  }

  @Test
  void invalidUploadsAreRefusedWithProblemDetails(EverseedSystem system) throws Exception {
    String token = Api.ci(system);
    HttpResponse<String> noFile =
        Http.postMultipart(Api.url(system, "/releases"), token, Api.upload().field("name", "x"));
    assertEquals(400, noFile.statusCode(), noFile.body());
    assertEquals(
        "file", Api.json(noFile).getJsonArray("errors").getJsonObject(0).getString("field"));

    HttpResponse<String> escaping =
        Http.postMultipart(
            Api.url(system, "/releases"),
            token,
            Api.upload().file("file", "../../etc/x", new byte[10]));
    assertEquals(400, escaping.statusCode(), escaping.body());

    HttpResponse<String> badPiece =
        Http.postMultipart(
            Api.url(system, "/releases"),
            token,
            Api.upload().field("pieceLength", "1000").file("file", "a.bin", new byte[10]));
    assertEquals(400, badPiece.statusCode(), badPiece.body());
    assertEquals(
        "pieceLength",
        Api.json(badPiece).getJsonArray("errors").getJsonObject(0).getString("field"));

    HttpResponse<String> badChannel =
        Http.postMultipart(
            Api.url(system, "/releases"),
            token,
            Api.upload().field("channel", "Bad Channel").file("file", "b.bin", new byte[10]));
    assertEquals(400, badChannel.statusCode(), badChannel.body());
    assertEquals(
        "channel", Api.json(badChannel).getJsonArray("errors").getJsonObject(0).getString("field"));
  }

  @Test
  void anUploadDeclaredLargerThanTheLimitIsRefusedBeforeItIsSent(EverseedSystem system)
      throws Exception {
    URI uri = URI.create(Api.url(system, "/releases"));
    String head =
        "POST "
            + uri.getPath()
            + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
            + Api.ci(system)
            + "\r\nContent-Type: multipart/form-data; boundary=b\r\nContent-Length: "
            + (SystemExtension.MAX_UPLOAD_BYTES + 1)
            + "\r\nConnection: close\r\n\r\n--b\r\nContent-Disposition: form-data; name=\"file\";"
            + " filename=\"huge.iso\"\r\n\r\n";
    try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      out.write(head.getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      String answer = new String(in.readNBytes(2048), StandardCharsets.ISO_8859_1);
      assertTrue(answer.startsWith("HTTP/1.1 413"), answer);
      assertTrue(answer.contains("the limit is " + SystemExtension.MAX_UPLOAD_BYTES), answer);
    }
  }

  @Test
  void publishingAnExistingTorrentRequiresItsExactPayload(EverseedSystem system) throws Exception {
    Path dir = Files.createDirectories(temp.resolve("imported"));
    byte[] content = random(100_000, 7);
    Files.write(dir.resolve("dataset.csv"), content);
    Path torrent = temp.resolve("imported.torrent");
    run(
        temp,
        "mktorrent",
        "-l",
        "15",
        "-a",
        "http://elsewhere/announce",
        "-o",
        torrent.toString(),
        dir.resolve("dataset.csv").toString());
    byte[] torrentBytes = Files.readAllBytes(torrent);

    byte[] corrupt = content.clone();
    corrupt[50_000] ^= 1;
    HttpResponse<String> mismatch =
        Http.postMultipart(
            Api.url(system, "/releases"),
            Api.ci(system),
            Api.upload()
                .file("torrent", "x.torrent", torrentBytes)
                .file("file", "dataset.csv", corrupt));
    assertEquals(400, mismatch.statusCode(), mismatch.body());
    assertTrue(mismatch.body().contains("piece 1 differs"), mismatch.body());

    JsonObject created =
        Api.ok(
            Http.postMultipart(
                Api.url(system, "/releases"),
                Api.ci(system),
                Api.upload()
                    .field("kind", "dataset")
                    .file("torrent", "x.torrent", torrentBytes)
                    .file("file", "dataset.csv", content)),
            201);
    assertEquals(
        Metainfo.parse(torrentBytes).infoHash().toHex(),
        created.getJsonObject("release").getString("infoHash"));
  }

  static byte[] random(int n, long seed) {
    byte[] bytes = new byte[n];
    new Random(seed).nextBytes(bytes);
    return bytes;
  }

  static void run(Path dir, String... command) throws IOException, InterruptedException {
    Process p =
        new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    try {
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        throw new AssertionError(String.join(" ", command) + " timed out");
      }
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (p.exitValue() != 0) {
        throw new AssertionError(String.join(" ", command) + " failed: " + out);
      }
    } finally {
      p.destroyForcibly();
    }
  }
}

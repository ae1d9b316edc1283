package org.everseed.it.catalog;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.everseed.api.metainfo.Metainfo;
import org.everseed.it.Http;
import org.everseed.it.SystemExtension;
import org.everseed.system.EverseedSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Nothing published is lost when the server restarts, and a payload that did go missing is told,
 * not hidden behind the web seed's 404s: health says {@code DEGRADED}, the release says which file,
 * an admin's thorough check finds changed bytes, and health is {@code UP} again once it is
 * repaired.
 */
@ExtendWith(SystemExtension.class)
class PayloadStoreIT {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @Test
  void payloadsSurviveARestartAndAMissingOneIsReportedUntilRepaired(EverseedSystem system)
      throws Exception {
    byte[] kept = PublishingIT.random(700_000, 31);
    byte[] lost = PublishingIT.random(500_000, 32);
    Published a = publish(system, "kept-1.0.bin", kept);
    Published b = publish(system, "lost-1.0.bin", lost);
    assertArrayEquals(kept, webSeed(a.url()).body());

    // An operator's mistake while the server is down: one payload file disappears.
    Path lostFile =
        system.dataDir().resolve("payload").resolve(b.infoHash()).resolve("lost-1.0.bin");
    assertTrue(Files.isRegularFile(lostFile), "payload of " + b.infoHash() + " at " + lostFile);
    system.wildFly().close();
    Path aside = Files.move(lostFile, lostFile.resolveSibling("lost-1.0.bin.aside"));
    system.restartWildFly();

    assertArrayEquals(kept, webSeed(a.url()).body(), "an earlier release is served after restart");
    JsonObject health = awaitHealth(system, "DEGRADED", Duration.ofSeconds(60));
    assertEquals("DEGRADED", health.getJsonObject("checks").getString("payloads"));
    String detail = health.getJsonObject("details").getString("payloads");
    assertTrue(detail.contains("release " + b.id() + " missing"), detail);
    JsonObject release = release(system, b.id());
    assertEquals("missing", release.getJsonObject("payload").getString("state"));
    assertTrue(
        release.getJsonObject("payload").getString("detail").contains("lost-1.0.bin"),
        release.toString());
    assertEquals("intact", release(system, a.id()).getJsonObject("payload").getString("state"));

    // Repaired with other bytes of the same size: only the thorough check can tell.
    byte[] changed = lost.clone();
    changed[123_456] ^= 0x5a;
    Files.write(lostFile, changed);
    Files.delete(aside);
    assertEquals(
        403,
        Http.postJson(verifyUrl(system, b.id()), Api.ci(system), "").statusCode(),
        "the thorough check is for admins");
    JsonObject verified =
        Api.ok(Http.postJson(verifyUrl(system, b.id()), Api.user(system, "admin"), ""), 200);
    assertEquals("damaged", verified.getString("state"), verified.toString());

    Files.write(lostFile, lost);
    verified = Api.ok(Http.postJson(verifyUrl(system, b.id()), Api.user(system, "admin"), ""), 200);
    assertEquals("intact", verified.getString("state"), verified.toString());
    awaitHealth(system, "UP", Duration.ofSeconds(10));
    assertArrayEquals(lost, webSeed(b.url()).body());
  }

  private record Published(long id, String infoHash, String url) {}

  private static Published publish(EverseedSystem system, String name, byte[] content)
      throws Exception {
    JsonObject created =
        Api.ok(
            Http.postMultipart(
                Api.url(system, "/releases"),
                Api.ci(system),
                Api.upload().field("channel", "it/payloads").file("file", name, content)),
            201);
    Metainfo torrent =
        Metainfo.parse(
            Http.getBytes(created.getString("torrentUrl"), Api.user(system, "auditor")).body());
    JsonObject release = created.getJsonObject("release");
    return new Published(
        release.getInt("id"), release.getString("infoHash"), torrent.webSeeds().get(0) + name);
  }

  private static JsonObject release(EverseedSystem system, long id) throws Exception {
    return Api.ok(Http.get(Api.url(system, "/releases/" + id), Api.user(system, "auditor")), 200);
  }

  private static String verifyUrl(EverseedSystem system, long id) {
    return Api.url(system, "/releases/" + id + "/payload/verify");
  }

  private static HttpResponse<byte[]> webSeed(String url) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build();
    return HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
  }

  private static JsonObject awaitHealth(EverseedSystem system, String status, Duration timeout)
      throws Exception {
    Instant deadline = Instant.now().plus(timeout);
    JsonObject last;
    do {
      last = Api.json(Http.get(system.wildFly().baseUrl() + "/api/v1/health"));
      if (status.equals(last.getString("status"))) {
        return last;
      }
      Thread.sleep(250);
    } while (Instant.now().isBefore(deadline));
    throw new AssertionError(
        "health did not become " + status + " within " + timeout + ": " + last);
  }
}

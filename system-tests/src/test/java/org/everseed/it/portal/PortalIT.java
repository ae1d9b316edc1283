package org.everseed.it.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.stream.Collectors;
import org.everseed.api.metainfo.Metainfo;
import org.everseed.api.metainfo.PercentEncoding;
import org.everseed.it.SystemExtension;
import org.everseed.system.EverseedSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The portal in a real browser against the deployed EAR and Keycloak: what a publisher, an auditor
 * and an admin can see and do.
 */
@ExtendWith(SystemExtension.class)
class PortalIT {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @Test
  void publisherPublishesFindsDiscussesRatesDownloadsAndRetiresARelease(EverseedSystem system)
      throws Exception {
    String base = system.wildFly().baseUrl();
    String name = "nightly-tools-" + letters(8);
    Path file =
        Files.createDirectories(workDir().resolve("uploads")).resolve(name + "-1.2.3.tar.gz");
    byte[] content = new byte[300_000];
    RANDOM.nextBytes(content);
    Files.write(file, content);

    try (Browser browser = Browser.start(workDir())) {
      browser.open(base + "/");
      browser.find(By.id("username"));
      browser.screenshot("login");
      browser.signIn("publisher", "publisher-demo");
      assertEquals("publisher", browser.find(By.id("user-name")).getText());
      assertFalse(browser.isPresent(By.id("nav-fleet")), "the fleet is for admins");

      browser.find(By.id("nav-publish")).click();
      browser.find(By.id("files")).sendKeys(file.toAbsolutePath().toString());
      assertEquals(name, browser.find(By.id("name")).getDomProperty("value"), "name guessed");
      assertEquals("1.2.3", browser.find(By.id("version")).getDomProperty("value"));
      assertEquals("application", browser.find(By.id("kind")).getDomProperty("value"));
      assertFalse(browser.find(By.id("channel")).getDomProperty("value").isBlank());
      browser.find(By.id("description")).sendKeys("Published from the portal by a browser test");
      browser.screenshot("publish");

      // The server's problem details land next to the field they name.
      WebElement channel = browser.find(By.id("channel"));
      channel.clear();
      channel.sendKeys("Not A Channel!");
      browser.find(By.id("publish-button")).click();
      browser.await(d -> !d.findElement(By.id("channel-error")).getText().isBlank());
      assertTrue(browser.find(By.id("result")).getText().startsWith("Not published:"));
      browser.screenshot("publish-invalid");
      channel.clear();
      channel.sendKeys("tools/nightly");

      browser.find(By.id("publish-button")).click();
      WebElement releaseLink = browser.find(By.id("release-link"));
      assertEquals(name + " 1.2.3", releaseLink.getText());
      assertTrue(browser.find(By.id("channel-error")).getText().isBlank());
      browser.screenshot("publish-done");

      // Publishing the same content again is refused with the server's reason.
      browser.find(By.id("publish-button")).click();
      browser.await(d -> d.findElement(By.id("result")).getText().contains("already published"));

      browser.find(By.id("nav-catalog")).click();
      browser.find(By.id("q")).sendKeys(name);
      browser.find(By.id("search-button")).click();
      // The catalog before the search lists the new release too: wait for the results page.
      browser.await(d -> d.getCurrentUrl().contains("q="));
      WebElement found = browser.find(By.linkText(name));
      browser.screenshot("catalog");
      found.click();

      String infoHash = browser.find(By.id("info-hash")).getText();
      assertTrue(infoHash.matches("[0-9a-f]{40}"), infoHash);
      assertTrue(
          browser.find(By.id("magnet")).getDomProperty("value").contains("urn:btih:" + infoHash));

      browser.find(By.id("comment-form:comment-text")).sendKeys("Rolled out to the lab, all good.");
      browser.find(By.id("comment-form:post-comment")).click();
      browser.await(d -> d.findElement(By.id("comments")).getText().contains("all good"));

      browser
          .driver
          .findElements(By.cssSelector("#rating-form .stars input[type=submit]"))
          .get(3)
          .click();
      browser.await(d -> d.findElement(By.id("rating-summary")).getText().startsWith("4.0"));

      String torrentUrl = browser.find(By.id("torrent-link")).getDomProperty("href");
      HttpResponse<byte[]> torrent = getWithBrowserCookies(browser, torrentUrl);
      assertEquals(200, torrent.statusCode());
      Metainfo metainfo = Metainfo.parse(torrent.body());
      assertEquals(infoHash, metainfo.infoHash().toHex());
      assertEquals(content.length, metainfo.totalLength());
      assertTrue(metainfo.isPrivate());
      assertTrue(metainfo.announce().orElseThrow().startsWith(base + "/announce/"));

      // A seeder joins the swarm through the torrent's own announce URL; the page's script shows
      // it without a reload (the marker set on this page's window survives only if no reload).
      browser.driver.executeScript("window.everseedTestMarker = 'same page';");
      HttpResponse<byte[]> announced =
          HTTP.send(
              HttpRequest.newBuilder(
                      URI.create(
                          metainfo.announce().orElseThrow()
                              + "?info_hash="
                              + PercentEncoding.encode(metainfo.infoHash().bytes())
                              + "&peer_id="
                              + PercentEncoding.encode(
                                  "-PT0001-portaltest01".getBytes(StandardCharsets.US_ASCII))
                              + "&port=51413&uploaded=0&downloaded=0&left=0&event=started"
                              + "&compact=1"))
                  .timeout(Duration.ofSeconds(30))
                  .GET()
                  .build(),
              HttpResponse.BodyHandlers.ofByteArray());
      assertEquals(200, announced.statusCode());
      assertFalse(
          new String(announced.body(), StandardCharsets.ISO_8859_1).contains("failure reason"),
          new String(announced.body(), StandardCharsets.ISO_8859_1));
      browser.await(d -> d.findElement(By.id("swarm-seeders")).getText().equals("1"));
      assertEquals("same page", browser.driver.executeScript("return window.everseedTestMarker;"));
      browser.screenshot("release");

      browser.find(By.id("retire-form:retire-reason")).sendKeys("superseded");
      browser.find(By.id("retire-form:retire")).click();
      browser.await(d -> d.findElement(By.id("release-status")).getText().equals("retired"));
      assertFalse(browser.isPresent(By.id("retire-form:retire")));

      // Signing out ends the Keycloak session too (no confirmation page: the ID token is the
      // hint), so the portal's root sends the browser back to the login form.
      browser.find(By.id("logout")).click();
      browser.find(By.id("username"));
      assertFalse(browser.isPresent(By.id("kc-logout")));
      browser.open(base + "/catalog.xhtml");
      browser.find(By.id("username"));
    }
  }

  @Test
  void auditorIsNotOfferedPublishingAndTheServerRefusesTheirUpload(EverseedSystem system)
      throws Exception {
    String base = system.wildFly().baseUrl();
    // This auditor works with a dark desktop theme, which the portal follows.
    try (Browser browser = Browser.startDark(workDir())) {
      browser.open(base + "/catalog.xhtml");
      browser.signIn("auditor", "auditor-demo");
      assertEquals("auditor", browser.find(By.id("user-name")).getText());
      assertFalse(browser.isPresent(By.id("nav-publish")), "no Publish in the navigation");
      assertFalse(browser.isPresent(By.linkText("Publish a release")));
      assertEquals(
          "rgb(15, 20, 26)",
          browser.driver.executeScript(
              "return getComputedStyle(document.documentElement).backgroundColor;"),
          "the dark colour scheme's background");
      browser.screenshot("catalog-auditor");

      browser.open(base + "/publish.xhtml");
      assertTrue(
          browser.find(By.id("main")).getText().contains("Publishing needs the publisher role"));
      assertFalse(browser.isPresent(By.id("publish-form")));

      // Even with a valid session and CSRF token, the upload endpoint checks the role itself.
      String csrf = browser.find(By.name("csrf")).getDomProperty("value");
      Object status =
          browser.driver.executeAsyncScript(
              "const done = arguments[arguments.length - 1];"
                  + "const data = new FormData();"
                  + "data.append('file', new Blob(['x']), 'x.txt');"
                  + "fetch('/portal/upload', {method: 'POST', body: data,"
                  + " headers: {'X-Everseed-Csrf': arguments[0]}})"
                  + ".then(r => done(r.status), e => done(String(e)));",
              csrf);
      assertEquals(403L, status);
    }
  }

  @Test
  void uploadWithoutTheSessionsCsrfTokenIsRefused(EverseedSystem system) throws Exception {
    String base = system.wildFly().baseUrl();
    try (Browser browser = Browser.start(workDir())) {
      browser.open(base + "/publish.xhtml");
      browser.signIn("publisher", "publisher-demo");
      Object status =
          browser.driver.executeAsyncScript(
              "const done = arguments[arguments.length - 1];"
                  + "const data = new FormData();"
                  + "data.append('file', new Blob(['x']), 'x.txt');"
                  + "fetch('/portal/upload', {method: 'POST', body: data,"
                  + " headers: {'X-Everseed-Csrf': 'forged'}})"
                  + ".then(r => done(r.status), e => done(String(e)));");
      assertEquals(403L, status);
    }
  }

  @Test
  void adminSeesTheFleetThenReKeysAndDisablesAnAgent(EverseedSystem system) throws Exception {
    String base = system.wildFly().baseUrl();
    String agentName = "lab-agent-" + letters(6);
    String agentToken =
        system.keycloak().serviceAccountToken("everseed-agent", "everseed-agent-dev-secret");
    HttpResponse<String> enrolled =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(base + "/api/v1/agents"))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + agentToken)
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"name\":\""
                            + agentName
                            + "\",\"site\":\"berlin\",\"version\":\"2.0.0\","
                            + "\"channels\":[\"patches/linux-x64\"]}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(2, enrolled.statusCode() / 100, enrolled.body());

    try (Browser browser = Browser.start(workDir())) {
      browser.open(base + "/fleet.xhtml");
      browser.signIn("admin", "admin-demo");
      browser.find(By.id("nav-fleet"));
      By row = By.cssSelector("tr[data-agent='" + agentName + "']");
      String listed = browser.find(row).getText();
      assertTrue(listed.contains("berlin") && listed.contains("2.0.0"), listed);
      assertTrue(listed.contains("active"), listed);
      browser.screenshot("fleet");

      browser.find(row).findElement(By.cssSelector("input[value='Re-key']")).click();
      browser.await(d -> d.findElement(By.id("messages")).getText().contains("re-keyed"));

      browser.find(row).findElement(By.cssSelector("input[value='Disable']")).click();
      browser.await(d -> d.findElement(row).getText().contains("disabled"));
      assertTrue(
          browser.find(row).findElement(By.cssSelector("input[value='Enable']")).isDisplayed());
    }
  }

  @Test
  void adminRestrictsAChannelOnTheChannelsPageAndThePortalUploadIsRefused(EverseedSystem system)
      throws Exception {
    String base = system.wildFly().baseUrl();
    String channel = "portal/restricted-" + letters(8);
    String ci = system.keycloak().serviceAccountToken("ci-pipeline", "ci-pipeline-dev-secret");
    HttpResponse<String> created =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(base + "/api/v1/channels"))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + ci)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"" + channel + "\"}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(201, created.statusCode(), created.body());

    try (Browser browser = Browser.start(workDir())) {
      browser.open(base + "/channels.xhtml");
      browser.signIn("admin", "admin-demo");
      browser.find(By.id("nav-channels"));
      By row = By.cssSelector("tr[data-channel='" + channel + "']");
      assertTrue(browser.find(row).getText().contains("open to every publisher"));
      browser.find(By.id("grant-form:grant-channel")).sendKeys(channel);
      browser.find(By.id("grant-form:grant-role")).sendKeys("team-nobody-has");
      browser.find(By.id("grant-form:grant")).click();
      browser.await(d -> d.findElement(By.id("messages")).getText().contains("may publish"));
      assertTrue(
          browser
              .find(row)
              .findElement(By.cssSelector("[data-role='team-nobody-has']"))
              .isDisplayed());
      browser.screenshot("channels");
    }

    try (Browser browser = Browser.start(workDir())) {
      browser.open(base + "/publish.xhtml");
      browser.signIn("publisher", "publisher-demo");
      assertFalse(browser.isPresent(By.id("nav-channels")), "channel permissions are for admins");
      String csrf = browser.find(By.name("csrf")).getDomProperty("value");
      Object answer =
          browser.driver.executeAsyncScript(
              "const done = arguments[arguments.length - 1];"
                  + "const data = new FormData();"
                  + "data.append('channel', arguments[1]);"
                  + "data.append('file', new Blob(['not for this channel']), 'x-1.0.bin');"
                  + "fetch('/portal/upload', {method: 'POST', body: data,"
                  + " headers: {'X-Everseed-Csrf': arguments[0]}})"
                  + ".then(r => r.text().then(t => done(r.status + ' ' + t)),"
                  + " e => done(String(e)));",
              csrf,
              channel);
      String status = String.valueOf(answer);
      assertTrue(status.startsWith("403 "), status);
      assertTrue(status.contains("team-nobody-has"), status);
    }
  }

  private static HttpResponse<byte[]> getWithBrowserCookies(Browser browser, String url)
      throws IOException, InterruptedException {
    String cookies =
        browser.driver.manage().getCookies().stream()
            .map(c -> c.getName() + "=" + c.getValue())
            .collect(Collectors.joining("; "));
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(url))
            .timeout(Duration.ofSeconds(30))
            .header("Cookie", cookies)
            .GET()
            .build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  private static Path workDir() {
    return Path.of(System.getProperty("everseed.work.dir", "target/it-work"), "portal");
  }

  private static String letters(int count) {
    StringBuilder letters = new StringBuilder();
    for (int i = 0; i < count; i++) {
      letters.append((char) ('a' + RANDOM.nextInt(26)));
    }
    return letters.toString();
  }
}

package org.everseed.it.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.stream.Collectors;
import org.everseed.api.magnet.MagnetLink;
import org.everseed.it.Http;
import org.everseed.it.SystemExtension;
import org.everseed.system.EverseedSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Searching, paging, discussing, rating and retiring releases through the REST API. */
@ExtendWith(SystemExtension.class)
class CatalogIT {
  @Test
  void fullTextSearchWithFiltersSortAndPaging(EverseedSystem system) throws Exception {
    String token = Api.ci(system);
    String channel = "it/search-" + System.nanoTime();
    publish(
        system,
        token,
        channel,
        "openssl-hotfix-3.0.13.patch",
        "security fix for the gateway",
        "tls,security");
    publish(system, token, channel, "gateway-server-2.1.0.zip", "the API gateway", "gateway");
    publish(
        system,
        token,
        channel + "/sub",
        "openssl-gateway-bundle-1.0.tar.gz",
        "openssl for the gateway nodes",
        "bundle");
    publish(
        system,
        token,
        "it/elsewhere-" + System.nanoTime(),
        "openssl-gateway-9.9.zip",
        "not in the channel",
        "");

    JsonObject twoWords = search(system, token, "q=openssl+gateway&channel=" + channel);
    assertEquals(2, twoWords.getInt("total"), twoWords.toString());
    assertEquals(
        List.of("openssl-gateway-bundle", "openssl-hotfix"),
        names(twoWords)); // newest first; the sub-channel is included

    JsonObject patches = search(system, token, "kind=patch&channel=" + channel);
    assertEquals(List.of("openssl-hotfix"), names(patches));

    JsonObject byName = search(system, token, "sort=name&size=2&page=0&channel=" + channel);
    assertEquals(3, byName.getInt("total"));
    assertEquals(List.of("gateway-server", "openssl-gateway-bundle"), names(byName));
    JsonObject secondPage = search(system, token, "sort=name&size=2&page=1&channel=" + channel);
    assertEquals(List.of("openssl-hotfix"), names(secondPage));

    HttpResponse<String> badSort = Http.get(Api.url(system, "/releases?sort=size"), token);
    assertEquals(400, badSort.statusCode());
    assertEquals(
        "sort", Api.json(badSort).getJsonArray("errors").getJsonObject(0).getString("field"));
  }

  @Test
  void commentsAndRatingsFromSeveralPeople(EverseedSystem system) throws Exception {
    String ci = Api.ci(system);
    long id = publish(system, ci, "it/discuss", "notes-" + System.nanoTime() + ".pdf", "", "");
    String auditor = Api.user(system, "auditor");
    String admin = Api.user(system, "admin");

    HttpResponse<String> posted =
        Http.postJson(
            Api.url(system, "/releases/" + id + "/comments"),
            auditor,
            "{\"body\":\"Checked on 3 hosts\"}");
    assertEquals(201, posted.statusCode(), posted.body());
    Http.postJson(
        Api.url(system, "/releases/" + id + "/comments"), admin, "{\"body\":\"Approved\"}");
    JsonArray comments =
        Json.createReader(
                new StringReader(
                    Http.get(Api.url(system, "/releases/" + id + "/comments"), ci).body()))
            .readArray();
    assertEquals(
        List.of("auditor:Checked on 3 hosts", "admin:Approved"),
        comments.stream()
            .map(
                c ->
                    c.asJsonObject().getString("author") + ":" + c.asJsonObject().getString("body"))
            .toList());

    rate(system, auditor, id, 5);
    rate(system, admin, id, 2);
    JsonObject rerated = Api.ok(rate(system, admin, id, 4), 200);
    assertEquals(4.5, rerated.getJsonNumber("averageRating").doubleValue());
    assertEquals(2, rerated.getInt("ratingCount"));

    assertEquals(400, rate(system, admin, id, 6).statusCode());
    HttpResponse<String> malformed =
        Http.postJson(Api.url(system, "/releases/" + id + "/comments"), admin, "{\"body\": ");
    assertEquals(400, malformed.statusCode(), malformed.body());
    assertEquals(
        "application/problem+json", malformed.headers().firstValue("content-type").orElse(""));
    HttpResponse<String> empty =
        Http.postJson(Api.url(system, "/releases/" + id + "/comments"), admin, "{\"body\":\"  \"}");
    assertEquals(400, empty.statusCode(), empty.body());
    assertEquals(404, Http.get(Api.url(system, "/releases/999999999"), ci).statusCode());
  }

  @Test
  void retiringIsForThePublisherOrAnAdminAndOnlyOnce(EverseedSystem system) throws Exception {
    String ci = Api.ci(system);
    String channel = "it/retire-" + System.nanoTime();
    long id = publish(system, ci, channel, "old-tool-1.0.zip", "", "");
    String publisher = Api.user(system, "publisher");

    HttpResponse<String> notTheirs =
        Http.postJson(
            Api.url(system, "/releases/" + id + "/retire"), publisher, "{\"reason\":\"x\"}");
    assertEquals(403, notTheirs.statusCode(), notTheirs.body());

    HttpResponse<String> retired =
        Http.postJson(
            Api.url(system, "/releases/" + id + "/retire"),
            ci,
            "{\"reason\":\"superseded by 2.0\"}");
    JsonObject details = Api.ok(retired, 200);
    assertEquals("retired", details.getJsonObject("release").getString("status"));
    assertEquals("superseded by 2.0", details.getString("retireReason"));

    assertEquals(
        409,
        Http.postJson(
                Api.url(system, "/releases/" + id + "/retire"), Api.user(system, "admin"), "{}")
            .statusCode());
    assertEquals(List.of(), names(search(system, ci, "status=active&channel=" + channel)));
    assertEquals(
        List.of("old-tool"), names(search(system, ci, "status=retired&channel=" + channel)));
  }

  @Test
  void magnetLinkCarriesTheCallersPasskeyAndWebSeed(EverseedSystem system) throws Exception {
    String ci = Api.ci(system);
    long id = publish(system, ci, "it/magnet", "magnet-" + System.nanoTime() + ".bin", "", "");
    String auditor = Api.user(system, "auditor");

    HttpResponse<String> magnet = Http.get(Api.url(system, "/releases/" + id + "/magnet"), auditor);
    assertEquals(200, magnet.statusCode(), magnet.body());
    MagnetLink link = MagnetLink.parse(magnet.body());
    JsonObject details = Api.ok(Http.get(Api.url(system, "/releases/" + id), auditor), 200);
    assertEquals(details.getJsonObject("release").getString("infoHash"), link.infoHash().toHex());
    assertTrue(
        link.trackers().get(0).matches(system.wildFly().baseUrl() + "/announce/[0-9a-f]{32}"));
    assertTrue(link.webSeeds().get(0).startsWith(system.wildFly().baseUrl() + "/seed/"));
  }

  static long publish(
      EverseedSystem system,
      String token,
      String channel,
      String file,
      String description,
      String tags)
      throws Exception {
    Http.Multipart body = Api.upload().field("channel", channel).field("description", description);
    if (!tags.isEmpty()) {
      body.field("tags", tags);
    }
    body.file("file", file, PublishingIT.random(20_000 + file.length(), file.hashCode()));
    return Api.ok(Http.postMultipart(Api.url(system, "/releases"), token, body), 201)
        .getJsonObject("release")
        .getInt("id");
  }

  private static JsonObject search(EverseedSystem system, String token, String query)
      throws Exception {
    return Api.ok(Http.get(Api.url(system, "/releases?" + query), token), 200);
  }

  private static List<String> names(JsonObject page) {
    return page.getJsonArray("items").stream()
        .map(item -> item.asJsonObject().getString("name"))
        .collect(Collectors.toList());
  }

  private static HttpResponse<String> rate(EverseedSystem system, String token, long id, int stars)
      throws Exception {
    return Http.sendJson(
        "PUT", Api.url(system, "/releases/" + id + "/rating"), token, "{\"stars\":" + stars + "}");
  }
}

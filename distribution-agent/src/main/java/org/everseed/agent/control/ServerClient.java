package org.everseed.agent.control;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.everseed.api.metainfo.Metainfo;
import org.everseed.api.rest.agent.AgentEnrolled;
import org.everseed.api.rest.agent.AgentEnrolment;
import org.everseed.api.rest.agent.DistributionReport;
import org.everseed.api.rest.agent.ReleaseAssignment;

/**
 * Talks to the Everseed server's agent API with a bearer token obtained from Keycloak by client
 * credentials. The token is cached until shortly before it expires and fetched again after a 401.
 */
public final class ServerClient {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  /** JSON answers are read up to the parser's own document limit, never more. */
  private static final HttpResponse.BodyHandler<byte[]> JSON_ANSWER =
      BoundedBody.upTo(Json.MAX_DOCUMENT_CHARS);

  private final HttpClient http;
  private final AgentSettings settings;
  private String token;
  private Instant tokenExpires = Instant.MIN;

  public ServerClient(HttpClient http, AgentSettings settings) {
    this.http = http;
    this.settings = settings;
  }

  /** {@code POST /api/v1/agents}. */
  public AgentEnrolled enrol(AgentEnrolment enrolment) throws IOException, InterruptedException {
    String body =
        "{\"name\":"
            + Json.quote(enrolment.name())
            + ",\"site\":"
            + Json.quote(enrolment.site())
            + ",\"version\":"
            + Json.quote(enrolment.version())
            + ",\"channels\":["
            + enrolment.channels().stream().map(Json::quote).collect(Collectors.joining(","))
            + "]}";
    Map<?, ?> answer = (Map<?, ?>) Json.parse(call("POST", "/api/v1/agents", body));
    return new AgentEnrolled(number(answer, "agentId"), (String) answer.get("passkey"));
  }

  /** {@code GET /api/v1/agents/{id}/releases}. */
  public List<ReleaseAssignment> releases(long agentId) throws IOException, InterruptedException {
    List<?> list =
        (List<?>) Json.parse(call("GET", "/api/v1/agents/" + agentId + "/releases", null));
    List<ReleaseAssignment> releases = new ArrayList<>();
    for (Object item : list) {
      Map<?, ?> release = (Map<?, ?>) item;
      releases.add(
          new ReleaseAssignment(
              number(release, "releaseId"),
              (String) release.get("name"),
              (String) release.get("version"),
              (String) release.get("channel"),
              (String) release.get("infoHash"),
              (String) release.get("torrentUrl"),
              Boolean.TRUE.equals(release.get("openToStandardClients"))));
    }
    return releases;
  }

  /** {@code POST /api/v1/agents/{id}/reports}. */
  public void report(long agentId, DistributionReport report)
      throws IOException, InterruptedException {
    String body =
        "{\"releaseId\":"
            + report.releaseId()
            + ",\"state\":\""
            + report.state().name()
            + "\",\"bytesFromPeers\":"
            + report.bytesFromPeers()
            + ",\"bytesFromWebSeed\":"
            + report.bytesFromWebSeed()
            + ",\"durationMillis\":"
            + report.durationMillis()
            + ",\"hookExitCode\":"
            + (report.hookExitCode() == null ? "null" : report.hookExitCode().toString())
            + ",\"message\":"
            + Json.quote(report.message())
            + "}";
    call("POST", "/api/v1/agents/" + agentId + "/reports", body);
  }

  /** {@code POST /api/v1/agents/{id}/heartbeat}. */
  public void heartbeat(long agentId, String version) throws IOException, InterruptedException {
    call(
        "POST",
        "/api/v1/agents/" + agentId + "/heartbeat",
        "{\"version\":" + Json.quote(version) + "}");
  }

  /** Downloads a release's {@code .torrent} (the URL may be absolute or relative to the server). */
  public byte[] torrent(String torrentUrl) throws IOException, InterruptedException {
    return send("GET", resolve(torrentUrl), null, BoundedBody.upTo(Metainfo.MAX_FILE_SIZE)).body();
  }

  /** Calls the agent API; answers its body as text. */
  private String call(String method, String path, String body)
      throws IOException, InterruptedException {
    return new String(
        send(method, resolve(path), body, JSON_ANSWER).body(), StandardCharsets.UTF_8);
  }

  private URI resolve(String pathOrUrl) {
    return URI.create(
        pathOrUrl.startsWith("http://") || pathOrUrl.startsWith("https://")
            ? pathOrUrl
            : settings.serverUrl() + pathOrUrl);
  }

  private <T> HttpResponse<T> send(
      String method, URI uri, String body, HttpResponse.BodyHandler<T> handler)
      throws IOException, InterruptedException {
    for (int attempt = 0; ; attempt++) {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(uri)
              .timeout(TIMEOUT)
              .header("Authorization", "Bearer " + token(attempt > 0))
              .header("Accept", "application/json, application/x-bittorrent");
      if (body != null) {
        request.header("Content-Type", "application/json");
        request.method(method, HttpRequest.BodyPublishers.ofString(body));
      } else {
        request.method(method, HttpRequest.BodyPublishers.noBody());
      }
      HttpResponse<T> response = http.send(request.build(), handler);
      if (response.statusCode() == 401 && attempt == 0) {
        continue;
      }
      if (response.statusCode() / 100 != 2) {
        throw new IOException(
            method + " " + uri.getPath() + " answered HTTP " + response.statusCode());
      }
      return response;
    }
  }

  private synchronized String token(boolean refresh) throws IOException, InterruptedException {
    if (!refresh && token != null && Instant.now().isBefore(tokenExpires)) {
      return token;
    }
    String form =
        "grant_type=client_credentials&client_id="
            + URLEncoder.encode(settings.clientId(), StandardCharsets.UTF_8)
            + "&client_secret="
            + URLEncoder.encode(settings.clientSecret(), StandardCharsets.UTF_8);
    HttpResponse<byte[]> response =
        http.send(
            HttpRequest.newBuilder(URI.create(settings.tokenUrl()))
                .timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build(),
            JSON_ANSWER);
    if (response.statusCode() != 200) {
      throw new IOException("the token endpoint answered HTTP " + response.statusCode());
    }
    Map<?, ?> answer = (Map<?, ?>) Json.parse(new String(response.body(), StandardCharsets.UTF_8));
    token = (String) answer.get("access_token");
    if (token == null) {
      throw new IOException("the token endpoint sent no access_token");
    }
    long expiresIn = answer.get("expires_in") instanceof Number n ? n.longValue() : 60;
    // Renew a little early so a request never carries a token that expires in flight.
    tokenExpires = Instant.now().plusSeconds(Math.max(1, expiresIn - 30));
    return token;
  }

  private static long number(Map<?, ?> map, String key) throws IOException {
    if (map.get(key) instanceof Number n) {
      return n.longValue();
    }
    throw new IOException("the server's answer has no number '" + key + "'");
  }
}

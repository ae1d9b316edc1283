package org.everseed.agent.tracker;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Announces to HTTP trackers. Thread-safe; one instance serves every torrent of the agent. */
public final class TrackerClient {

  private final HttpClient http;
  private final Duration timeout;

  public TrackerClient(HttpClient http, Duration timeout) {
    this.http = http;
    this.timeout = timeout;
  }

  public AnnounceResponse announce(String trackerUrl, AnnounceRequest request)
      throws IOException, InterruptedException {
    if (!trackerUrl.startsWith("http://") && !trackerUrl.startsWith("https://")) {
      throw new TrackerException("only HTTP trackers are supported, not " + trackerUrl);
    }
    HttpRequest httpRequest =
        HttpRequest.newBuilder(URI.create(request.toUrl(trackerUrl)))
            .timeout(timeout)
            .header("User-Agent", "Everseed-Agent")
            .GET()
            .build();
    HttpResponse<byte[]> response;
    try {
      response = http.send(httpRequest, HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new TrackerException("tracker " + trackerUrl + " unreachable: " + e, e);
    }
    if (response.statusCode() != 200) {
      throw new TrackerException(
          "tracker " + trackerUrl + " answered HTTP " + response.statusCode());
    }
    return AnnounceResponse.parse(response.body());
  }
}

package org.everseed.agent.tracker;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.everseed.api.Version;
import org.everseed.api.tracker.AnnounceRequest;
import org.everseed.api.tracker.AnnounceResponse;
import org.everseed.api.tracker.TrackerResponseException;
import org.everseed.api.wire.PeerAddress;

/**
 * Announces to HTTP trackers with the formats of {@code api.tracker}. Thread-safe; one instance
 * serves every torrent of the agent. Answers larger than {@link
 * AnnounceResponse#MAX_RESPONSE_BYTES} are refused before they are read whole.
 */
public final class TrackerClient {

  /** Host-named peers (BEP 3 dictionary model) resolved per answer at most. */
  static final int MAX_NAMED_PEERS = 50;

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
            .header("User-Agent", Version.agentUserAgent())
            .GET()
            .build();
    byte[] body;
    try {
      HttpResponse<InputStream> response =
          http.send(httpRequest, HttpResponse.BodyHandlers.ofInputStream());
      try (InputStream in = response.body()) {
        if (response.statusCode() != 200) {
          throw new TrackerException(
              "tracker " + trackerUrl + " answered HTTP " + response.statusCode());
        }
        body = in.readNBytes(AnnounceResponse.MAX_RESPONSE_BYTES + 1);
      }
    } catch (TrackerException e) {
      throw e;
    } catch (IOException e) {
      throw new TrackerException("tracker " + trackerUrl + " unreachable: " + e, e);
    }
    AnnounceResponse answer;
    try {
      answer = AnnounceResponse.decode(body);
    } catch (TrackerResponseException e) {
      throw new TrackerException("tracker " + trackerUrl + ": " + e.getMessage(), e);
    }
    return answer.namedPeers().isEmpty() ? answer : answer.withNamedPeersResolved(resolve(answer));
  }

  /**
   * Resolves the peers a tracker named by host name, outside the decoder; a name that does not
   * resolve is skipped.
   */
  private static List<PeerAddress> resolve(AnnounceResponse answer) {
    List<PeerAddress> resolved = new ArrayList<>();
    for (AnnounceResponse.NamedPeer peer :
        answer.namedPeers().subList(0, Math.min(MAX_NAMED_PEERS, answer.namedPeers().size()))) {
      try {
        resolved.add(new PeerAddress(InetAddress.getByName(peer.host()), peer.port()));
      } catch (UnknownHostException e) {
        // Other peers of the answer are still good.
      }
    }
    return resolved;
  }
}

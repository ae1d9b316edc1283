package org.everseed.it.tracker;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;
import org.everseed.api.bencode.BDictionary;
import org.everseed.api.bencode.BencodeDecoder;
import org.everseed.api.metainfo.InfoHash;
import org.everseed.api.metainfo.PercentEncoding;
import org.opentest4j.AssertionFailedError;

/** Announces and scrapes over HTTP like a BitTorrent client; every call bounded in time. */
final class TrackerClient {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final String baseUrl;

  TrackerClient(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  /** A 20-byte peer id that differs per port, so peers are told apart in answers. */
  static byte[] peerId(int port) {
    byte[] id = "-IT0001-000000000000".getBytes(StandardCharsets.US_ASCII);
    String digits = String.format("%012d", port);
    System.arraycopy(digits.getBytes(StandardCharsets.US_ASCII), 0, id, 8, 12);
    return id;
  }

  static String announceQuery(InfoHash infoHash, int port, long left, String extra) {
    return "info_hash="
        + PercentEncoding.encode(infoHash.bytes())
        + "&peer_id="
        + PercentEncoding.encode(peerId(port))
        + "&port="
        + port
        + "&uploaded=0&downloaded=0&left="
        + left
        + extra;
  }

  HttpResponse<byte[]> get(String pathAndQuery) throws IOException, InterruptedException {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery))
            .timeout(Duration.ofSeconds(20))
            .GET()
            .build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  /** Sends a request that must answer 200 with a bencoded dictionary, and decodes it. */
  BDictionary bencoded(String pathAndQuery) throws IOException, InterruptedException {
    HttpResponse<byte[]> response = get(pathAndQuery);
    if (response.statusCode() != 200) {
      throw new AssertionFailedError(
          "HTTP " + response.statusCode() + " for " + pathAndQuery + ": " + text(response.body()));
    }
    return (BDictionary) new BencodeDecoder().decode(response.body());
  }

  BDictionary announce(String passkey, String query) throws IOException, InterruptedException {
    return bencoded("/announce/" + passkey + "?" + query);
  }

  BDictionary scrape(String passkey, String query) throws IOException, InterruptedException {
    return bencoded("/scrape/" + passkey + "?" + query);
  }

  static String failure(BDictionary answer) {
    return answer.optionalText("failure reason").orElse(null);
  }

  /**
   * Repeats {@code request} until its answer satisfies {@code condition} (the tracker picks up new
   * rows on its periodic refresh), failing after {@code timeout}; returns the last answer.
   */
  static BDictionary await(Request request, Predicate<BDictionary> condition, Duration timeout)
      throws Exception {
    Instant deadline = Instant.now().plus(timeout);
    BDictionary last = request.send();
    while (!condition.test(last)) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionFailedError("tracker never answered as expected; last answer: " + last);
      }
      Thread.sleep(200);
      last = request.send();
    }
    return last;
  }

  /** Checks {@code condition} until it holds, failing after {@code timeout}. */
  static void eventually(Condition condition, Duration timeout) throws Exception {
    Instant deadline = Instant.now().plus(timeout);
    while (!condition.holds()) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionFailedError("condition still false after " + timeout);
      }
      Thread.sleep(200);
    }
  }

  /** Something that becomes true eventually. */
  @FunctionalInterface
  interface Condition {
    boolean holds() throws Exception;
  }

  /** One tracker request. */
  @FunctionalInterface
  interface Request {
    BDictionary send() throws Exception;
  }

  static String text(byte[] body) {
    return new String(body, StandardCharsets.ISO_8859_1);
  }
}

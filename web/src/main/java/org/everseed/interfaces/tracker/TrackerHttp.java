package org.everseed.interfaces.tracker;

import org.everseed.api.tracker.QueryParameters;
import org.everseed.api.tracker.TrackerRequestException;
import org.everseed.api.tracker.TrackerResponses;
import org.everseed.application.tracker.AnnounceAnswer;
import org.everseed.application.tracker.Tracker;

/**
 * The HTTP side of the tracker, shared by the servlets and the I/O-thread handler: raw query in,
 * bencoded body out; a refusal is an ordinary body with a {@code failure reason}.
 */
final class TrackerHttp {
  static final String ANNOUNCE_PREFIX = "/announce/";
  static final String SCRAPE_PREFIX = "/scrape/";

  private TrackerHttp() {}

  /**
   * @param rawQuery the query string as sent, not decoded by the container
   * @param remoteAddress the connection's numeric address
   */
  static byte[] announce(Tracker tracker, String passkey, String rawQuery, String remoteAddress) {
    try {
      return encode(tracker.announce(passkey, QueryParameters.parse(rawQuery), remoteAddress));
    } catch (TrackerRequestException refused) {
      return TrackerResponses.failure(refused.failureReason());
    }
  }

  /** The same, with the peer address already in bytes (the I/O-thread handler has them). */
  static byte[] announce(Tracker tracker, String passkey, String rawQuery, byte[] remoteAddress) {
    try {
      return encode(tracker.announce(passkey, QueryParameters.parse(rawQuery), remoteAddress));
    } catch (TrackerRequestException refused) {
      return TrackerResponses.failure(refused.failureReason());
    }
  }

  private static byte[] encode(AnnounceAnswer answer) {
    return TrackerResponses.announce(
        answer.intervalSeconds(),
        answer.minIntervalSeconds(),
        answer.swarm().seeders(),
        answer.swarm().leechers(),
        answer.swarm().peers(),
        answer.swarm().count(),
        answer.compact(),
        answer.noPeerId());
  }

  static byte[] scrape(Tracker tracker, String passkey, String rawQuery) {
    try {
      return TrackerResponses.scrape(tracker.scrape(passkey, QueryParameters.parse(rawQuery)));
    } catch (TrackerRequestException refused) {
      return TrackerResponses.failure(refused.failureReason());
    }
  }

  /** The passkey: what follows the prefix, up to the end of the path. */
  static String passkey(String path, String prefix) {
    return path.length() > prefix.length() ? path.substring(prefix.length()) : "";
  }
}

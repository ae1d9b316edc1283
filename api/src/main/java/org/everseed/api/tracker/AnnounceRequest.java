package org.everseed.api.tracker;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.everseed.api.metainfo.InfoHash;
import org.everseed.api.metainfo.PercentEncoding;

/**
 * One announce (BEP 3, with BEP 23 {@code compact}, BEP 7 {@code ipv6}), for both sides: the
 * tracker reads and validates it with {@link #from}, a client writes it with {@link #toQuery}.
 *
 * <pre>
 * info_hash=&lt;20 bytes, %-escaped&gt;&amp;peer_id=&lt;20 bytes&gt;&amp;port=&lt;n&gt;&amp;uploaded=&lt;n&gt;&amp;downloaded=&lt;n&gt;&amp;left=&lt;n&gt;
 *   &amp;compact=&lt;0|1&gt;[&amp;no_peer_id=1][&amp;numwant=&lt;n&gt;][&amp;event=started|completed|stopped]
 *   [&amp;ip=&lt;text&gt;][&amp;ipv6=&lt;text&gt;][&amp;key=&lt;text&gt;]
 * </pre>
 *
 * @param infoHash the torrent
 * @param peerId the client's 20-byte peer id (BEP 20); private copy, never changed
 * @param port where the client accepts peer connections, 1..65535
 * @param uploaded bytes sent since the client's {@code started}
 * @param downloaded bytes received since {@code started}
 * @param left bytes still missing; 0 means seeding
 * @param event what happened, {@link AnnounceEvent#NONE} for periodic announces
 * @param numwant peers asked for, or {@code -1} when the client did not say
 * @param compact whether the client accepts the compact model (default: yes)
 * @param noPeerId whether the dictionary model may leave out {@code peer id}
 * @param ip the {@code ip} parameter as sent, when present (honoured only if configured)
 * @param ipv6 the {@code ipv6} parameter as sent, when present (honoured only if configured)
 * @param key the client's {@code key}, when present
 */
public record AnnounceRequest(
    InfoHash infoHash,
    byte[] peerId,
    int port,
    long uploaded,
    long downloaded,
    long left,
    AnnounceEvent event,
    int numwant,
    boolean compact,
    boolean noPeerId,
    Optional<String> ip,
    Optional<String> ipv6,
    Optional<String> key) {

  public static final int PEER_ID_LENGTH = 20;

  /**
   * An announce as a client sends it: compact peers without peer ids, no {@code ip}, {@code ipv6}
   * or {@code key}.
   *
   * @param numwant peers asked for; negative leaves the number to the tracker
   */
  public static AnnounceRequest of(
      InfoHash infoHash,
      byte[] peerId,
      int port,
      long uploaded,
      long downloaded,
      long left,
      AnnounceEvent event,
      int numwant) {
    if (peerId.length != PEER_ID_LENGTH) {
      throw new IllegalArgumentException(
          "peer_id must be " + PEER_ID_LENGTH + " bytes, got " + peerId.length);
    }
    if (port < 0 || port > 65535 || uploaded < 0 || downloaded < 0 || left < 0) {
      throw new IllegalArgumentException("port, uploaded, downloaded and left are out of range");
    }
    return new AnnounceRequest(
        infoHash,
        peerId.clone(),
        port,
        uploaded,
        downloaded,
        left,
        event,
        numwant < 0 ? -1 : numwant,
        true,
        true,
        Optional.empty(),
        Optional.empty(),
        Optional.empty());
  }

  /**
   * The query string, every value percent-encoded byte for byte; {@link #from} reads it back to an
   * equal request.
   */
  public String toQuery() {
    StringBuilder query = new StringBuilder(200);
    query.append("info_hash=").append(infoHash.toUrlEncoded());
    query.append("&peer_id=").append(PercentEncoding.encode(peerId));
    query.append("&port=").append(port);
    query.append("&uploaded=").append(uploaded);
    query.append("&downloaded=").append(downloaded);
    query.append("&left=").append(left);
    query.append("&compact=").append(compact ? '1' : '0');
    if (noPeerId) {
      query.append("&no_peer_id=1");
    }
    if (numwant >= 0) {
      query.append("&numwant=").append(numwant);
    }
    if (event != AnnounceEvent.NONE) {
      query.append("&event=").append(event.parameter());
    }
    ip.ifPresent(value -> query.append("&ip=").append(escaped(value)));
    ipv6.ifPresent(value -> query.append("&ipv6=").append(escaped(value)));
    key.ifPresent(value -> query.append("&key=").append(escaped(value)));
    return query.toString();
  }

  /**
   * The announce URL: {@code trackerUrl} exactly as the torrent gives it (a private tracker's
   * passkey is part of it), with {@link #toQuery} appended.
   */
  public String toUrl(String trackerUrl) {
    return trackerUrl + (trackerUrl.indexOf('?') >= 0 ? '&' : '?') + toQuery();
  }

  private static String escaped(String text) {
    return PercentEncoding.encode(text.getBytes(StandardCharsets.ISO_8859_1));
  }

  /** Reads and validates an announce; refuses with a reason that names the bad parameter. */
  public static AnnounceRequest from(QueryParameters query) {
    InfoHash infoHash = infoHash(required(query, "info_hash"), "info_hash");
    byte[] peerId = required(query, "peer_id");
    if (peerId.length != PEER_ID_LENGTH) {
      throw new TrackerRequestException(
          "peer_id must be " + PEER_ID_LENGTH + " bytes, got " + peerId.length);
    }
    long port = number(query, "port", true);
    if (port < 1 || port > 65535) {
      throw new TrackerRequestException("port must be 1..65535, got " + port);
    }
    long uploaded = number(query, "uploaded", true);
    long downloaded = number(query, "downloaded", true);
    long left = number(query, "left", true);
    AnnounceEvent event = AnnounceEvent.parse(query.single("event"));
    long numwant = number(query, "numwant", false);
    byte[] compact = query.single("compact");
    byte[] noPeerId = query.single("no_peer_id");
    return new AnnounceRequest(
        infoHash,
        peerId.clone(),
        (int) port,
        uploaded,
        downloaded,
        left,
        event,
        numwant < 0 ? -1 : (int) Math.min(numwant, Integer.MAX_VALUE),
        compact == null || !isZero(compact),
        noPeerId != null && !isZero(noPeerId),
        text(query, "ip"),
        text(query, "ipv6"),
        text(query, "key"));
  }

  /** Whether the client has the whole torrent. */
  public boolean seeding() {
    return left == 0;
  }

  static InfoHash infoHash(byte[] value, String name) {
    if (value.length != InfoHash.LENGTH) {
      throw new TrackerRequestException(
          name + " must be " + InfoHash.LENGTH + " bytes, got " + value.length);
    }
    return InfoHash.of(value);
  }

  private static byte[] required(QueryParameters query, String name) {
    byte[] value = query.single(name);
    if (value == null) {
      throw new TrackerRequestException("missing parameter " + name);
    }
    return value;
  }

  /** A non-negative decimal; -1 when absent and optional. */
  private static long number(QueryParameters query, String name, boolean required) {
    byte[] value = required ? required(query, name) : query.single(name);
    if (value == null) {
      return -1;
    }
    if (value.length == 0 || value.length > 19) {
      throw new TrackerRequestException(name + " must be a non-negative decimal number");
    }
    long result = 0;
    for (byte b : value) {
      if (b < '0' || b > '9') {
        throw new TrackerRequestException(name + " must be a non-negative decimal number");
      }
      result = result * 10 + (b - '0');
    }
    return result;
  }

  private static boolean isZero(byte[] value) {
    return value.length == 1 && value[0] == '0';
  }

  private static Optional<String> text(QueryParameters query, String name) {
    byte[] value = query.single(name);
    return value == null || value.length == 0
        ? Optional.empty()
        : Optional.of(new String(value, StandardCharsets.ISO_8859_1));
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof AnnounceRequest that
        && infoHash.equals(that.infoHash)
        && java.util.Arrays.equals(peerId, that.peerId)
        && port == that.port
        && uploaded == that.uploaded
        && downloaded == that.downloaded
        && left == that.left
        && event == that.event
        && numwant == that.numwant
        && compact == that.compact
        && noPeerId == that.noPeerId
        && ip.equals(that.ip)
        && ipv6.equals(that.ipv6)
        && key.equals(that.key);
  }

  @Override
  public int hashCode() {
    return infoHash.hashCode() * 31 + java.util.Arrays.hashCode(peerId);
  }

  @Override
  public String toString() {
    return "AnnounceRequest[" + infoHash.toHex() + ", port " + port + ", left " + left + "]";
  }
}

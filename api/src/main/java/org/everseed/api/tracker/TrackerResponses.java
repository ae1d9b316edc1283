package org.everseed.api.tracker;

import static org.everseed.api.bencode.BencodeWriter.integerLength;
import static org.everseed.api.bencode.BencodeWriter.stringLength;
import static org.everseed.api.bencode.BencodeWriter.writeInteger;
import static org.everseed.api.bencode.BencodeWriter.writeString;
import static org.everseed.api.bencode.BencodeWriter.writeStringHeader;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.everseed.api.bencode.BencodeWriter;
import org.everseed.api.metainfo.InfoHash;

/**
 * Bencoded tracker answers, written straight into one exactly sized {@code byte[]} (keys in the
 * sorted order bencoding requires).
 *
 * <pre>
 * failure:  d14:failure reason&lt;len&gt;:&lt;text&gt;e
 * announce: d8:completei&lt;n&gt;e10:incompletei&lt;n&gt;e8:intervali&lt;s&gt;e12:min intervali&lt;s&gt;e
 *             5:peers&lt;6k&gt;:&lt;ip4 port&gt;...[6:peers6&lt;18k&gt;:&lt;ip6 port&gt;...]e
 *           (compact=0: 5:peersl d2:ip&lt;text&gt;7:peer id&lt;20&gt;4:porti&lt;n&gt;e e ... e)
 * scrape:   d5:filesd20:&lt;hash&gt;d8:completei&lt;n&gt;e10:downloadedi&lt;n&gt;e10:incompletei&lt;n&gt;ee...ee
 * </pre>
 */
public final class TrackerResponses {

  private static final byte[] FAILURE_REASON = BencodeWriter.encodedString("failure reason");
  private static final byte[] COMPLETE = BencodeWriter.encodedString("complete");
  private static final byte[] INCOMPLETE = BencodeWriter.encodedString("incomplete");
  private static final byte[] INTERVAL = BencodeWriter.encodedString("interval");
  private static final byte[] MIN_INTERVAL = BencodeWriter.encodedString("min interval");
  private static final byte[] PEERS = BencodeWriter.encodedString("peers");
  private static final byte[] PEERS6 = BencodeWriter.encodedString("peers6");
  private static final byte[] IP = BencodeWriter.encodedString("ip");
  private static final byte[] PEER_ID = BencodeWriter.encodedString("peer id");
  private static final byte[] PORT = BencodeWriter.encodedString("port");
  private static final byte[] FILES = BencodeWriter.encodedString("files");
  private static final byte[] DOWNLOADED = BencodeWriter.encodedString("downloaded");

  private TrackerResponses() {}

  public static byte[] failure(String reason) {
    byte[] text = reason.getBytes(StandardCharsets.UTF_8);
    byte[] out = new byte[2 + FAILURE_REASON.length + (int) stringLength(text.length)];
    int pos = 0;
    out[pos++] = 'd';
    pos = put(out, pos, FAILURE_REASON);
    pos = writeString(out, pos, text);
    out[pos] = 'e';
    return out;
  }

  /**
   * An announce answer.
   *
   * @param peers the selected peers, {@code peers[0, count)}
   * @param compact BEP 23 byte strings ({@code peers}, {@code peers6}) or the BEP 3 dictionary list
   * @param noPeerId leave {@code peer id} out of the dictionary model
   */
  public static byte[] announce(
      int intervalSeconds,
      int minIntervalSeconds,
      long complete,
      long incomplete,
      PeerEntry[] peers,
      int count,
      boolean compact,
      boolean noPeerId) {
    int head =
        COMPLETE.length
            + integerLength(complete)
            + INCOMPLETE.length
            + integerLength(incomplete)
            + INTERVAL.length
            + integerLength(intervalSeconds)
            + MIN_INTERVAL.length
            + integerLength(minIntervalSeconds)
            + PEERS.length;
    if (!compact) {
      return dictionaryModel(
          head, intervalSeconds, minIntervalSeconds, complete, incomplete, peers, count, noPeerId);
    }
    int v4 = 0;
    int v6 = 0;
    for (int i = 0; i < count; i++) {
      if (peers[i].compactEndpoint().length == PeerEntry.COMPACT_IPV4) {
        v4++;
      } else {
        v6++;
      }
    }
    int bytes4 = v4 * PeerEntry.COMPACT_IPV4;
    int bytes6 = v6 * PeerEntry.COMPACT_IPV6;
    int size = 2 + head + (int) stringLength(bytes4);
    if (v6 > 0) {
      size += PEERS6.length + (int) stringLength(bytes6);
    }
    byte[] out = new byte[size];
    int pos = writeHead(out, intervalSeconds, minIntervalSeconds, complete, incomplete);
    pos = writeStringHeader(out, pos, bytes4);
    for (int i = 0; i < count; i++) {
      byte[] endpoint = peers[i].compactEndpoint();
      if (endpoint.length == PeerEntry.COMPACT_IPV4) {
        System.arraycopy(endpoint, 0, out, pos, PeerEntry.COMPACT_IPV4);
        pos += PeerEntry.COMPACT_IPV4;
      }
    }
    if (v6 > 0) {
      pos = put(out, pos, PEERS6);
      pos = writeStringHeader(out, pos, bytes6);
      for (int i = 0; i < count; i++) {
        byte[] endpoint = peers[i].compactEndpoint();
        if (endpoint.length == PeerEntry.COMPACT_IPV6) {
          System.arraycopy(endpoint, 0, out, pos, PeerEntry.COMPACT_IPV6);
          pos += PeerEntry.COMPACT_IPV6;
        }
      }
    }
    out[pos] = 'e';
    return out;
  }

  /** A scrape answer with one entry per torrent, sorted by raw info-hash bytes as keys must be. */
  public static byte[] scrape(List<ScrapeEntry> entries) {
    ScrapeEntry[] sorted = entries.toArray(new ScrapeEntry[0]);
    Arrays.sort(
        sorted, (a, b) -> Arrays.compareUnsigned(a.infoHash().bytes(), b.infoHash().bytes()));
    int size = 2 + FILES.length + 2;
    for (ScrapeEntry e : sorted) {
      size +=
          (int) stringLength(InfoHash.LENGTH)
              + 2
              + COMPLETE.length
              + integerLength(e.complete())
              + DOWNLOADED.length
              + integerLength(e.downloaded())
              + INCOMPLETE.length
              + integerLength(e.incomplete());
    }
    byte[] out = new byte[size];
    int pos = 0;
    out[pos++] = 'd';
    pos = put(out, pos, FILES);
    out[pos++] = 'd';
    for (ScrapeEntry e : sorted) {
      pos = writeString(out, pos, e.infoHash().bytes());
      out[pos++] = 'd';
      pos = put(out, pos, COMPLETE);
      pos = writeInteger(out, pos, e.complete());
      pos = put(out, pos, DOWNLOADED);
      pos = writeInteger(out, pos, e.downloaded());
      pos = put(out, pos, INCOMPLETE);
      pos = writeInteger(out, pos, e.incomplete());
      out[pos++] = 'e';
    }
    out[pos++] = 'e';
    out[pos] = 'e';
    return out;
  }

  private static byte[] dictionaryModel(
      int head,
      int intervalSeconds,
      int minIntervalSeconds,
      long complete,
      long incomplete,
      PeerEntry[] peers,
      int count,
      boolean noPeerId) {
    byte[][] ips = new byte[count][];
    int size = 2 + head + 2;
    for (int i = 0; i < count; i++) {
      byte[] endpoint = peers[i].compactEndpoint();
      ips[i] = addressText(endpoint).getBytes(StandardCharsets.US_ASCII);
      size +=
          2
              + IP.length
              + (int) stringLength(ips[i].length)
              + PORT.length
              + integerLength(port(endpoint));
      if (!noPeerId) {
        size += PEER_ID.length + (int) stringLength(peers[i].peerId().length);
      }
    }
    byte[] out = new byte[size];
    int pos = writeHead(out, intervalSeconds, minIntervalSeconds, complete, incomplete);
    out[pos++] = 'l';
    for (int i = 0; i < count; i++) {
      out[pos++] = 'd';
      pos = put(out, pos, IP);
      pos = writeString(out, pos, ips[i]);
      if (!noPeerId) {
        pos = put(out, pos, PEER_ID);
        pos = writeString(out, pos, peers[i].peerId());
      }
      pos = put(out, pos, PORT);
      pos = writeInteger(out, pos, port(peers[i].compactEndpoint()));
      out[pos++] = 'e';
    }
    out[pos++] = 'e';
    out[pos] = 'e';
    return out;
  }

  private static int writeHead(
      byte[] out, int intervalSeconds, int minIntervalSeconds, long complete, long incomplete) {
    int pos = 0;
    out[pos++] = 'd';
    pos = put(out, pos, COMPLETE);
    pos = writeInteger(out, pos, complete);
    pos = put(out, pos, INCOMPLETE);
    pos = writeInteger(out, pos, incomplete);
    pos = put(out, pos, INTERVAL);
    pos = writeInteger(out, pos, intervalSeconds);
    pos = put(out, pos, MIN_INTERVAL);
    pos = writeInteger(out, pos, minIntervalSeconds);
    return put(out, pos, PEERS);
  }

  private static int put(byte[] out, int pos, byte[] encoded) {
    System.arraycopy(encoded, 0, out, pos, encoded.length);
    return pos + encoded.length;
  }

  private static int port(byte[] endpoint) {
    int n = endpoint.length;
    return (endpoint[n - 2] & 0xFF) << 8 | endpoint[n - 1] & 0xFF;
  }

  private static String addressText(byte[] endpoint) {
    try {
      return InetAddress.getByAddress(Arrays.copyOf(endpoint, endpoint.length - 2))
          .getHostAddress();
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException(
          "not a compact endpoint: " + endpoint.length + " bytes", e);
    }
  }
}

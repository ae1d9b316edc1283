package org.everseed.agent.webseed;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;
import org.everseed.agent.bandwidth.TokenBucket;
import org.everseed.api.Version;
import org.everseed.api.metainfo.Metainfo;
import org.everseed.api.metainfo.TorrentFile;

/**
 * Fetches pieces from BEP 19 web seeds. The URL of a file is, as BEP 19 says:
 *
 * <ul>
 *   <li>single-file torrent: the {@code url-list} entry itself, or the entry followed by the
 *       torrent's name when the entry ends with '/';
 *   <li>multi-file torrent: the entry (with a '/' added if missing), the torrent's name, '/', and
 *       the file's path, each component percent-encoded.
 * </ul>
 *
 * A piece spanning several files takes one Range request per file. Thread-safe.
 */
public final class WebSeedClient {

  /** One byte range of one file, in the order the piece's bytes come. */
  public record FileRange(String url, long first, long last) {
    public int length() {
      return (int) (last - first + 1);
    }
  }

  private static final int READ_CHUNK = 16 * 1024;

  private final HttpClient http;
  private final Duration timeout;

  public WebSeedClient(HttpClient http, Duration timeout) {
    this.http = http;
    this.timeout = timeout;
  }

  /** The URL BEP 19 gives {@code file} of {@code torrent} under web seed {@code base}. */
  public static String fileUrl(String base, Metainfo torrent, TorrentFile file) {
    if (torrent.isSingleFile()) {
      return base.endsWith("/") ? base + encode(torrent.name()) : base;
    }
    StringBuilder url = new StringBuilder(base);
    if (!base.endsWith("/")) {
      url.append('/');
    }
    url.append(encode(torrent.name()));
    for (String component : file.path()) {
      url.append('/').append(encode(component));
    }
    return url.toString();
  }

  /** The ranges of files that piece {@code piece} covers. */
  public static List<FileRange> rangesOf(String base, Metainfo torrent, int piece) {
    long start = (long) piece * torrent.pieceLength();
    long end = start + torrent.pieceSize(piece);
    List<FileRange> ranges = new ArrayList<>();
    for (TorrentFile file : torrent.files()) {
      long from = Math.max(start, file.offset());
      long to = Math.min(end, file.end());
      if (from < to) {
        ranges.add(
            new FileRange(
                fileUrl(base, torrent, file), from - file.offset(), to - file.offset() - 1));
      }
    }
    return ranges;
  }

  /**
   * Fetches and returns piece {@code piece} (unverified), waiting on {@code bucket} as it reads and
   * telling {@code received} every chunk's size. Gives up (answers empty) as soon as {@code
   * stillWanted} turns false, e.g. because a peer delivered the piece first.
   */
  public Optional<byte[]> fetchPiece(
      String base,
      Metainfo torrent,
      int piece,
      TokenBucket bucket,
      BooleanSupplier stillWanted,
      LongConsumer received)
      throws IOException, InterruptedException {
    byte[] data = new byte[torrent.pieceSize(piece)];
    int offset = 0;
    for (FileRange range : rangesOf(base, torrent, piece)) {
      HttpRequest request =
          HttpRequest.newBuilder(URI.create(range.url()))
              .timeout(timeout)
              .header("Range", "bytes=" + range.first() + "-" + range.last())
              .header("User-Agent", Version.agentUserAgent())
              .GET()
              .build();
      HttpResponse<InputStream> response =
          http.send(request, HttpResponse.BodyHandlers.ofInputStream());
      try (InputStream body = response.body()) {
        if (response.statusCode() != 206) {
          throw new IOException(
              "web seed answered HTTP " + response.statusCode() + " for " + range.url());
        }
        int remaining = range.length();
        while (remaining > 0) {
          int chunk = Math.min(READ_CHUNK, remaining);
          bucket.acquire(chunk);
          if (!stillWanted.getAsBoolean()) {
            return Optional.empty();
          }
          int read = body.readNBytes(data, offset, chunk);
          received.accept(read);
          if (read < chunk) {
            throw new IOException("web seed sent a short range for " + range.url());
          }
          offset += read;
          remaining -= read;
        }
      }
    }
    return Optional.of(data);
  }

  private static String encode(String component) {
    StringBuilder out = new StringBuilder();
    for (byte b : component.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xFF;
      if ((c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || c == '-'
          || c == '.'
          || c == '_'
          || c == '~') {
        out.append((char) c);
      } else {
        out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)));
        out.append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
      }
    }
    return out.toString();
  }
}

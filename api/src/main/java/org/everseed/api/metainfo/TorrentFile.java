package org.everseed.api.metainfo;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * One file of a torrent's content.
 *
 * @param path the path components below the torrent's root folder; for a single-file torrent, just
 *     the file name
 * @param length the size in bytes
 * @param offset where the file starts in the concatenation of all files that pieces are cut from
 */
public record TorrentFile(List<String> path, long length, long offset) {

  /**
   * The order torrents list their files in: by the '/'-joined path compared as unsigned UTF-8
   * bytes, the order {@code mktorrent} uses. Note "a-b" sorts before "a/b" because '-' &lt; '/'.
   */
  public static final Comparator<List<String>> CANONICAL_ORDER =
      (left, right) -> Arrays.compareUnsigned(joinedBytes(left), joinedBytes(right));

  public TorrentFile {
    path = List.copyOf(path);
    PathRules.check(path);
    if (length < 0 || offset < 0) {
      throw new InvalidMetainfoException(
          "file '" + String.join("/", path) + "' has a negative length or offset");
    }
  }

  /** The path components joined with '/'. */
  public String relativePath() {
    return String.join("/", path);
  }

  /** Where the file lives below {@code root}. */
  public Path resolveAgainst(Path root) {
    Path resolved = root;
    for (String component : path) {
      resolved = resolved.resolve(component);
    }
    return resolved;
  }

  /** The offset just past the file's last byte. */
  public long end() {
    return offset + length;
  }

  private static byte[] joinedBytes(List<String> path) {
    return String.join("/", path).getBytes(StandardCharsets.UTF_8);
  }
}

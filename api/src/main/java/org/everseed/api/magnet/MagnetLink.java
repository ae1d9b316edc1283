package org.everseed.api.magnet;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.everseed.api.metainfo.InfoHash;
import org.everseed.api.metainfo.Metainfo;
import org.everseed.api.metainfo.PercentEncoding;

/**
 * A v1 magnet link.
 *
 * <pre>
 * magnet:?xt=urn:btih:&lt;40 hex or 32 base32&gt;   exactly one v1 info-hash (other xt kinds are ignored)
 *         &amp;dn=&lt;display name&gt;                   optional
 *         &amp;tr=&lt;tracker URL&gt;                    any number
 *         &amp;ws=&lt;web seed URL&gt;                   any number (BEP 19)
 *         &amp;xl=&lt;length in bytes&gt;                optional
 * </pre>
 *
 * Values are percent-encoded UTF-8; when parsing, '+' also stands for a space, as browsers write
 * it.
 */
public record MagnetLink(
    InfoHash infoHash,
    Optional<String> displayName,
    List<String> trackers,
    List<String> webSeeds,
    OptionalLong exactLength) {

  private static final String PREFIX = "magnet:?";
  private static final String BTIH = "urn:btih:";

  public MagnetLink {
    Objects.requireNonNull(infoHash);
    Objects.requireNonNull(displayName);
    trackers = List.copyOf(trackers);
    webSeeds = List.copyOf(webSeeds);
    Objects.requireNonNull(exactLength);
    if (exactLength.isPresent() && exactLength.getAsLong() < 0) {
      throw new IllegalArgumentException("negative exact length " + exactLength.getAsLong());
    }
  }

  /** The magnet link of a torrent: its info-hash, name, trackers, web seeds and length. */
  public static MagnetLink of(Metainfo torrent) {
    return new MagnetLink(
        torrent.infoHash(),
        Optional.of(torrent.name()),
        torrent.trackers(),
        torrent.webSeeds(),
        OptionalLong.of(torrent.totalLength()));
  }

  public static MagnetLink parse(String uri) {
    if (!uri.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
      throw new InvalidMagnetLinkException("a magnet link starts with 'magnet:?': '" + uri + "'");
    }
    InfoHash infoHash = null;
    String displayName = null;
    List<String> trackers = new ArrayList<>();
    List<String> webSeeds = new ArrayList<>();
    OptionalLong exactLength = OptionalLong.empty();
    String query = uri.substring(PREFIX.length());
    for (String parameter : query.split("&", -1)) {
      if (parameter.isEmpty()) {
        continue;
      }
      int equals = parameter.indexOf('=');
      if (equals <= 0) {
        throw new InvalidMagnetLinkException("parameter '" + parameter + "' has no 'key=value'");
      }
      String key = parameter.substring(0, equals);
      String value = decode(parameter.substring(equals + 1), key);
      switch (key) {
        case "xt" -> {
          if (value.regionMatches(true, 0, BTIH, 0, BTIH.length())) {
            InfoHash parsed = parseInfoHash(value.substring(BTIH.length()));
            if (infoHash != null && !infoHash.equals(parsed)) {
              throw new InvalidMagnetLinkException("two different urn:btih info-hashes in " + uri);
            }
            infoHash = parsed;
          }
        }
        case "dn" -> displayName = value;
        case "tr" -> trackers.add(value);
        case "ws" -> webSeeds.add(value);
        case "xl" -> exactLength = OptionalLong.of(parseLength(value));
        default -> {
          // Other parameters (x.pe, so, kt, ...) are for features Everseed does not use.
        }
      }
    }
    if (infoHash == null) {
      throw new InvalidMagnetLinkException("no 'xt=urn:btih:' info-hash in " + uri);
    }
    return new MagnetLink(
        infoHash, Optional.ofNullable(displayName), trackers, webSeeds, exactLength);
  }

  /** The link, with the info-hash in hex and every value percent-encoded. */
  public String toUri() {
    StringBuilder uri =
        new StringBuilder(PREFIX).append("xt=").append(BTIH).append(infoHash.toHex());
    displayName.ifPresent(name -> uri.append("&dn=").append(encode(name)));
    exactLength.ifPresent(length -> uri.append("&xl=").append(length));
    trackers.forEach(url -> uri.append("&tr=").append(encode(url)));
    webSeeds.forEach(url -> uri.append("&ws=").append(encode(url)));
    return uri.toString();
  }

  @Override
  public String toString() {
    return toUri();
  }

  private static InfoHash parseInfoHash(String text) {
    if (text.length() != 40 && text.length() != 32) {
      throw new InvalidMagnetLinkException(
          "urn:btih: needs 40 hex or 32 base32 characters, got "
              + text.length()
              + ": '"
              + text
              + "'");
    }
    try {
      return InfoHash.parse(text);
    } catch (IllegalArgumentException e) {
      throw new InvalidMagnetLinkException(e.getMessage(), e);
    }
  }

  private static long parseLength(String text) {
    try {
      long length = Long.parseLong(text);
      if (length >= 0 && text.chars().allMatch(c -> c >= '0' && c <= '9')) {
        return length;
      }
    } catch (NumberFormatException e) {
      // Reported below with the same message as a negative number.
    }
    throw new InvalidMagnetLinkException("xl must be a length in bytes, got '" + text + "'");
  }

  private static String decode(String value, String key) {
    byte[] bytes;
    try {
      bytes = PercentEncoding.decode(value.replace('+', ' '));
    } catch (IllegalArgumentException e) {
      throw new InvalidMagnetLinkException("bad '" + key + "' value: " + e.getMessage(), e);
    }
    try {
      return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw new InvalidMagnetLinkException("'" + key + "' is not percent-encoded UTF-8", e);
    }
  }

  private static String encode(String value) {
    return PercentEncoding.encode(value.getBytes(StandardCharsets.UTF_8));
  }
}

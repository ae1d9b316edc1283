package org.everseed.api.metainfo;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The v1 info-hash: SHA-1 of a torrent's bencoded info dictionary, as the bytes appear in the file.
 * It names the torrent everywhere: tracker requests carry its 20 raw bytes URL-encoded, magnet
 * links its hex or base32 form.
 */
public final class InfoHash implements Comparable<InfoHash> {

  /** Bytes in a SHA-1 digest. */
  public static final int LENGTH = 20;

  private static final HexFormat HEX = HexFormat.of();
  private static final String BASE32_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

  private final byte[] bytes;

  private InfoHash(byte[] bytes) {
    this.bytes = bytes;
  }

  /** Wraps a copy of 20 raw bytes. */
  public static InfoHash of(byte[] bytes) {
    if (bytes.length != LENGTH) {
      throw new IllegalArgumentException(
          "an info-hash is " + LENGTH + " bytes, got " + bytes.length);
    }
    return new InfoHash(bytes.clone());
  }

  /** The info-hash of an encoded info dictionary. */
  public static InfoHash ofInfoDictionary(byte[] encodedInfo) {
    return ofInfoDictionary(encodedInfo, 0, encodedInfo.length);
  }

  /** The info-hash of the info dictionary at {@code encoded[offset, offset + length)}. */
  public static InfoHash ofInfoDictionary(byte[] encoded, int offset, int length) {
    MessageDigest sha1 = sha1();
    sha1.update(encoded, offset, length);
    return new InfoHash(sha1.digest());
  }

  /** Parses 40 hex digits (either case). */
  public static InfoHash fromHex(String hex) {
    if (hex.length() != 2 * LENGTH) {
      throw new IllegalArgumentException(
          "a hex info-hash is 40 characters, got " + hex.length() + ": '" + hex + "'");
    }
    try {
      return new InfoHash(HEX.parseHex(hex));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("not a hex info-hash: '" + hex + "'", e);
    }
  }

  /** Parses 32 characters of RFC 4648 base32 (either case, no padding), as older magnets use. */
  public static InfoHash fromBase32(String base32) {
    if (base32.length() != 32) {
      throw new IllegalArgumentException(
          "a base32 info-hash is 32 characters, got " + base32.length() + ": '" + base32 + "'");
    }
    byte[] out = new byte[LENGTH];
    long buffer = 0;
    int bits = 0;
    int pos = 0;
    for (int i = 0; i < base32.length(); i++) {
      int value = BASE32_ALPHABET.indexOf(Character.toUpperCase(base32.charAt(i)));
      if (value < 0) {
        throw new IllegalArgumentException(
            "not a base32 info-hash: '" + base32 + "' has '" + base32.charAt(i) + "'");
      }
      buffer = (buffer << 5) | value;
      bits += 5;
      if (bits >= 8) {
        bits -= 8;
        out[pos++] = (byte) (buffer >>> bits);
      }
    }
    return new InfoHash(out);
  }

  /** Parses either form, told apart by length (40 hex or 32 base32 characters). */
  public static InfoHash parse(String text) {
    return text.length() == 32 ? fromBase32(text) : fromHex(text);
  }

  /** Decodes the percent-encoded raw bytes of a tracker request's {@code info_hash}. */
  public static InfoHash fromUrlEncoded(CharSequence urlEncoded) {
    return of(PercentEncoding.decode(urlEncoded));
  }

  /** A copy of the 20 raw bytes. */
  public byte[] bytes() {
    return bytes.clone();
  }

  /** 40 lowercase hex digits, the form {@code transmission-show} and most clients print. */
  public String toHex() {
    return HEX.formatHex(bytes);
  }

  /** 32 uppercase base32 characters. */
  public String toBase32() {
    StringBuilder out = new StringBuilder(32);
    long buffer = 0;
    int bits = 0;
    for (byte b : bytes) {
      buffer = (buffer << 8) | (b & 0xFF);
      bits += 8;
      while (bits >= 5) {
        bits -= 5;
        out.append(BASE32_ALPHABET.charAt((int) (buffer >>> bits) & 31));
      }
    }
    return out.toString();
  }

  /** The raw bytes percent-encoded for a tracker URL ({@code info_hash=...}). */
  public String toUrlEncoded() {
    return PercentEncoding.encode(bytes);
  }

  @Override
  public int compareTo(InfoHash other) {
    return Arrays.compareUnsigned(bytes, other.bytes);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof InfoHash that && Arrays.equals(bytes, that.bytes);
  }

  @Override
  public int hashCode() {
    // SHA-1 output is uniformly distributed, so its first bytes are already a good hash.
    return (bytes[0] & 0xFF) << 24
        | (bytes[1] & 0xFF) << 16
        | (bytes[2] & 0xFF) << 8
        | bytes[3] & 0xFF;
  }

  @Override
  public String toString() {
    return toHex();
  }

  static MessageDigest sha1() {
    try {
      return MessageDigest.getInstance("SHA-1");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime provides SHA-1", e);
    }
  }
}

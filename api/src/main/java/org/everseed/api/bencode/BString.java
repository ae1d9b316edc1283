package org.everseed.api.bencode;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;

/**
 * A bencoded byte string. It holds bytes, not text: file names, piece hashes and peer ids are all
 * byte strings, and only some of them are UTF-8.
 *
 * <p>Ordering is unsigned byte-wise, the order BEP 3 requires for dictionary keys.
 */
public record BString(byte[] bytes) implements BValue, Comparable<BString> {

  /** Copies {@code bytes}, so later changes to the caller's array do not leak in. */
  public BString {
    bytes = bytes.clone();
  }

  /** The UTF-8 encoding of {@code text}. */
  public static BString of(String text) {
    return new BString(text.getBytes(StandardCharsets.UTF_8));
  }

  /** A copy of the bytes. */
  @Override
  public byte[] bytes() {
    return bytes.clone();
  }

  /** The internal array, for encoders in this package that only read it. */
  byte[] bytesView() {
    return bytes;
  }

  /** The number of bytes. */
  public int length() {
    return bytes.length;
  }

  /** The byte at {@code index}. */
  public byte byteAt(int index) {
    return bytes[index];
  }

  /** A read-only view of the bytes, without copying. */
  public ByteBuffer asByteBuffer() {
    return ByteBuffer.wrap(bytes).asReadOnlyBuffer();
  }

  /**
   * The bytes decoded as UTF-8, with malformed sequences replaced by U+FFFD. Use {@link
   * #asStrictUtf8()} where a wrong byte must be an error.
   */
  public String asUtf8() {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  /** The bytes decoded as UTF-8, or empty if they are not well-formed UTF-8. */
  public Optional<String> asStrictUtf8() {
    try {
      return Optional.of(
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString());
    } catch (CharacterCodingException e) {
      return Optional.empty();
    }
  }

  /** Whether the bytes equal the UTF-8 encoding of {@code text}. */
  public boolean contentEquals(String text) {
    return Arrays.equals(bytes, text.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public long encodedLength() {
    return BencodeWriter.stringLength(bytes.length);
  }

  @Override
  public String kind() {
    return "string";
  }

  @Override
  public int compareTo(BString other) {
    return Arrays.compareUnsigned(bytes, other.bytes);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof BString that && Arrays.equals(bytes, that.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  /** The text if it is printable UTF-8, otherwise the bytes in hex; for logs and messages. */
  @Override
  public String toString() {
    Optional<String> text = asStrictUtf8();
    if (text.isPresent() && text.get().codePoints().noneMatch(Character::isISOControl)) {
      return '"' + text.get() + '"';
    }
    return "0x" + HexFormat.of().formatHex(bytes);
  }
}

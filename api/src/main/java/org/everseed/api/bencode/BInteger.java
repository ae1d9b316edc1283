package org.everseed.api.bencode;

/**
 * A bencoded integer. BEP 3 allows any size; every integer in the formats Everseed speaks (lengths,
 * counts, dates, ports) fits in 64 bits, so larger ones are rejected by the decoder.
 */
public record BInteger(long value) implements BValue {

  public static BInteger of(long value) {
    return new BInteger(value);
  }

  @Override
  public long encodedLength() {
    return BencodeWriter.integerLength(value);
  }

  @Override
  public String kind() {
    return "integer";
  }

  @Override
  public String toString() {
    return Long.toString(value);
  }
}

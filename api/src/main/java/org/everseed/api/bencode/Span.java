package org.everseed.api.bencode;

import java.util.Arrays;

/**
 * Where a value sits in the input it was decoded from: bytes {@code [offset, offset + length)}. The
 * info-hash of a torrent is the SHA-1 of its info dictionary's span.
 */
public record Span(int offset, int length) {

  public Span {
    if (offset < 0 || length < 0) {
      throw new IllegalArgumentException("negative span " + offset + "+" + length);
    }
  }

  public int end() {
    return offset + length;
  }

  /** A copy of these bytes of {@code input}. */
  public byte[] copyOf(byte[] input) {
    return Arrays.copyOfRange(input, offset, end());
  }
}

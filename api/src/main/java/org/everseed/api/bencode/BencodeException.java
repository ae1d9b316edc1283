package org.everseed.api.bencode;

/**
 * Bencoded input that is malformed, non-canonical, beyond a {@link BencodeLimits limit}, or of
 * another shape than the caller expected. When the problem is at a place in the input, {@link
 * #offset()} is that byte offset; otherwise it is -1.
 */
public class BencodeException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final long offset;
  private final String reason;

  /** A problem at byte {@code offset} of the input. */
  public BencodeException(String reason, long offset) {
    super(reason + " at byte " + offset);
    this.reason = reason;
    this.offset = offset;
  }

  /** A problem with the shape of a decoded value, not tied to a place in the input. */
  public BencodeException(String reason) {
    super(reason);
    this.reason = reason;
    this.offset = -1;
  }

  /** The byte offset in the input where the problem was found, or -1. */
  public long offset() {
    return offset;
  }

  /** What is wrong, without the offset. */
  public String reason() {
    return reason;
  }
}

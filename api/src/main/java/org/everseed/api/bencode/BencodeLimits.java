package org.everseed.api.bencode;

/**
 * Bounds the decoder enforces so hostile input cannot exhaust the stack or memory.
 *
 * @param maxDepth how deeply lists and dictionaries may nest (the outermost container is depth 1)
 * @param maxInputSize the largest input accepted, in bytes
 * @param maxStringLength the longest single byte string, in bytes
 */
public record BencodeLimits(int maxDepth, long maxInputSize, long maxStringLength) {

  /**
   * Enough for any real {@code .torrent}: a 4 TiB payload in 16 MiB pieces has a 5 MiB {@code
   * pieces} string, and no format nests beyond a handful of levels.
   */
  public static final BencodeLimits DEFAULT = new BencodeLimits(64, 64L << 20, 32L << 20);

  public BencodeLimits {
    // The decoder recurses once per level; 1024 frames fit any thread's default stack.
    if (maxDepth < 1 || maxDepth > 1024) {
      throw new IllegalArgumentException("maxDepth must be within 1..1024, got " + maxDepth);
    }
    if (maxInputSize < 1) {
      throw new IllegalArgumentException("maxInputSize must be positive, got " + maxInputSize);
    }
    if (maxStringLength < 0) {
      throw new IllegalArgumentException(
          "maxStringLength must not be negative, got " + maxStringLength);
    }
  }

  public BencodeLimits withMaxDepth(int depth) {
    return new BencodeLimits(depth, maxInputSize, maxStringLength);
  }

  public BencodeLimits withMaxInputSize(long size) {
    return new BencodeLimits(maxDepth, size, maxStringLength);
  }

  public BencodeLimits withMaxStringLength(long length) {
    return new BencodeLimits(maxDepth, maxInputSize, length);
  }
}

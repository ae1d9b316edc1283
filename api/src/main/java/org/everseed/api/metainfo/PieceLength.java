package org.everseed.api.metainfo;

/** The rules and the automatic choice of a torrent's piece length. */
public final class PieceLength {

  /** 16 KiB: the block size of the peer protocol, so no piece is smaller than one request. */
  public static final int MIN = 16 << 10;

  /** 16 MiB: the largest length the automatic choice picks; bigger pieces slow swarms down. */
  public static final int MAX_AUTOMATIC = 16 << 20;

  /** 1 GiB: the largest length accepted when reading a torrent. */
  public static final int MAX = 1 << 30;

  /** The automatic choice aims for at most this many pieces (and at least half as many). */
  static final long TARGET_MAX_PIECES = 2000;

  private PieceLength() {}

  /**
   * The smallest power of two between {@link #MIN} and {@link #MAX_AUTOMATIC} that cuts {@code
   * totalLength} into at most 2000 pieces: 1 MiB for 1 GiB, 16 MiB from 32 GiB on.
   */
  public static int automatic(long totalLength) {
    int length = MIN;
    while (length < MAX_AUTOMATIC && pieceCount(totalLength, length) > TARGET_MAX_PIECES) {
      length <<= 1;
    }
    return length;
  }

  /** Throws with a clear message unless {@code length} is a power of two in MIN..MAX. */
  public static void check(long length) {
    if (length < MIN) {
      throw new InvalidMetainfoException(
          "piece length " + length + " is below the minimum of " + MIN + " bytes (16 KiB)");
    }
    if (length > MAX) {
      throw new InvalidMetainfoException(
          "piece length " + length + " is above the maximum of " + MAX + " bytes (1 GiB)");
    }
    if (Long.bitCount(length) != 1) {
      throw new InvalidMetainfoException("piece length " + length + " is not a power of two");
    }
  }

  /** Pieces needed for {@code totalLength} bytes: the last one may be shorter. */
  public static long pieceCount(long totalLength, int pieceLength) {
    return (totalLength + pieceLength - 1) / pieceLength;
  }
}

package org.everseed.application.webseed;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;
import org.everseed.api.metainfo.Metainfo;

/**
 * Compares a payload in the store with its torrent: quickly (every file there, with its size) or
 * thoroughly (every piece hashed). Pure file reading, no container: unit-tested on a temp folder.
 */
public final class PayloadInspection {
  private static final String WHAT_TO_DO =
      " Restore the payload store from the backup, or re-publish the same files (same info-hash).";

  /** What a check found. */
  public record Finding(PayloadProblem.Kind kind, String detail) {}

  private PayloadInspection() {}

  /** Every file present with the size the torrent gives it. */
  public static Optional<Finding> sizes(SeedablePayload payload) {
    if (!Files.isDirectory(payload.root())) {
      return Optional.of(
          new Finding(
              PayloadProblem.Kind.MISSING,
              "the payload folder " + payload.root() + " is missing." + WHAT_TO_DO));
    }
    var files = payload.layout().files();
    for (int i = 0; i < files.size(); i++) {
      Path file = payload.file(i);
      long expected = files.get(i).length();
      try {
        long actual = Files.size(file);
        if (actual != expected) {
          return Optional.of(
              new Finding(
                  PayloadProblem.Kind.DAMAGED,
                  "file "
                      + file
                      + " has "
                      + actual
                      + " bytes where the torrent says "
                      + expected
                      + "."
                      + WHAT_TO_DO));
        }
      } catch (NoSuchFileException e) {
        return Optional.of(
            new Finding(
                PayloadProblem.Kind.MISSING,
                "file " + file + " is missing from the payload store." + WHAT_TO_DO));
      } catch (IOException e) {
        return Optional.of(
            new Finding(
                PayloadProblem.Kind.DAMAGED, "file " + file + " cannot be read: " + e + "."));
      }
    }
    return Optional.empty();
  }

  /** {@link #sizes} first, then every piece read in order and compared with its SHA-1. */
  public static Optional<Finding> pieces(SeedablePayload payload, Metainfo metainfo) {
    Optional<Finding> sizes = sizes(payload);
    if (sizes.isPresent()) {
      return sizes;
    }
    MessageDigest sha1 = sha1();
    int pieceLength = metainfo.pieceLength();
    byte[] buffer = new byte[64 * 1024];
    long inPiece = 0;
    int piece = 0;
    var files = payload.layout().files();
    for (int i = 0; i < files.size(); i++) {
      try (InputStream in = Files.newInputStream(payload.file(i))) {
        long left = files.get(i).length();
        while (left > 0) {
          int want = (int) Math.min(buffer.length, Math.min(left, pieceLength - inPiece));
          int n = in.read(buffer, 0, want);
          if (n < 0) {
            return Optional.of(
                new Finding(
                    PayloadProblem.Kind.DAMAGED,
                    "file " + payload.file(i) + " ended early while being read." + WHAT_TO_DO));
          }
          sha1.update(buffer, 0, n);
          left -= n;
          inPiece += n;
          if (inPiece == pieceLength) {
            if (!metainfo.pieceHashEquals(piece, sha1.digest())) {
              return Optional.of(damagedPiece(piece, payload));
            }
            piece++;
            inPiece = 0;
          }
        }
      } catch (IOException e) {
        return Optional.of(
            new Finding(
                PayloadProblem.Kind.DAMAGED,
                "file " + payload.file(i) + " cannot be read: " + e + "."));
      }
    }
    if (inPiece > 0 && !metainfo.pieceHashEquals(piece, sha1.digest())) {
      return Optional.of(damagedPiece(piece, payload));
    }
    return Optional.empty();
  }

  private static Finding damagedPiece(int piece, SeedablePayload payload) {
    return new Finding(
        PayloadProblem.Kind.DAMAGED,
        "piece "
            + piece
            + " of the payload in "
            + payload.root()
            + " does not match the torrent's hash: a file was changed on disk."
            + WHAT_TO_DO);
  }

  private static MessageDigest sha1() {
    try {
      return MessageDigest.getInstance("SHA-1");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-1", e);
    }
  }
}

package org.everseed.application.publishing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;
import org.everseed.api.metainfo.ContentLayout;
import org.everseed.api.metainfo.InvalidMetainfoException;
import org.everseed.api.metainfo.Metainfo;
import org.everseed.api.metainfo.PieceHasher;
import org.everseed.api.metainfo.TorrentFile;

/**
 * One upload in progress: files are streamed into a staging folder and fed to a {@link PieceHasher}
 * in the same pass, so publishing reads each byte once. Hashing runs on the given executor (all
 * cores) while the request thread keeps writing.
 *
 * <p>Pieces span file boundaries, so one pass only works when files arrive in torrent order (sorted
 * by path, as {@code mktorrent} orders them; or the order of an imported torrent). When they do
 * not, {@link #finish()} hashes the staged files again in the right order.
 *
 * <p>Not thread-safe: one request feeds it.
 */
public final class Upload implements AutoCloseable {
  private static final int COPY_BUFFER = 1 << 20;

  private final Path staging;
  private final Path content;
  private final int pieceLength;
  private final Optional<Metainfo> imported;
  private final long maxBytes;
  private final ExecutorService executor;
  private final int parallelism;
  private final Consumer<Path> cleanup;
  private final Map<List<String>, Long> received = new LinkedHashMap<>();
  private final PieceHasher hasher;
  private final byte[] buffer = new byte[COPY_BUFFER];
  private long bytes;
  private boolean handedOver;

  Upload(
      Path staging,
      int pieceLength,
      Optional<Metainfo> imported,
      long maxBytes,
      ExecutorService executor,
      int parallelism,
      Consumer<Path> cleanup) {
    this.staging = staging;
    this.content = staging.resolve("content");
    this.pieceLength = pieceLength;
    this.imported = imported;
    this.maxBytes = maxBytes;
    this.executor = executor;
    this.parallelism = parallelism;
    this.cleanup = cleanup;
    this.hasher = PieceHasher.onExecutor(pieceLength, executor, parallelism, done -> {});
  }

  public int pieceLength() {
    return pieceLength;
  }

  /** The name of the first file received, empty before any. */
  public String firstFileName() {
    return received.keySet().stream().findFirst().map(path -> path.get(path.size() - 1)).orElse("");
  }

  /** Bytes received so far. */
  public long bytes() {
    return bytes;
  }

  /**
   * Streams one file into the staging folder while hashing it.
   *
   * @param relativePath the file's path in the release, slash-separated ({@code bin/app.jar})
   */
  public void addFile(String relativePath, InputStream in) throws IOException {
    List<String> path = checkedPath(relativePath);
    if (received.containsKey(path)) {
      throw new UploadRejectedException(
          UploadRejectedException.Reason.INVALID, "file", "file '" + relativePath + "' sent twice");
    }
    Path target = content.resolve(String.join("/", path));
    Files.createDirectories(target.getParent());
    long length = 0;
    try (FileChannel out =
        FileChannel.open(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      int n;
      while ((n = in.read(buffer)) > 0) {
        bytes += n;
        length += n;
        if (bytes > maxBytes) {
          throw new UploadRejectedException(
              UploadRejectedException.Reason.TOO_LARGE,
              "file",
              "the upload is larger than the limit of " + maxBytes + " bytes");
        }
        ByteBuffer chunk = ByteBuffer.wrap(buffer, 0, n);
        while (chunk.hasRemaining()) {
          out.write(chunk);
        }
        hasher.update(buffer, 0, n);
      }
    }
    received.put(path, length);
  }

  /** Completes hashing and describes the staged content; the upload then belongs to the caller. */
  public StagedUpload finish(String multiFileName) throws IOException {
    if (received.isEmpty()) {
      throw new UploadRejectedException(
          UploadRejectedException.Reason.INVALID, "file", "the upload holds no file");
    }
    ContentLayout layout = layoutFor(multiFileName);
    List<List<String>> arrival = new ArrayList<>(received.keySet());
    List<List<String>> expected = layout.files().stream().map(TorrentFile::path).toList();
    byte[] pieces;
    boolean onePass = arrival.equals(expected);
    if (onePass) {
      pieces = hasher.finish();
    } else {
      hasher.close();
      pieces = rehash(expected);
    }
    Path root = staging.resolve(layout.name());
    if (layout.singleFile()) {
      Files.move(content.resolve(String.join("/", arrival.get(0))), root);
      Files.delete(content);
    } else {
      Files.move(content, root);
    }
    imported.ifPresent(torrent -> verifyAgainst(torrent, pieces));
    handedOver = true;
    List<String> first = arrival.get(0);
    return new StagedUpload(
        staging, layout, pieceLength, pieces, imported, first.get(first.size() - 1), onePass);
  }

  /** Deletes the staging folder unless {@link #finish} handed it over. */
  @Override
  public void close() {
    hasher.close();
    if (!handedOver) {
      cleanup.accept(staging);
    }
  }

  private ContentLayout layoutFor(String multiFileName) {
    if (imported.isPresent()) {
      ContentLayout layout = imported.get().layout();
      Map<List<String>, Long> expected = new LinkedHashMap<>();
      for (TorrentFile f : layout.files()) {
        expected.put(f.path(), f.length());
      }
      if (!expected.equals(Map.copyOf(received))) {
        throw new UploadRejectedException(
            UploadRejectedException.Reason.INVALID,
            "file",
            "the uploaded files "
                + describe(received)
                + " are not the torrent's files "
                + describe(expected));
      }
      return layout;
    }
    try {
      if (received.size() == 1 && received.keySet().iterator().next().size() == 1) {
        Map.Entry<List<String>, Long> only = received.entrySet().iterator().next();
        return ContentLayout.singleFile(only.getKey().get(0), only.getValue());
      }
      return ContentLayout.multiFile(multiFileName, received);
    } catch (InvalidMetainfoException e) {
      throw new UploadRejectedException(
          UploadRejectedException.Reason.INVALID, "file", e.getMessage(), e);
    }
  }

  private byte[] rehash(List<List<String>> order) throws IOException {
    try (PieceHasher again = PieceHasher.onExecutor(pieceLength, executor, parallelism, d -> {})) {
      for (List<String> path : order) {
        try (FileChannel in = FileChannel.open(content.resolve(String.join("/", path)))) {
          again.readFrom(in);
        }
      }
      return again.finish();
    }
  }

  private static void verifyAgainst(Metainfo torrent, byte[] pieces) {
    byte[] expected = torrent.pieceHashes();
    if (!Arrays.equals(expected, pieces)) {
      int piece = 0;
      while (piece * 20 < Math.min(expected.length, pieces.length)
          && Arrays.equals(
              expected, piece * 20, piece * 20 + 20, pieces, piece * 20, piece * 20 + 20)) {
        piece++;
      }
      throw new UploadRejectedException(
          UploadRejectedException.Reason.INVALID,
          "file",
          "the uploaded payload does not match the torrent: piece " + piece + " differs");
    }
  }

  private static List<String> checkedPath(String relativePath) {
    if (relativePath == null || relativePath.isBlank()) {
      throw new UploadRejectedException(
          UploadRejectedException.Reason.INVALID, "file", "a file part has no file name");
    }
    List<String> path = List.of(relativePath.replace('\\', '/').split("/", -1));
    try {
      // The metainfo's path rules: no '..', no empty or absolute components, no NUL.
      new TorrentFile(path, 0, 0);
    } catch (InvalidMetainfoException e) {
      throw new UploadRejectedException(
          UploadRejectedException.Reason.INVALID, "file", e.getMessage(), e);
    }
    return path;
  }

  private static String describe(Map<List<String>, Long> files) {
    return files.keySet().stream().map(p -> String.join("/", p)).sorted().toList().toString();
  }
}

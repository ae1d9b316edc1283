package org.everseed.api.metainfo;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.everseed.api.Version;

/**
 * Makes a torrent from a file or a folder on disk: lists the files in canonical order, hashes them
 * with a {@link PieceHasher} on every core (memory stays constant whatever the size), and builds
 * the {@link Metainfo} with a {@link MetainfoBuilder}.
 *
 * <pre>{@code
 * Metainfo torrent = TorrentCreator.of(Path.of("release-1.2"))
 *     .announce("https://everseed.example/announce/PASSKEY")
 *     .webSeed("https://everseed.example/seed/PASSKEY/")
 *     .create();
 * }</pre>
 */
public final class TorrentCreator {

  /** Files at least this large are mapped rather than read. */
  static final long MAP_THRESHOLD = 8L << 20;

  /** Mappings are made this large at most (a power of two, so windows end on piece bounds). */
  private static final long MAP_WINDOW = 1L << 30;

  private final Path source;
  private final List<List<String>> trackerTiers = new ArrayList<>();
  private final List<String> webSeeds = new ArrayList<>();
  private String name;
  private int pieceLength;
  private boolean privateTorrent = true;
  private String createdBy = "Everseed " + Version.current();
  private Instant creationDate = Instant.now().truncatedTo(ChronoUnit.SECONDS);
  private boolean withCreationDate = true;
  private String comment;
  private int threads = Runtime.getRuntime().availableProcessors();
  private HashProgress progress = (done, total) -> {};

  private TorrentCreator(Path source) {
    this.source = Objects.requireNonNull(source);
  }

  /** A creator for the file or folder at {@code source}. */
  public static TorrentCreator of(Path source) {
    return new TorrentCreator(source);
  }

  /** The torrent's name; by default the source's file name. */
  public TorrentCreator name(String torrentName) {
    this.name = torrentName;
    return this;
  }

  /**
   * A fixed piece length (a power of two, at least 16 KiB); by default {@link
   * PieceLength#automatic}.
   */
  public TorrentCreator pieceLength(int length) {
    PieceLength.check(length);
    this.pieceLength = length;
    return this;
  }

  public TorrentCreator announce(String trackerUrl) {
    trackerTiers.add(List.of(trackerUrl));
    return this;
  }

  public TorrentCreator announceTier(List<String> trackerUrls) {
    trackerTiers.add(List.copyOf(trackerUrls));
    return this;
  }

  public TorrentCreator webSeed(String url) {
    webSeeds.add(url);
    return this;
  }

  /** Private (BEP 27) by default, as Everseed's swarms are. */
  public TorrentCreator privateTorrent(boolean isPrivate) {
    this.privateTorrent = isPrivate;
    return this;
  }

  /** The {@code created by} text; null leaves it out. Defaults to "Everseed" and the version. */
  public TorrentCreator createdBy(String program) {
    this.createdBy = program;
    return this;
  }

  /** The {@code creation date}; null leaves it out so the file is reproducible. Defaults to now. */
  public TorrentCreator creationDate(Instant date) {
    this.creationDate = date;
    this.withCreationDate = date != null;
    return this;
  }

  public TorrentCreator comment(String text) {
    this.comment = text;
    return this;
  }

  /** Hashing threads; by default one per available processor. */
  public TorrentCreator threads(int count) {
    if (count < 1) {
      throw new IllegalArgumentException("threads must be positive, got " + count);
    }
    this.threads = count;
    return this;
  }

  public TorrentCreator progress(HashProgress listener) {
    this.progress = Objects.requireNonNull(listener);
    return this;
  }

  /** Lists the files, hashes them and builds the torrent. */
  public Metainfo create() throws IOException {
    ContentLayout layout = scan(source, name);
    int length = pieceLength > 0 ? pieceLength : PieceLength.automatic(layout.totalLength());
    long total = layout.totalLength();
    byte[] pieces;
    try (PieceHasher hasher =
        PieceHasher.withThreads(length, threads, done -> progress.hashed(done, total))) {
      for (TorrentFile file : layout.files()) {
        Path path = layout.singleFile() ? source : file.resolveAgainst(source);
        long read = hash(path, hasher);
        if (read != file.length()) {
          throw new IOException(
              path + " changed while it was hashed: " + read + " bytes, expected " + file.length());
        }
      }
      pieces = hasher.finish();
    }
    MetainfoBuilder builder =
        new MetainfoBuilder(layout, length, pieces)
            .privateTorrent(privateTorrent)
            .createdBy(createdBy)
            .creationDate(withCreationDate ? creationDate : null)
            .comment(comment);
    trackerTiers.forEach(builder::announceTier);
    webSeeds.forEach(builder::webSeed);
    return builder.build();
  }

  /**
   * Feeds one file to the hasher. Large files are mapped read-only and hashed in place, which
   * spares a copy and leaves both cores to SHA-1; small ones are read, as mapping costs more than
   * it saves for them.
   */
  private static long hash(Path path, PieceHasher hasher) throws IOException {
    try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
      long size = channel.size();
      if (size < MAP_THRESHOLD) {
        return hasher.readFrom(channel);
      }
      long position = 0;
      while (position < size) {
        long window = Math.min(MAP_WINDOW, size - position);
        hasher.updateInPlace(channel.map(FileChannel.MapMode.READ_ONLY, position, window));
        position += window;
      }
      // Bytes appended while hashing are not part of the torrent, but they mean the file changed.
      return channel.size() == size ? size : channel.size();
    }
  }

  /**
   * The layout of the file or folder at {@code source}: a single-file torrent for a regular file,
   * otherwise every regular file below the folder (hidden ones included, symbolic links to folders
   * not followed), in canonical order.
   *
   * @param name the torrent's name, or null for the source's file name
   */
  public static ContentLayout scan(Path source, String name) throws IOException {
    Path fileName = source.toAbsolutePath().normalize().getFileName();
    String torrentName = name != null ? name : fileName == null ? null : fileName.toString();
    if (torrentName == null) {
      throw new IllegalArgumentException("cannot name a torrent after " + source + "; give a name");
    }
    if (Files.isRegularFile(source)) {
      return ContentLayout.singleFile(torrentName, Files.size(source));
    }
    if (!Files.isDirectory(source)) {
      throw new NoSuchFileException(source.toString(), null, "neither a file nor a folder");
    }
    Map<List<String>, Long> lengths = new LinkedHashMap<>();
    try (Stream<Path> walk = Files.walk(source)) {
      for (Path path : (Iterable<Path>) walk::iterator) {
        if (Files.isRegularFile(path)) {
          Path relative = source.relativize(path);
          List<String> components = new ArrayList<>(relative.getNameCount());
          relative.forEach(component -> components.add(component.toString()));
          lengths.put(components, Files.size(path));
        }
      }
    }
    if (lengths.isEmpty()) {
      throw new InvalidMetainfoException("folder " + source + " holds no files");
    }
    return ContentLayout.multiFile(torrentName, lengths);
  }
}

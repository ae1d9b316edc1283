package org.everseed.agent.storage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.everseed.api.metainfo.Metainfo;
import org.everseed.api.metainfo.TorrentFile;

/**
 * Pieces mapped onto a torrent's files below a data folder, laid out as every BitTorrent client
 * does: a single-file torrent is {@code <data>/<name>}, a multi-file one {@code
 * <data>/<name>/<path...>}. A piece may span several files, and files of length zero hold no piece
 * data but are still created.
 */
public final class FileStorage implements PieceStorage {

  /** One stretch of a piece that lies in one file. */
  record Slice(int fileIndex, long fileOffset, int pieceOffset, int length) {}

  private final List<TorrentFile> files;
  private final List<Path> paths;
  private final int pieceLength;
  private final long totalLength;
  private final boolean writable;
  private final FileChannel[] channels;

  private FileStorage(Metainfo torrent, Path dataFolder, boolean writable) {
    this.files = torrent.files();
    this.pieceLength = torrent.pieceLength();
    this.totalLength = torrent.totalLength();
    this.writable = writable;
    this.paths = pathsBelow(torrent, dataFolder);
    this.channels = new FileChannel[files.size()];
  }

  /** Where each file of {@code torrent} lives below {@code dataFolder}. */
  public static List<Path> pathsBelow(Metainfo torrent, Path dataFolder) {
    List<Path> paths = new ArrayList<>();
    for (TorrentFile file : torrent.files()) {
      paths.add(
          torrent.isSingleFile()
              ? dataFolder.resolve(torrent.name())
              : file.resolveAgainst(dataFolder.resolve(torrent.name())));
    }
    return List.copyOf(paths);
  }

  /**
   * Opens the files for download, creating them at their full size (sparse where the file system
   * allows) so later writes cannot fail for lack of a file and the space shows up at once.
   */
  public static FileStorage createForDownload(Metainfo torrent, Path dataFolder)
      throws IOException {
    FileStorage storage = new FileStorage(torrent, dataFolder, true);
    for (int i = 0; i < storage.files.size(); i++) {
      Path path = storage.paths.get(i);
      Files.createDirectories(path.getParent());
      FileChannel channel =
          FileChannel.open(
              path, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
      long length = storage.files.get(i).length();
      if (channel.size() > length) {
        channel.truncate(length);
      } else if (channel.size() < length) {
        // Writing the last byte extends the file to its length without writing the rest.
        channel.write(ByteBuffer.wrap(new byte[1]), length - 1);
      }
      storage.channels[i] = channel;
    }
    return storage;
  }

  /** Opens existing complete files read-only, to seed them. */
  public static FileStorage openForSeeding(Metainfo torrent, Path dataFolder) throws IOException {
    FileStorage storage = new FileStorage(torrent, dataFolder, false);
    for (int i = 0; i < storage.files.size(); i++) {
      Path path = storage.paths.get(i);
      long size = Files.size(path);
      if (size != storage.files.get(i).length()) {
        storage.close();
        throw new IOException(
            path + " is " + size + " bytes, the torrent says " + storage.files.get(i).length());
      }
      storage.channels[i] = FileChannel.open(path, StandardOpenOption.READ);
    }
    return storage;
  }

  /** Whether the files exist with the sizes the torrent gives. */
  public static boolean filesPresent(Metainfo torrent, Path dataFolder) {
    List<Path> paths = pathsBelow(torrent, dataFolder);
    for (int i = 0; i < paths.size(); i++) {
      try {
        if (Files.size(paths.get(i)) != torrent.files().get(i).length()) {
          return false;
        }
      } catch (IOException e) {
        return false;
      }
    }
    return true;
  }

  public List<Path> paths() {
    return paths;
  }

  /** The stretches of files that bytes {@code [begin, begin + length)} of {@code piece} cover. */
  List<Slice> slices(int piece, int begin, int length) {
    long start = (long) piece * pieceLength + begin;
    long end = start + length;
    if (begin < 0 || length < 0 || end > totalLength || begin + length > pieceLength) {
      throw new IllegalArgumentException(
          "bytes " + begin + "+" + length + " of piece " + piece + " are outside the torrent");
    }
    List<Slice> slices = new ArrayList<>(2);
    int index = fileAt(start);
    long position = start;
    while (position < end) {
      TorrentFile file = files.get(index);
      long sliceEnd = Math.min(end, file.end());
      if (sliceEnd > position) {
        slices.add(
            new Slice(
                index,
                position - file.offset(),
                (int) (position - start + begin),
                (int) (sliceEnd - position)));
      }
      position = sliceEnd;
      index++;
    }
    return slices;
  }

  private int fileAt(long offset) {
    int low = 0;
    int high = files.size() - 1;
    while (low < high) {
      int middle = (low + high + 1) >>> 1;
      if (files.get(middle).offset() <= offset) {
        low = middle;
      } else {
        high = middle - 1;
      }
    }
    // Skip empty files that start where the wanted byte is but hold none of it.
    while (low < files.size() - 1 && files.get(low).end() <= offset) {
      low++;
    }
    return low;
  }

  @Override
  public void writePiece(int piece, ByteBuffer data) throws IOException {
    if (!writable) {
      throw new IOException("storage is open for seeding only");
    }
    for (Slice slice : slices(piece, 0, data.remaining())) {
      ByteBuffer part = data.duplicate();
      part.position(data.position() + slice.pieceOffset()).limit(part.position() + slice.length());
      long position = slice.fileOffset();
      while (part.hasRemaining()) {
        position += channels[slice.fileIndex()].write(part, position);
      }
    }
  }

  @Override
  public void read(int piece, int begin, ByteBuffer destination) throws IOException {
    int base = destination.position() - begin;
    for (Slice slice : slices(piece, begin, destination.remaining())) {
      ByteBuffer part = destination.duplicate();
      part.position(base + slice.pieceOffset()).limit(part.position() + slice.length());
      long position = slice.fileOffset();
      while (part.hasRemaining()) {
        int read = channels[slice.fileIndex()].read(part, position);
        if (read < 0) {
          throw new IOException(paths.get(slice.fileIndex()) + " is shorter than the torrent says");
        }
        position += read;
      }
    }
    destination.position(destination.limit());
  }

  @Override
  public void transferTo(int piece, int begin, int length, WritableByteChannel target)
      throws IOException {
    for (Slice slice : slices(piece, begin, length)) {
      long position = slice.fileOffset();
      long remaining = slice.length();
      while (remaining > 0) {
        long sent = channels[slice.fileIndex()].transferTo(position, remaining, target);
        if (sent <= 0) {
          throw new IOException("could not send from " + paths.get(slice.fileIndex()));
        }
        position += sent;
        remaining -= sent;
      }
    }
  }

  @Override
  public void flush() throws IOException {
    if (writable) {
      for (FileChannel channel : channels) {
        if (channel != null) {
          channel.force(false);
        }
      }
    }
  }

  @Override
  public void close() throws IOException {
    IOException failure = null;
    for (FileChannel channel : channels) {
      if (channel == null) {
        continue;
      }
      try {
        channel.close();
      } catch (IOException e) {
        failure = e;
      }
    }
    if (failure != null) {
      throw failure;
    }
  }
}

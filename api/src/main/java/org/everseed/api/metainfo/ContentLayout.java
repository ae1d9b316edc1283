package org.everseed.api.metainfo;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a torrent contains: its name and its files in canonical order with their offsets. Pieces are
 * cut from the files' bytes concatenated in exactly this order, so whoever hashes the content (the
 * creator reading from disk, the server hashing an upload) must feed the files in {@link #files()}
 * order.
 *
 * @param name the file name (single file) or root folder name (several files)
 * @param files the files in the order their bytes are concatenated; {@link #multiFile} sorts them
 *     by {@link TorrentFile#CANONICAL_ORDER}, torrents made by other tools may use another order.
 *     For a single file, one entry whose path is the name
 * @param singleFile whether the torrent is a single-file torrent (no {@code files} list)
 */
public record ContentLayout(String name, List<TorrentFile> files, boolean singleFile) {

  public ContentLayout {
    PathRules.check(List.of(name));
    files = List.copyOf(files);
    if (files.isEmpty()) {
      throw new InvalidMetainfoException("torrent '" + name + "' has no files");
    }
    if (singleFile && (files.size() != 1 || !files.get(0).path().equals(List.of(name)))) {
      throw new IllegalArgumentException(
          "a single-file layout has one file named like the torrent");
    }
    long offset = 0;
    Set<String> paths = new HashSet<>();
    Set<String> folders = new HashSet<>();
    for (TorrentFile file : files) {
      if (file.offset() != offset) {
        throw new IllegalArgumentException(
            "file '"
                + file.relativePath()
                + "' at offset "
                + file.offset()
                + ", expected "
                + offset);
      }
      if (!paths.add(file.relativePath())) {
        throw new InvalidMetainfoException("file '" + file.relativePath() + "' is listed twice");
      }
      List<String> path = file.path();
      for (int depth = 1; depth < path.size(); depth++) {
        folders.add(String.join("/", path.subList(0, depth)));
      }
      offset = Math.addExact(offset, file.length());
    }
    for (String folder : folders) {
      if (paths.contains(folder)) {
        throw new InvalidMetainfoException("'" + folder + "' is both a file and a folder");
      }
    }
    if (offset == 0) {
      throw new InvalidMetainfoException("torrent '" + name + "' holds no bytes");
    }
  }

  /** A torrent of one file. */
  public static ContentLayout singleFile(String name, long length) {
    return new ContentLayout(name, List.of(new TorrentFile(List.of(name), length, 0)), true);
  }

  /**
   * A torrent of several files below a root folder {@code name}, given by path components and
   * length in any order; they are sorted into canonical order and given offsets.
   */
  public static ContentLayout multiFile(String name, Map<List<String>, Long> lengthsByPath) {
    List<List<String>> paths = new ArrayList<>(lengthsByPath.keySet());
    for (List<String> path : paths) {
      PathRules.check(path);
    }
    paths.sort(TorrentFile.CANONICAL_ORDER);
    List<TorrentFile> files = new ArrayList<>(paths.size());
    long offset = 0;
    for (List<String> path : paths) {
      long length = lengthsByPath.get(path);
      files.add(new TorrentFile(path, length, offset));
      offset += length;
    }
    return new ContentLayout(name, files, false);
  }

  public long totalLength() {
    TorrentFile last = files.get(files.size() - 1);
    return last.end();
  }
}

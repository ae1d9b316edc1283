package org.everseed.api.metainfo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.everseed.api.bencode.BDictionary;
import org.everseed.api.bencode.BList;
import org.everseed.api.bencode.BString;
import org.everseed.api.bencode.BValue;
import org.everseed.api.bencode.BencodeDecoder;
import org.everseed.api.bencode.BencodeException;
import org.everseed.api.bencode.DecodedDictionary;
import org.everseed.api.bencode.Span;

/**
 * A validated {@code .torrent} (BEP 3 v1 metainfo).
 *
 * <pre>
 * d
 *   announce        string        tracker URL
 *   announce-list   list of lists tracker tiers (BEP 12)
 *   comment, created by  string
 *   creation date   integer       seconds since 1970
 *   info d
 *     name          string        file name, or root folder name
 *     piece length  integer       power of two, at least 16 KiB
 *     pieces        string        20-byte SHA-1 of each piece, concatenated
 *     private       integer       1: peers only from the tracker (BEP 27)
 *     length        integer       single file: its size       } exactly
 *     files         list of d     length, path (list of string) } one
 *   e
 *   url-list        string or list of strings  web seeds (BEP 19)
 * e
 * </pre>
 *
 * Keys Everseed does not know are kept: {@link #encoded()} gives back the file's exact bytes, and
 * the {@link #infoHash()} is the SHA-1 of the info dictionary exactly as it appears in them.
 */
public final class Metainfo {

  /** Refuse {@code .torrent} files larger than this before reading them. */
  public static final long MAX_FILE_SIZE = 64L << 20;

  private static final BencodeDecoder DECODER = new BencodeDecoder();

  private final byte[] encoded;
  private final BDictionary root;
  private final BDictionary info;
  private final InfoHash infoHash;
  private final ContentLayout layout;
  private final int pieceLength;
  private final byte[] pieces;

  private Metainfo(
      byte[] encoded,
      BDictionary root,
      BDictionary info,
      InfoHash infoHash,
      ContentLayout layout,
      int pieceLength,
      byte[] pieces) {
    this.encoded = encoded;
    this.root = root;
    this.info = info;
    this.infoHash = infoHash;
    this.layout = layout;
    this.pieceLength = pieceLength;
    this.pieces = pieces;
  }

  /** Reads and validates a {@code .torrent} file. */
  public static Metainfo read(Path torrentFile) throws IOException {
    long size = Files.size(torrentFile);
    if (size > MAX_FILE_SIZE) {
      throw new InvalidMetainfoException(
          torrentFile + " is " + size + " bytes, more than a torrent file may be");
    }
    return parse(Files.readAllBytes(torrentFile));
  }

  /** Parses and validates the bytes of a {@code .torrent}. */
  public static Metainfo parse(byte[] torrent) {
    byte[] encoded = torrent.clone();
    try {
      DecodedDictionary decoded;
      try {
        decoded = DECODER.decodeDictionary(encoded);
      } catch (BencodeException e) {
        throw new InvalidMetainfoException("not a valid .torrent: " + e.getMessage(), e);
      }
      BDictionary root = decoded.value();
      BDictionary info = root.getDict("info");
      Span infoSpan = decoded.spanOf("info").orElseThrow();
      InfoHash infoHash = InfoHash.ofInfoDictionary(encoded, infoSpan.offset(), infoSpan.length());

      long pieceLengthValue = info.getLong("piece length");
      PieceLength.check(pieceLengthValue);
      int pieceLength = (int) pieceLengthValue;
      byte[] pieces = info.getString("pieces").bytes();
      ContentLayout layout = layoutOf(info);
      checkPieces(pieces, layout.totalLength(), pieceLength);
      Metainfo metainfo = new Metainfo(encoded, root, info, infoHash, layout, pieceLength, pieces);
      metainfo.checkOptionalFields();
      return metainfo;
    } catch (ArithmeticException e) {
      throw new InvalidMetainfoException("the file lengths add up to more than 2^63 bytes", e);
    } catch (BencodeException e) {
      // Raised by the typed accessors: a key missing or holding the wrong kind of value.
      throw new InvalidMetainfoException(e.getMessage(), e);
    }
  }

  private static ContentLayout layoutOf(BDictionary info) {
    String name = utf8(info.getString("name"), "name");
    boolean hasLength = info.containsKey("length");
    boolean hasFiles = info.containsKey("files");
    if (hasLength == hasFiles) {
      throw new InvalidMetainfoException(
          "the info dictionary must have exactly one of 'length' (single file) and 'files'");
    }
    if (hasLength) {
      long length = info.getLong("length");
      if (length < 0) {
        throw new InvalidMetainfoException("negative file length " + length);
      }
      return ContentLayout.singleFile(name, length);
    }
    BList fileList = info.getList("files");
    List<TorrentFile> files = new ArrayList<>(fileList.size());
    long offset = 0;
    for (BValue entry : fileList.values()) {
      if (!(entry instanceof BDictionary file)) {
        throw new InvalidMetainfoException(
            "'files' holds a " + entry.kind() + ", not a dictionary");
      }
      long length = file.getLong("length");
      if (length < 0) {
        throw new InvalidMetainfoException("negative file length " + length);
      }
      List<String> path = new ArrayList<>();
      for (BValue component : file.getList("path").values()) {
        if (!(component instanceof BString string)) {
          throw new InvalidMetainfoException("a file path holds a " + component.kind());
        }
        path.add(utf8(string, "file path component"));
      }
      files.add(new TorrentFile(path, length, offset));
      offset = Math.addExact(offset, length);
    }
    return new ContentLayout(name, files, false);
  }

  private static void checkPieces(byte[] pieces, long totalLength, int pieceLength) {
    if (pieces.length % InfoHash.LENGTH != 0) {
      throw new InvalidMetainfoException(
          "'pieces' is " + pieces.length + " bytes, not a multiple of 20");
    }
    long expected = PieceLength.pieceCount(totalLength, pieceLength);
    long actual = pieces.length / InfoHash.LENGTH;
    if (actual != expected) {
      throw new InvalidMetainfoException(
          "'pieces' holds "
              + actual
              + " hashes, but "
              + totalLength
              + " bytes in pieces of "
              + pieceLength
              + " need "
              + expected);
    }
  }

  private void checkOptionalFields() {
    long privateFlag = info.optionalLong("private").orElse(0L);
    if (privateFlag != 0 && privateFlag != 1) {
      throw new InvalidMetainfoException("'private' must be 0 or 1, found " + privateFlag);
    }
    announce();
    announceList();
    webSeeds();
    creationDate();
    comment();
    createdBy();
  }

  private static String utf8(BString value, String what) {
    return value
        .asStrictUtf8()
        .orElseThrow(
            () -> new InvalidMetainfoException(what + " " + value + " is not valid UTF-8"));
  }

  /** The exact bytes of the {@code .torrent}. */
  public byte[] encoded() {
    return encoded.clone();
  }

  /** The whole decoded file, unknown keys included. */
  public BDictionary root() {
    return root;
  }

  /** The decoded info dictionary, unknown keys included. */
  public BDictionary info() {
    return info;
  }

  public InfoHash infoHash() {
    return infoHash;
  }

  public String name() {
    return layout.name();
  }

  public ContentLayout layout() {
    return layout;
  }

  /** The files in the order pieces are cut from; a single-file torrent has one. */
  public List<TorrentFile> files() {
    return layout.files();
  }

  public boolean isSingleFile() {
    return layout.singleFile();
  }

  public long totalLength() {
    return layout.totalLength();
  }

  public int pieceLength() {
    return pieceLength;
  }

  public int pieceCount() {
    return pieces.length / InfoHash.LENGTH;
  }

  /** The size of piece {@code index}: {@link #pieceLength()} except for a shorter last piece. */
  public int pieceSize(int index) {
    Objects.checkIndex(index, pieceCount());
    long start = (long) index * pieceLength;
    return (int) Math.min(pieceLength, totalLength() - start);
  }

  /** The SHA-1 of piece {@code index}. */
  public byte[] pieceHash(int index) {
    Objects.checkIndex(index, pieceCount());
    int from = index * InfoHash.LENGTH;
    return Arrays.copyOfRange(pieces, from, from + InfoHash.LENGTH);
  }

  /** All piece hashes concatenated, as in the {@code pieces} key. */
  public byte[] pieceHashes() {
    return pieces.clone();
  }

  /** Whether piece {@code index} has the SHA-1 {@code digest}. */
  public boolean pieceHashEquals(int index, byte[] digest) {
    Objects.checkIndex(index, pieceCount());
    int from = index * InfoHash.LENGTH;
    return Arrays.equals(pieces, from, from + InfoHash.LENGTH, digest, 0, digest.length);
  }

  public boolean isPrivate() {
    return info.optionalLong("private").orElse(0L) == 1;
  }

  public Optional<String> announce() {
    return root.optionalText("announce");
  }

  /** The BEP 12 tiers, or empty if the torrent has no {@code announce-list}. */
  public List<List<String>> announceList() {
    Optional<BList> tiers = root.optionalList("announce-list");
    if (tiers.isEmpty()) {
      return List.of();
    }
    List<List<String>> result = new ArrayList<>();
    for (BValue tier : tiers.get().values()) {
      if (!(tier instanceof BList urls)) {
        throw new InvalidMetainfoException(
            "'announce-list' holds a " + tier.kind() + ", not a list");
      }
      result.add(strings(urls, "announce-list"));
    }
    return List.copyOf(result);
  }

  /**
   * Every tracker URL once, in the order a client tries them: the {@code announce-list} tiers if
   * present (BEP 12 says clients then ignore {@code announce}), else {@code announce}.
   */
  public List<String> trackers() {
    Set<String> urls = new LinkedHashSet<>();
    announceList().forEach(urls::addAll);
    if (urls.isEmpty()) {
      announce().ifPresent(urls::add);
    }
    return List.copyOf(urls);
  }

  /** BEP 19 web seed URLs; {@code url-list} may be one string or a list. */
  public List<String> webSeeds() {
    Optional<BValue> urlList = root.find("url-list");
    if (urlList.isEmpty()) {
      return List.of();
    }
    if (urlList.get() instanceof BString url) {
      return url.length() == 0 ? List.of() : List.of(url.asUtf8());
    }
    if (urlList.get() instanceof BList urls) {
      return strings(urls, "url-list");
    }
    throw new InvalidMetainfoException(
        "'url-list' must be a string or a list, found " + urlList.get().kind());
  }

  public Optional<Instant> creationDate() {
    Optional<Long> seconds = root.optionalLong("creation date");
    if (seconds.isPresent()
        && (seconds.get() < Instant.MIN.getEpochSecond()
            || seconds.get() > Instant.MAX.getEpochSecond())) {
      throw new InvalidMetainfoException("'creation date' " + seconds.get() + " is out of range");
    }
    return seconds.map(Instant::ofEpochSecond);
  }

  public Optional<String> comment() {
    return root.optionalText("comment");
  }

  public Optional<String> createdBy() {
    return root.optionalText("created by");
  }

  private static List<String> strings(BList list, String key) {
    List<String> result = new ArrayList<>(list.size());
    for (BValue value : list.values()) {
      if (!(value instanceof BString string)) {
        throw new InvalidMetainfoException(
            "'" + key + "' holds a " + value.kind() + ", not a string");
      }
      result.add(string.asUtf8());
    }
    return List.copyOf(result);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Metainfo that && Arrays.equals(encoded, that.encoded);
  }

  @Override
  public int hashCode() {
    return infoHash.hashCode();
  }

  @Override
  public String toString() {
    return "Metainfo[" + name() + ", " + infoHash + "]";
  }
}

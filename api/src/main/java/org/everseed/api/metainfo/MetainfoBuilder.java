package org.everseed.api.metainfo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.everseed.api.bencode.BDictionary;
import org.everseed.api.bencode.BList;
import org.everseed.api.bencode.BString;
import org.everseed.api.bencode.BValue;
import org.everseed.api.bencode.BencodeEncoder;

/**
 * Builds a {@link Metainfo} from a {@link ContentLayout} and its piece hashes. The info dictionary
 * holds exactly the keys {@code mktorrent} writes ({@code length} or {@code files}, {@code name},
 * {@code piece length}, {@code pieces}, and {@code private} when set), so the same files, piece
 * length and private flag give the same info-hash with either tool.
 */
public final class MetainfoBuilder {

  private final ContentLayout layout;
  private final int pieceLength;
  private final byte[] pieces;
  private final List<List<String>> trackerTiers = new ArrayList<>();
  private final List<String> webSeeds = new ArrayList<>();
  private boolean privateTorrent = true;
  private String createdBy;
  private Instant creationDate;
  private String comment;

  /**
   * @param pieces the concatenated piece hashes, as {@link PieceHasher#finish()} returns them
   */
  public MetainfoBuilder(ContentLayout layout, int pieceLength, byte[] pieces) {
    this.layout = Objects.requireNonNull(layout);
    PieceLength.check(pieceLength);
    this.pieceLength = pieceLength;
    this.pieces = pieces.clone();
  }

  /** Adds a tracker tier of one URL; the first one also becomes {@code announce}. */
  public MetainfoBuilder announce(String trackerUrl) {
    trackerTiers.add(List.of(trackerUrl));
    return this;
  }

  /** Adds a BEP 12 tier of trackers a client tries in turn. */
  public MetainfoBuilder announceTier(List<String> trackerUrls) {
    if (trackerUrls.isEmpty()) {
      throw new IllegalArgumentException("a tracker tier needs at least one URL");
    }
    trackerTiers.add(List.copyOf(trackerUrls));
    return this;
  }

  /** Adds a BEP 19 web seed. */
  public MetainfoBuilder webSeed(String url) {
    webSeeds.add(Objects.requireNonNull(url));
    return this;
  }

  /** BEP 27; Everseed's torrents are private unless told otherwise. */
  public MetainfoBuilder privateTorrent(boolean isPrivate) {
    this.privateTorrent = isPrivate;
    return this;
  }

  /** The {@code created by} text, or null to leave it out. */
  public MetainfoBuilder createdBy(String program) {
    this.createdBy = program;
    return this;
  }

  /** The {@code creation date}, or null to leave it out (for reproducible files). */
  public MetainfoBuilder creationDate(Instant date) {
    this.creationDate = date;
    return this;
  }

  public MetainfoBuilder comment(String text) {
    this.comment = text;
    return this;
  }

  /** The info dictionary: everything the info-hash covers. */
  public BDictionary infoDictionary() {
    BDictionary.Builder info =
        BDictionary.builder()
            .put("name", layout.name())
            .put("piece length", pieceLength)
            .put("pieces", pieces);
    if (layout.singleFile()) {
      info.put("length", layout.totalLength());
    } else {
      List<BValue> files = new ArrayList<>(layout.files().size());
      for (TorrentFile file : layout.files()) {
        files.add(
            BDictionary.builder()
                .put("length", file.length())
                .put("path", BList.ofStrings(file.path()))
                .build());
      }
      info.put("files", new BList(files));
    }
    if (privateTorrent) {
      info.put("private", 1);
    }
    return info.build();
  }

  /** Builds and validates the torrent. */
  public Metainfo build() {
    BDictionary.Builder root = BDictionary.builder().put("info", infoDictionary());
    if (!trackerTiers.isEmpty()) {
      root.put("announce", trackerTiers.get(0).get(0));
      if (trackerTiers.size() > 1 || trackerTiers.get(0).size() > 1) {
        List<BValue> tiers = new ArrayList<>();
        for (List<String> tier : trackerTiers) {
          tiers.add(BList.ofStrings(tier));
        }
        root.put("announce-list", new BList(tiers));
      }
    }
    if (webSeeds.size() == 1) {
      // A single string is what older clients understand; BEP 19 allows both forms.
      root.put("url-list", BString.of(webSeeds.get(0)));
    } else if (webSeeds.size() > 1) {
      root.put("url-list", BList.ofStrings(webSeeds));
    }
    if (createdBy != null) {
      root.put("created by", createdBy);
    }
    if (creationDate != null) {
      root.put("creation date", creationDate.getEpochSecond());
    }
    if (comment != null) {
      root.put("comment", comment);
    }
    return Metainfo.parse(BencodeEncoder.encode(root.build()));
  }
}

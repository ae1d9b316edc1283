package org.everseed.api.tracker;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.everseed.api.metainfo.InfoHash;

/**
 * A scrape (BEP 48): the torrents a client asks about, each named by one {@code info_hash}
 * parameter, duplicates dropped, order kept.
 */
public record ScrapeRequest(List<InfoHash> infoHashes) {

  public ScrapeRequest {
    infoHashes = List.copyOf(infoHashes);
  }

  /**
   * Reads the {@code info_hash} parameters. A private tracker has no full scrape, so at least one
   * is required.
   */
  public static ScrapeRequest from(QueryParameters query) {
    List<byte[]> values = query.all("info_hash");
    if (values.isEmpty()) {
      throw new TrackerRequestException("missing parameter info_hash (no full scrape here)");
    }
    Set<InfoHash> hashes = new LinkedHashSet<>();
    for (byte[] value : values) {
      hashes.add(AnnounceRequest.infoHash(value, "info_hash"));
    }
    return new ScrapeRequest(new ArrayList<>(hashes));
  }
}

package org.everseed.application.webseed;

import java.nio.file.Path;
import java.util.List;
import org.everseed.api.metainfo.ContentLayout;
import org.everseed.api.metainfo.InfoHash;
import org.everseed.api.metainfo.Metainfo;
import org.everseed.api.metainfo.TorrentFile;
import org.everseed.domain.model.release.PayloadStore;
import org.everseed.domain.model.release.Release;

/**
 * A release's payload as the web seed serves it.
 *
 * @param root the payload's folder in the store, holding {@code layout.name()}
 */
public record SeedablePayload(InfoHash infoHash, ContentLayout layout, Path root) {
  /** Where {@code release}'s payload lies in {@code store}, laid out as its torrent says. */
  public static SeedablePayload of(Release release, PayloadStore store) {
    return new SeedablePayload(
        release.infoHash(),
        Metainfo.parse(release.torrent()).layout(),
        store.resolve(release.payloadPath()));
  }

  /**
   * The file a web seed URL path names: {@code name} for a single-file torrent, {@code name/a/b}
   * for file {@code a/b} of a multi-file one.
   *
   * @return its index in the layout, or -1
   */
  public int fileIndex(List<String> urlPath) {
    if (urlPath.isEmpty() || !urlPath.get(0).equals(layout.name())) {
      return -1;
    }
    List<TorrentFile> files = layout.files();
    if (layout.singleFile()) {
      return urlPath.size() == 1 ? 0 : -1;
    }
    List<String> inner = urlPath.subList(1, urlPath.size());
    for (int i = 0; i < files.size(); i++) {
      if (files.get(i).path().equals(inner)) {
        return i;
      }
    }
    return -1;
  }

  /** Where file {@code index} lies on disk. */
  public Path file(int index) {
    Path top = root.resolve(layout.name());
    return layout.singleFile() ? top : layout.files().get(index).resolveAgainst(top);
  }
}

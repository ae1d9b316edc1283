package org.everseed.domain.model.release;

import java.util.List;
import java.util.Optional;
import org.everseed.api.metainfo.InfoHash;

/** Where releases, their comments and ratings are kept. */
public interface ReleaseRepository {
  Optional<Release> find(ReleaseId id);

  Optional<Release> findByInfoHash(InfoHash infoHash);

  Optional<Release> findInChannel(long channelId, String name, String version);

  void store(Release release);

  /** One page of releases matching {@code query}, with swarm and rating figures. */
  ReleaseSearchResult search(ReleaseQuery query);

  /** The listing (figures included) of one release. */
  Optional<ReleaseListing> listing(ReleaseId id);

  void storeComment(ReleaseComment comment);

  List<ReleaseComment> comments(ReleaseId id);

  Optional<ReleaseRating> findRating(ReleaseId id, String rater);

  void storeRating(ReleaseRating rating);

  /**
   * Ids of active releases above {@code afterId}, ascending, at most {@code limit} (keyset paging).
   */
  List<ReleaseId> activeIdsAfter(long afterId, int limit);
}

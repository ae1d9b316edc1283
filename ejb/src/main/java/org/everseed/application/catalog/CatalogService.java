package org.everseed.application.catalog;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import org.everseed.application.fleet.PasskeyService;
import org.everseed.domain.model.release.Release;
import org.everseed.domain.model.release.ReleaseComment;
import org.everseed.domain.model.release.ReleaseId;
import org.everseed.domain.model.release.ReleaseListing;
import org.everseed.domain.model.release.ReleaseQuery;
import org.everseed.domain.model.release.ReleaseRating;
import org.everseed.domain.model.release.ReleaseRepository;
import org.everseed.domain.model.release.ReleaseSearchResult;

/** Finding, discussing, rating and retiring releases, and handing out their torrents. */
@Stateless
public class CatalogService {
  @Inject ReleaseRepository releases;
  @Inject PasskeyService passkeys;
  @Inject Event<CatalogChanged> catalogChanged;

  public ReleaseSearchResult search(ReleaseQuery query) {
    return releases.search(query);
  }

  public Release release(ReleaseId id) {
    return releases.find(id).orElseThrow(() -> new ReleaseNotFoundException(id));
  }

  public ReleaseListing listing(ReleaseId id) {
    return releases.listing(id).orElseThrow(() -> new ReleaseNotFoundException(id));
  }

  /** The release's torrent with {@code user}'s passkey in its tracker and web seed URLs. */
  public byte[] torrentFor(ReleaseId id, String user, String baseUrl) {
    Release release = release(id);
    String passkey = passkeys.passkeyForUser(user).value();
    return TorrentPersonalizer.personalize(release.torrent(), baseUrl, passkey);
  }

  /** The release's magnet link with {@code user}'s passkey. */
  public String magnetFor(ReleaseId id, String user, String baseUrl) {
    Release release = release(id);
    String passkey = passkeys.passkeyForUser(user).value();
    return TorrentPersonalizer.magnet(release.torrent(), baseUrl, passkey);
  }

  public List<ReleaseComment> comments(ReleaseId id) {
    release(id);
    return releases.comments(id);
  }

  public ReleaseComment comment(ReleaseId id, String author, String body) {
    release(id);
    ReleaseComment comment = new ReleaseComment(id, author, body, Instant.now());
    releases.storeComment(comment);
    return comment;
  }

  /** Gives or replaces {@code rater}'s rating; returns the release's figures afterwards. */
  public ReleaseListing rate(ReleaseId id, String rater, int stars) {
    release(id);
    releases
        .findRating(id, rater)
        .ifPresentOrElse(
            existing -> existing.rerate(stars, Instant.now()),
            () -> releases.storeRating(new ReleaseRating(id, rater, stars, Instant.now())));
    return listing(id);
  }

  /**
   * Stops distributing a release; allowed to its publisher and to administrators.
   *
   * @throws NotAllowedException for anyone else
   * @throws IllegalStateException if it is already retired
   */
  public Release retire(ReleaseId id, String user, boolean isAdmin, String reason) {
    Release release = release(id);
    if (!release.mayBeRetiredBy(user, isAdmin)) {
      throw new NotAllowedException(
          "only the publisher of release " + id + " or an administrator may retire it");
    }
    release.retire(user, reason, Instant.now());
    catalogChanged.fire(new CatalogChanged(release.infoHashHex(), false));
    return release;
  }
}

package org.everseed.application.catalog;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.everseed.application.audit.AuditTrail;
import org.everseed.application.fleet.PasskeyService;
import org.everseed.application.tracker.TrackerStatistics;
import org.everseed.domain.model.audit.AuditAction;
import org.everseed.domain.model.release.Release;
import org.everseed.domain.model.release.ReleaseComment;
import org.everseed.domain.model.release.ReleaseId;
import org.everseed.domain.model.release.ReleaseListing;
import org.everseed.domain.model.release.ReleaseQuery;
import org.everseed.domain.model.release.ReleaseRating;
import org.everseed.domain.model.release.ReleaseRepository;
import org.everseed.domain.model.release.ReleaseSearchResult;
import org.everseed.domain.model.release.SwarmFigures;
import org.everseed.domain.model.tracking.SwarmStatistics;

/** Finding, discussing, rating and retiring releases, and handing out their torrents. */
@Stateless
public class CatalogService {
  @Inject ReleaseRepository releases;
  @Inject PasskeyService passkeys;
  @Inject Event<CatalogChanged> catalogChanged;
  @Inject TrackerStatistics swarms;
  @Inject AuditTrail audit;
  @Inject Clock clock;

  /**
   * One page of the catalog. Ordering by seeders or completions uses the tracker's snapshot in the
   * database (a few seconds old); the figures shown are the tracker's live ones.
   */
  public ReleaseSearchResult search(ReleaseQuery query) {
    ReleaseSearchResult result = releases.search(query);
    return new ReleaseSearchResult(
        result.items().stream().map(this::withLiveSwarm).toList(), result.total());
  }

  public Release release(ReleaseId id) {
    return releases.find(id).orElseThrow(() -> new ReleaseNotFoundException(id));
  }

  /** The release's listing with the tracker's live swarm figures. */
  public ReleaseListing listing(ReleaseId id) {
    return withLiveSwarm(releases.listing(id).orElseThrow(() -> new ReleaseNotFoundException(id)));
  }

  private ReleaseListing withLiveSwarm(ReleaseListing l) {
    SwarmStatistics live = swarms.statisticsOf(l.infoHash());
    SwarmFigures figures = new SwarmFigures(live.seeders(), live.leechers(), live.completed());
    return new ReleaseListing(
        l.id(),
        l.name(),
        l.version(),
        l.channel(),
        l.kind(),
        l.description(),
        l.tags(),
        l.infoHash(),
        l.totalSize(),
        l.publisher(),
        l.createdAt(),
        l.status(),
        figures,
        l.averageRating(),
        l.ratingCount());
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
    ReleaseComment comment = new ReleaseComment(id, author, body, Instant.now(clock));
    releases.storeComment(comment);
    audit.record(
        author,
        AuditAction.RELEASE_COMMENTED,
        AuditTrail.release(id),
        "length",
        String.valueOf(body.length()));
    return comment;
  }

  /** Gives or replaces {@code rater}'s rating; returns the release's figures afterwards. */
  public ReleaseListing rate(ReleaseId id, String rater, int stars) {
    release(id);
    releases
        .findRating(id, rater)
        .ifPresentOrElse(
            existing -> existing.rerate(stars, Instant.now(clock)),
            () -> releases.storeRating(new ReleaseRating(id, rater, stars, Instant.now(clock))));
    audit.record(
        rater, AuditAction.RELEASE_RATED, AuditTrail.release(id), "stars", String.valueOf(stars));
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
    release.retire(user, reason, Instant.now(clock));
    audit.record(
        user,
        AuditAction.RELEASE_RETIRED,
        AuditTrail.release(id),
        "name",
        release.name(),
        "version",
        release.version(),
        "reason",
        reason);
    catalogChanged.fire(new CatalogChanged(release.infoHash(), false));
    return release;
  }
}

package org.everseed.interfaces.rest;

import java.util.Optional;
import org.everseed.api.rest.CommentView;
import org.everseed.api.rest.ReleaseDetails;
import org.everseed.api.rest.ReleaseSummary;
import org.everseed.application.webseed.PayloadProblem;
import org.everseed.domain.model.release.Release;
import org.everseed.domain.model.release.ReleaseComment;
import org.everseed.domain.model.release.ReleaseListing;

/** Converts catalog objects into the REST API's records. */
final class ReleaseViews {
  private ReleaseViews() {}

  static ReleaseSummary summary(ReleaseListing l) {
    return new ReleaseSummary(
        l.id().value(),
        l.name(),
        l.version(),
        l.channel(),
        l.kind().name().toLowerCase(),
        l.description(),
        l.tags(),
        l.infoHash().toHex(),
        l.totalSize(),
        l.publisher(),
        l.createdAt(),
        l.status().name().toLowerCase(),
        l.swarm().seeders(),
        l.swarm().leechers(),
        l.swarm().completed(),
        Math.round(l.averageRating() * 100) / 100.0,
        l.ratingCount());
  }

  static ReleaseDetails details(
      Release release,
      ReleaseListing listing,
      String baseUrl,
      Optional<PayloadProblem> payloadProblem) {
    String self = baseUrl + "/api/v1/releases/" + release.id();
    return new ReleaseDetails(
        summary(listing),
        release.pieceLength(),
        release.files().stream()
            .map(f -> new ReleaseDetails.FileEntry(f.path(), f.length()))
            .toList(),
        release.retiredAt(),
        release.retiredBy(),
        release.retireReason(),
        self + "/torrent",
        self + "/magnet",
        baseUrl + "/releases/" + release.id(),
        payloadProblem.map(ReleaseViews::payload).orElse(ReleaseDetails.PayloadStatus.INTACT));
  }

  static ReleaseDetails.PayloadStatus payload(PayloadProblem problem) {
    return new ReleaseDetails.PayloadStatus(
        problem.kind().name().toLowerCase(), problem.detail(), problem.checkedAt());
  }

  static CommentView comment(ReleaseComment c) {
    return new CommentView(c.id(), c.author(), c.body(), c.createdAt());
  }
}

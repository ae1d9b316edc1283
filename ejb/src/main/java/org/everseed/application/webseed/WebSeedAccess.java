package org.everseed.application.webseed;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.everseed.api.metainfo.InfoHash;
import org.everseed.application.catalog.CatalogChanged;
import org.everseed.application.tracker.Admissions;
import org.everseed.application.tracker.TrackerAccess;
import org.everseed.domain.model.release.PayloadStore;
import org.everseed.domain.model.release.ReleaseRepository;
import org.everseed.domain.model.tracking.Passkey;
import org.everseed.domain.model.tracking.TrackerAccount;

/**
 * Decides web seed requests from the tracker's admissions, the same in-memory snapshot announces
 * are checked against: the passkey must be live (and its agent enabled) and the release active. The
 * snapshot is refreshed before a publish, retire, disable or re-key request answers, so a revoked
 * passkey or retired release stops working at the very next request, and no request waits on the
 * database (a BEP 19 client asks for thousands of ranges per release). The file layouts, which
 * never change for an info-hash, are read once and cached.
 */
@ApplicationScoped
public class WebSeedAccess {
  private static final int MAX_CACHED_LAYOUTS = 10_000;

  @Inject ReleaseRepository releases;
  @Inject PayloadStore store;
  @Inject TrackerAccess tracker;

  private final Map<InfoHash, SeedablePayload> layouts = new ConcurrentHashMap<>();

  /** The payload {@code passkey} may fetch, or empty when it may not (or nothing is there). */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<SeedablePayload> payloadFor(Passkey passkey, InfoHash infoHash) {
    Admissions admissions = tracker.current();
    TrackerAccount account = admissions.accounts().get(passkey);
    if (account == null || !account.enabled() || !admissions.torrents().contains(infoHash)) {
      return Optional.empty();
    }
    SeedablePayload cached = layouts.get(infoHash);
    if (cached != null) {
      return Optional.of(cached);
    }
    Optional<SeedablePayload> found =
        releases.findByInfoHash(infoHash).map(release -> SeedablePayload.of(release, store));
    if (found.isEmpty()) {
      return Optional.empty();
    }
    SeedablePayload payload = found.get();
    if (layouts.size() >= MAX_CACHED_LAYOUTS) {
      layouts.clear();
    }
    layouts.put(infoHash, payload);
    return Optional.of(payload);
  }

  void onCatalogChanged(@Observes CatalogChanged change) {
    layouts.remove(change.infoHash());
  }
}

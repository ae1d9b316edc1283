package org.everseed.application.webseed;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.everseed.api.metainfo.InfoHash;
import org.everseed.api.metainfo.Metainfo;
import org.everseed.application.catalog.CatalogChanged;
import org.everseed.application.tracker.Admissions;
import org.everseed.application.tracker.TrackerAccess;
import org.everseed.domain.model.tracking.Passkey;
import org.everseed.domain.model.tracking.TrackerAccount;
import org.everseed.infrastructure.storage.PayloadStore;

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

  @PersistenceContext(unitName = "everseed")
  EntityManager em;

  @Inject PayloadStore store;
  @Inject TrackerAccess tracker;

  private final Map<String, SeedablePayload> layouts = new ConcurrentHashMap<>();

  /** The payload {@code passkey} may fetch, or empty when it may not (or nothing is there). */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<SeedablePayload> payloadFor(String passkey, String infoHashHex) {
    Admissions admissions = tracker.current();
    Optional<Passkey> key = Passkey.parse(passkey);
    TrackerAccount account = key.map(admissions.accounts()::get).orElse(null);
    if (account == null
        || !account.enabled()
        || !admissions.torrents().contains(InfoHash.fromHex(infoHashHex))) {
      return Optional.empty();
    }
    SeedablePayload cached = layouts.get(infoHashHex);
    if (cached != null) {
      return Optional.of(cached);
    }
    List<?> rows =
        em.createNativeQuery(
                "select r.payload_path, r.torrent from release r where r.info_hash = :hash")
            .setParameter("hash", infoHashHex)
            .getResultList();
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    Object[] row = (Object[]) rows.get(0);
    SeedablePayload payload =
        new SeedablePayload(
            infoHashHex, Metainfo.parse((byte[]) row[1]).layout(), store.resolve((String) row[0]));
    if (layouts.size() >= MAX_CACHED_LAYOUTS) {
      layouts.clear();
    }
    layouts.put(infoHashHex, payload);
    return Optional.of(payload);
  }

  void onCatalogChanged(@Observes CatalogChanged change) {
    layouts.remove(change.infoHashHex());
  }
}

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
import org.everseed.api.metainfo.Metainfo;
import org.everseed.application.catalog.CatalogChanged;
import org.everseed.infrastructure.storage.PayloadStore;

/**
 * Decides web seed requests: the passkey must be live (and its agent enabled) and the release
 * active. Checked against the database on every request, so a revoked passkey, a disabled agent or
 * a retired release stops working at the very next request; the parsed file layouts, which never
 * change for an info-hash, are cached.
 */
@ApplicationScoped
public class WebSeedAccess {
  private static final int MAX_CACHED_LAYOUTS = 10_000;

  @PersistenceContext(unitName = "everseed")
  EntityManager em;

  @Inject PayloadStore store;

  private final Map<String, SeedablePayload> layouts = new ConcurrentHashMap<>();

  /** The payload {@code passkey} may fetch, or empty when it may not (or nothing is there). */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<SeedablePayload> payloadFor(String passkey, String infoHashHex) {
    List<?> rows =
        em.createNativeQuery(
                "select r.payload_path from release r"
                    + " where r.info_hash = :hash and r.status = 'ACTIVE'"
                    + " and exists (select 1 from passkey p left join agent a on a.id = p.agent_id"
                    + " where p.passkey = :passkey and p.revoked_at is null"
                    + " and (a.id is null or a.status = 'ACTIVE'))")
            .setParameter("hash", infoHashHex)
            .setParameter("passkey", passkey)
            .getResultList();
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    String payloadPath = (String) rows.get(0);
    SeedablePayload cached = layouts.get(infoHashHex);
    if (cached != null) {
      return Optional.of(cached);
    }
    byte[] torrent =
        (byte[])
            em.createNativeQuery("select r.torrent from release r where r.info_hash = :hash")
                .setParameter("hash", infoHashHex)
                .getSingleResult();
    SeedablePayload payload =
        new SeedablePayload(
            infoHashHex, Metainfo.parse(torrent).layout(), store.resolve(payloadPath));
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

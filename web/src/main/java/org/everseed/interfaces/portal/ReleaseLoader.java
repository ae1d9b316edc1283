package org.everseed.interfaces.portal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import org.everseed.application.catalog.CatalogService;
import org.everseed.domain.model.release.Release;
import org.everseed.domain.model.release.ReleaseFile;
import org.everseed.domain.model.release.ReleaseId;
import org.everseed.domain.model.release.ReleaseListing;

/**
 * Reads a release for its page in one transaction, so its lazily loaded file list is fetched while
 * the persistence context is open rather than when the page renders it.
 */
@ApplicationScoped
public class ReleaseLoader {
  @Inject CatalogService catalog;

  /** A release with its catalog figures and its files, ready to render. */
  public record LoadedRelease(Release release, ReleaseListing listing, List<ReleaseFile> files) {}

  @Transactional
  public LoadedRelease load(ReleaseId id) {
    Release release = catalog.release(id);
    return new LoadedRelease(release, catalog.listing(id), release.files());
  }
}

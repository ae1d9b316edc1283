package org.everseed.application.catalog;

import org.everseed.api.metainfo.InfoHash;

/**
 * Fired (CDI event) after a release was published or retired, so that caches of registered
 * info-hashes (the tracker's, the web seed's) refresh at once.
 *
 * @param infoHash the release's info-hash
 * @param active whether it is now distributed
 */
public record CatalogChanged(InfoHash infoHash, boolean active) {}

package org.everseed.application.catalog;

/**
 * Fired (CDI event) after a release was published or retired, so that caches of registered
 * info-hashes (the tracker's, the web seed's) refresh at once.
 *
 * @param infoHashHex the release's info-hash
 * @param active whether it is now distributed
 */
public record CatalogChanged(String infoHashHex, boolean active) {}

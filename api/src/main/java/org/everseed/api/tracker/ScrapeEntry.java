package org.everseed.api.tracker;

import org.everseed.api.metainfo.InfoHash;

/**
 * One torrent in a scrape answer (BEP 48).
 *
 * @param complete seeders now
 * @param downloaded completed downloads ever reported
 * @param incomplete leechers now
 */
public record ScrapeEntry(InfoHash infoHash, long complete, long downloaded, long incomplete) {}

/**
 * Magnet links (the BEP 9 format): a torrent named by its info-hash, with optional name, trackers,
 * web seeds and length, so a client can find peers and fetch the metainfo from them.
 */
package org.everseed.api.magnet;

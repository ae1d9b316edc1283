/**
 * The HTTP tracker client: sends an announce written by {@code api.tracker.AnnounceRequest} and
 * decodes the answer with {@code api.tracker.AnnounceResponse} (BEP 3, BEP 23 compact peers, BEP 7
 * IPv6 peers), the same formats the server's tracker reads and writes. The announce URL is used as
 * the torrent gives it, passkey path and all.
 */
package org.everseed.agent.tracker;

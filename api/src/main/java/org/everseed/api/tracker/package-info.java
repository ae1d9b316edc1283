/**
 * The HTTP tracker protocol (BEP 3 announce, BEP 23 compact peers, BEP 7 IPv6 peers, BEP 48
 * scrape), transport-neutral: {@link org.everseed.api.tracker.QueryParameters} decodes a raw query
 * string byte for byte, {@link org.everseed.api.tracker.AnnounceRequest} and {@link
 * org.everseed.api.tracker.ScrapeRequest} validate what a client asked, and {@link
 * org.everseed.api.tracker.TrackerResponses} writes the bencoded answers straight into byte arrays.
 * Nothing here owns a socket or a thread.
 */
package org.everseed.api.tracker;

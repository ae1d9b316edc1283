/**
 * The HTTP tracker protocol (BEP 3 announce, BEP 23 compact peers, BEP 7 IPv6 peers, BEP 48
 * scrape), transport-neutral and the same for both sides. The tracker decodes a raw query string
 * byte for byte with {@link org.everseed.api.tracker.QueryParameters}, validates it with {@link
 * org.everseed.api.tracker.AnnounceRequest#from} and {@link
 * org.everseed.api.tracker.ScrapeRequest}, and writes its answers straight into byte arrays with
 * {@link org.everseed.api.tracker.TrackerResponses}; a client writes its announce with {@link
 * org.everseed.api.tracker.AnnounceRequest#toQuery} and reads the answer with {@link
 * org.everseed.api.tracker.AnnounceResponse#decode}. Nothing here owns a socket or a thread or asks
 * DNS.
 */
package org.everseed.api.tracker;

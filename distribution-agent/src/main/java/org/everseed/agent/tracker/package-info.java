/**
 * The HTTP tracker client (BEP 3 announce with compact peers, BEP 23, and IPv6 peers, BEP 7). The
 * announce URL is used as the torrent gives it, passkey path and all.
 */
package org.everseed.agent.tracker;

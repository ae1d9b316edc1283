/**
 * The HTTP tracker: {@code GET /announce/{passkey}} and {@code GET /scrape/{passkey}} at the root
 * context, as plain servlets because {@code info_hash} and {@code peer_id} are raw bytes that only
 * the undecoded query string carries. The servlets convert and delegate to {@link
 * org.everseed.application.tracker.Tracker}; refusals are HTTP 200 with a bencoded {@code failure
 * reason}, which is what clients display.
 */
package org.everseed.interfaces.tracker;

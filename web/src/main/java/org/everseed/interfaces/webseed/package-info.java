/**
 * The web seed (BEP 19): {@code GET /seed/<passkey>/<info-hash>/<name>[/<path>]} serves payload
 * bytes with HTTP Range, so any standard client can complete a download from the server alone.
 */
package org.everseed.interfaces.webseed;
